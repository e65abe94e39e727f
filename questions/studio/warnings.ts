/**
 * The quality audit's warnings on one generated question, for the studio's
 * preview to show beside it (`questions/audit.ts` measures the same things
 * over a whole bank): too few distractors, a key that is the odd one out, a
 * question guessable without the text.
 */
import { isOddOneOut, stemOverlap } from "../audit";
import type { GeneratedQuestion } from "../generate";
import { normalizeForComparison } from "../normalize";
import type { Sentence } from "../schema";

export const ITEM_WARNINGS = ["few-distractors", "odd-one-out", "guessable"] as const;
export type ItemWarning = (typeof ITEM_WARNINGS)[number];

/** A stem taking this share of its content words from the evidence can be answered by matching words. */
const GUESSABLE_OVERLAP = 0.6;

export function itemWarnings(g: GeneratedQuestion, sentences: ReadonlyMap<string, Sentence>): ItemWarning[] {
  const { question } = g;
  const warnings: ItemWarning[] = [];
  if (question.kind !== "true-false" && question.options.length < 4) warnings.push("few-distractors");
  if (isOddOneOut(g)) warnings.push("odd-one-out");
  const key = question.options.find((o) => o.id === question.answerId)?.text ?? "";
  const evidence = sentences.get(question.evidenceSentenceId);
  const comprehension = question.kind === "comprehension-en" || question.kind === "comprehension-fr";
  const copies =
    comprehension &&
    evidence !== undefined &&
    stemOverlap(question.stem, question.language === "fr" ? evidence.fr : evidence.en) >= GUESSABLE_OVERLAP;
  const givesAway =
    question.kind !== "true-false" &&
    question.kind !== "cloze" &&
    normalizeForComparison(key).length > 2 &&
    ` ${normalizeForComparison(question.stem)} `.includes(` ${normalizeForComparison(key)} `);
  if (copies || givesAway) warnings.push("guessable");
  return warnings;
}
