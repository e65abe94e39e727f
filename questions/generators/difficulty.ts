/**
 * Difficulty per item, from what makes that item hard, not from its kind
 * alone: the fact's own difficulty (or the term's level), a stem read in
 * French, a key that is a paraphrase rather than the article's words,
 * distractors that the article itself names (a skimmer cannot rule them out),
 * and four options rather than three.
 */
import { clampDifficulty } from "./types";

export interface DifficultyFeatures {
  /** 1 easy … 3 hard: the fact's difficulty, or the term's CEFR band. */
  base: number;
  frenchStem: boolean;
  paraphrasedKey: boolean;
  /** Distractors taken from the article. */
  articleDistractors: number;
  optionCount: number;
}

export function itemDifficulty(f: DifficultyFeatures): 1 | 2 | 3 {
  let score = f.base;
  if (f.frenchStem) score += 0.5;
  if (f.paraphrasedKey) score += 0.5;
  if (f.articleDistractors >= 2) score += 0.5;
  if (f.optionCount <= 3) score -= 0.5;
  return clampDifficulty(Math.round(score - 0.25));
}
