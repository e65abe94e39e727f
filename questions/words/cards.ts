/**
 * What a review asks: which cards are due, in what order, and how each is
 * built from the word's own sentence.
 */
import { indexOfWord } from "../article";
import { normalizeForComparison } from "../normalize";
import { createRandom, shuffle } from "../random";
import { isInReview } from "./status";
import type { CardKind, SavedWord } from "./word";

export interface DueCard {
  wordId: string;
  kind: CardKind;
  due: number;
}

/**
 * Anki's "learn ahead" limit: when nothing is due, a card in its learning
 * steps (due in minutes) is shown rather than leaving the learner waiting.
 */
export const LEARN_AHEAD_MS = 20 * 60 * 1000;

function activeCards(word: SavedWord): DueCard[] {
  if (!isInReview(word)) return [];
  const cards: DueCard[] = [{ wordId: word.id, kind: "recognition", due: word.cards.recognition.due }];
  if (word.cards.production)
    cards.push({ wordId: word.id, kind: "production", due: word.cards.production.due });
  return cards;
}

/** Recognition before production, then the longest overdue first; ties by word for a stable order. */
function byPriority(a: DueCard, b: DueCard): number {
  if (a.kind !== b.kind) return a.kind === "recognition" ? -1 : 1;
  return a.due - b.due || a.wordId.localeCompare(b.wordId);
}

/** The cards to review now; when none is due, those due within the learn-ahead limit. */
export function dueCards(words: Iterable<SavedWord>, now: number): DueCard[] {
  const all: DueCard[] = [];
  for (const word of words) all.push(...activeCards(word));
  const due = all.filter((card) => card.due <= now);
  const queue = due.length > 0 ? due : all.filter((card) => card.due <= now + LEARN_AHEAD_MS);
  return queue.sort(byPriority);
}

/** Cards due by the end of the learner's day: the home page's count. */
export function dueByCount(words: Iterable<SavedWord>, until: number): number {
  let count = 0;
  for (const word of words) for (const card of activeCards(word)) if (card.due <= until) count += 1;
  return count;
}

/** When the next card falls due, for "nothing to review until …". */
export function nextDue(words: Iterable<SavedWord>): number | null {
  let next: number | null = null;
  for (const word of words)
    for (const card of activeCards(word)) if (next === null || card.due < next) next = card.due;
  return next;
}

export interface SentenceWithWord {
  before: string;
  /** The word as it stands in the sentence; empty when it could not be found there. */
  form: string;
  after: string;
}

/** The word's sentence split around the word, to highlight it (recognition) or blank it (production). */
export function splitSentence(word: SavedWord): SentenceWithWord | null {
  const context = word.context;
  if (!context) return null;
  const start = indexOfWord(context.sentence, context.form);
  if (start < 0) return { before: context.sentence, form: "", after: "" };
  return {
    before: context.sentence.slice(0, start),
    form: context.form,
    after: context.sentence.slice(start + context.form.length),
  };
}

/** What production asks the learner to give: the form in the sentence, or the lemma without one. */
export function productionAnswer(word: SavedWord): string {
  const split = splitSentence(word);
  return split?.form ? split.form : word.lemma;
}

/**
 * Up to four forms to pick from: the answer and other saved words' forms,
 * the same for the same word on the same day (seeded), none when the
 * learner has saved too few words to make three.
 */
export function productionChoices(word: SavedWord, others: readonly SavedWord[], seed: string): string[] {
  const answer = productionAnswer(word);
  const seen = new Set([normalizeForComparison(answer)]);
  const pool: string[] = [];
  for (const other of others) {
    if (other.id === word.id || other.status === "ignored") continue;
    const form = productionAnswer(other);
    const key = normalizeForComparison(form);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    pool.push(form);
  }
  if (pool.length < 3) return [];
  const random = createRandom(`${seed}:${word.id}`);
  return shuffle([answer, ...shuffle(pool, random).slice(0, 3)], random);
}

export type TypedVerdict = "right" | "accents" | "wrong";

/**
 * A typed answer against the form: case, apostrophes and spaces never
 * count; a slip only in accents is "accents" (shown, but not failed).
 */
export function checkTyped(typed: string, answer: string): TypedVerdict {
  const clean = (text: string) =>
    text.normalize("NFC").replace(/[’ʼ]/g, "'").replace(/\s+/g, " ").trim().toLocaleLowerCase("fr");
  if (clean(typed) === clean(answer)) return "right";
  if (normalizeForComparison(typed) === normalizeForComparison(answer) && normalizeForComparison(typed))
    return "accents";
  return "wrong";
}
