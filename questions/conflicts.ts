/**
 * Items that answer each other. A learner who meets both gets one of them
 * free, so a quiz, an assignment, a retry round and a review sample never
 * hold two items when:
 * - they are the true and the false version of one statement (one
 *   true/false topic): the pair tells its own answer;
 * - they test the same words of the text (`target`: a term asked as
 *   vocabulary and as a connector, a cloze's gapped words asked as
 *   vocabulary, one term in two sentences);
 * - one shows in its stem or passage the words that answer the other by matching:
 *   a cloze's gapped words, a comprehension key quoted from the text (a name,
 *   a number), the words a true/false statement turns on.
 * Pure and small: the quiz page draws quizzes in the browser with it.
 */
import { normalizeForComparison } from "./normalize";
import type { Question } from "./question-types";

export type ConflictFields = Pick<
  Question,
  "kind" | "topicId" | "stem" | "passage" | "support" | "options" | "answerId" | "target"
>;

/**
 * The texts whose sight answers an item without reading it: a cloze's
 * gapped words; a comprehension key quoted word for word from the text (a
 * name, a number: a paraphrased key still has to be understood); the words a
 * true/false statement turns on, which decide it by matching. A reference or
 * a text-level item is answered by understanding, not by a string.
 */
function answerTexts(q: ConflictFields): string[] {
  const key = q.options.find((o) => o.id === q.answerId)?.text ?? "";
  switch (q.kind) {
    case "cloze":
    case "true-false":
      return [q.support];
    case "comprehension-en":
    case "comprehension-fr":
      return [q.support, key];
    default:
      return [];
  }
}

interface Keys {
  /** Normalised texts whose sight answers the item. */
  answers: string[];
  /** Normalised words of the text the item tests. */
  targets: string[];
  /** What the item shows in French (its stem and passage), normalised and padded for whole-word search. */
  shown: string;
}

const cache = new WeakMap<ConflictFields, Keys>();

function keysOf(q: ConflictFields): Keys {
  const cached = cache.get(q);
  if (cached) return cached;
  const norm = (text: string | undefined) => (text ? normalizeForComparison(text) : "");
  const keys: Keys = {
    answers: answerTexts(q)
      .map(norm)
      .filter((t) => t.length > 0),
    targets: [norm(q.target)].filter((t) => t.length > 0),
    shown: ` ${norm(q.stem)} ${norm(q.passage)} `,
  };
  cache.set(q, keys);
  return keys;
}

/** Whether `words` stand as whole words in a padded normalised text. */
function standsIn(padded: string, words: string): boolean {
  return padded.includes(` ${words} `);
}

function overlap(a: string, b: string): boolean {
  return standsIn(` ${a} `, b) || standsIn(` ${b} `, a);
}

/** Whether `shown`'s stem or passage holds what answers `asked`. */
function shows(shown: ConflictFields, asked: ConflictFields): boolean {
  const text = keysOf(shown).shown;
  return keysOf(asked).answers.some((answer) => standsIn(text, answer));
}

/** Why two different items cannot stand in one quiz, or undefined when they can. */
export function conflictBetween(
  a: ConflictFields,
  b: ConflictFields,
): "true-false-pair" | "same-target" | "passage-shows-answer" | undefined {
  if (a === b) return undefined;
  if (a.kind === "true-false" && b.kind === "true-false" && a.topicId === b.topicId) return "true-false-pair";
  const [ka, kb] = [keysOf(a), keysOf(b)];
  if (ka.targets.some((t) => kb.targets.some((u) => overlap(t, u)))) return "same-target";
  if (shows(a, b) || shows(b, a)) return "passage-shows-answer";
  return undefined;
}

export function conflicts(a: ConflictFields, b: ConflictFields): boolean {
  return conflictBetween(a, b) !== undefined;
}

/** Whether `candidate` can join items already drawn. */
export function fitsWith(candidate: ConflictFields, drawn: readonly ConflictFields[]): boolean {
  return drawn.every((q) => !conflicts(candidate, q));
}

/** Pairs of items in one drawn set that answer each other. */
export function conflictingPairs<Q extends ConflictFields>(items: readonly Q[]): [Q, Q][] {
  const pairs: [Q, Q][] = [];
  items.forEach((a, i) => {
    for (const b of items.slice(i + 1)) if (conflicts(a, b)) pairs.push([a, b]);
  });
  return pairs;
}
