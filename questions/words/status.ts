/**
 * A word's life on the device: saved (new), reviewed (learning, with a
 * strength), known, or ignored (names, numbers: never asked, never counted).
 * Pure functions of a word and a time.
 */
import { applyReview, newCard } from "./schedule";
import {
  WORD_RECORD_VERSION,
  wordKey,
  type CardKind,
  type GradeName,
  type SavedWord,
  type WordContext,
  type WordStatus,
} from "./word";

export interface NewWordInput {
  lemma: string;
  meaning: string;
  context: WordContext | null;
  termId?: string | null;
  tags?: readonly string[];
  /** "known" from "mark all the rest as known"; "new" when saved to learn. */
  status?: WordStatus;
}

export function createWord(input: NewWordInput, now: number): SavedWord {
  const lemma = input.lemma.normalize("NFC").replace(/\s+/g, " ").trim();
  return {
    v: WORD_RECORD_VERSION,
    id: wordKey(lemma),
    lemma,
    meaning: input.meaning.trim(),
    status: input.status ?? "new",
    context: input.context,
    termId: input.termId ?? null,
    tags: normaliseTags(input.tags ?? []),
    createdAt: now,
    updatedAt: now,
    reviews: [],
    cards: { recognition: newCard(now), production: null },
  };
}

/** Anki's tags hold no spaces; one list, sorted, no duplicates. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().replace(/\s+/g, "_")).filter(Boolean))].sort();
}

/** An answer in review: kept in the history, the card rescheduled, a new word now learning. */
export function recordAnswer(
  word: SavedWord,
  answer: { id: string; card: CardKind; grade: GradeName; at: number },
): SavedWord {
  if (word.reviews.some((review) => review.id === answer.id)) return word; // the same answer twice
  return {
    ...word,
    status: word.status === "new" ? "learning" : word.status,
    reviews: [...word.reviews, { id: answer.id, card: answer.card, grade: answer.grade, at: answer.at }],
    cards: applyReview(word.cards, answer.card, answer.grade, answer.at),
  };
}

/** The learner's own choice; history and cards are kept, so "learning" again resumes where it was. */
export function setStatus(word: SavedWord, status: WordStatus, now: number): SavedWord {
  if (word.status === status) return word;
  // A word never reviewed is "new", whatever was asked: "learning" means it has been.
  const effective = status === "learning" && word.reviews.length === 0 ? "new" : status;
  return { ...word, status: effective, updatedAt: now };
}

export function setMeaning(word: SavedWord, meaning: string, now: number): SavedWord {
  const trimmed = meaning.trim();
  return trimmed === word.meaning ? word : { ...word, meaning: trimmed, updatedAt: now };
}

/** Days of stability that make each step of strength (1–5): a day, 3 days, 10 days, a month. */
const STRENGTH_STEPS = [1, 3, 10, 30] as const;
export const MAX_STRENGTH = STRENGTH_STEPS.length + 1;

/**
 * How well a learning word is held, 1–5, from FSRS's stability of its
 * recognition card (the days until recall drops to 90 %): 1 under a day,
 * 5 from a month. 0 for a word never reviewed.
 */
export function strength(word: SavedWord): number {
  if (word.reviews.length === 0) return 0;
  const { stability } = word.cards.recognition;
  return 1 + STRENGTH_STEPS.filter((days) => stability >= days).length;
}

export type StatusCounts = Record<WordStatus, number>;

export function statusCounts(words: Iterable<SavedWord>): StatusCounts {
  const counts: StatusCounts = { new: 0, learning: 0, known: 0, ignored: 0 };
  for (const word of words) counts[word.status] += 1;
  return counts;
}

/** Only new and learning words are reviewed; known and ignored ones rest. */
export function isInReview(word: SavedWord): boolean {
  return word.status === "new" || word.status === "learning";
}
