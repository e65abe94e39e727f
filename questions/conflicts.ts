/**
 * Items that answer each other, and items that stand on the same ground.
 *
 * A learner who meets two items that answer each other gets one of them
 * free, so a quiz, an assignment, a retry round and a review sample never
 * hold two items when (`conflictBetween`):
 * - they are the true and the false version of one statement (one
 *   true/false topic): the pair tells its own answer;
 * - they test the same words of the text (`target`: a term asked as
 *   vocabulary and as a connector, a cloze's gapped words asked as
 *   vocabulary, one term in two sentences);
 * - one reveals a sentence whose sight answers the other (`sentences`): a
 *   main idea shows its whole paragraph, a vocabulary item its sentence, a
 *   comprehension stem restates its own, a reference's options restate what
 *   other sentences say; a fact is answered by its sentence, by the other
 *   sentences that decide it, and by those where its wrong values from the
 *   article stand in their own role;
 * - one shows in its stem, passage or options the words that answer the
 *   other by matching: a cloze's gapped words, a comprehension key quoted
 *   from the text (a name, a number), the words a true/false statement turns on.
 *
 * Two items on one sentence or one fact (`sharesGround`) do not answer each
 * other, but a quiz that asks about one sentence twice teaches less and
 * cues more: draws keep them apart while another choice exists.
 * Pure and small: the quiz page draws quizzes in the browser with it.
 */
import { normalizeForComparison } from "./normalize";
import type { Question } from "./question-types";

export type ConflictFields = Pick<
  Question,
  "kind" | "topicId" | "stem" | "passage" | "support" | "options" | "answerId" | "target"
> &
  Partial<Pick<Question, "evidenceSentenceId" | "sentences">>;

/** Kinds whose sentence answers them: a fact asked, blanked or restated, a reference's antecedent. */
const ANSWERED_BY_THEIR_SENTENCE: ReadonlySet<Question["kind"]> = new Set([
  "comprehension-en",
  "comprehension-fr",
  "true-false",
  "cloze",
  "reference",
]);

/** An item's sentences; a bank made before they were recorded falls back on the evidence sentence. */
export function sentencesOf(q: ConflictFields): NonNullable<Question["sentences"]> {
  if (q.sentences) return q.sentences;
  const evidence = q.evidenceSentenceId ? [q.evidenceSentenceId] : [];
  return {
    on: evidence,
    reveals: evidence,
    answeredBy: ANSWERED_BY_THEIR_SENTENCE.has(q.kind) ? evidence : [],
  };
}

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
  /** What the item shows (its stem, passage and options), normalised and padded for whole-word search. */
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
    shown: ` ${[q.stem, q.passage, ...q.options.map((o) => o.text)].map(norm).join(" ")} `,
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

/** Whether `shown`'s stem, passage or options hold what answers `asked`. */
function shows(shown: ConflictFields, asked: ConflictFields): boolean {
  const text = keysOf(shown).shown;
  return keysOf(asked).answers.some((answer) => standsIn(text, answer));
}

const meet = (a: readonly string[], b: readonly string[]) => a.some((id) => b.includes(id));

/** Whether `shown` reveals a sentence whose sight answers `asked`. */
function revealsAnswer(shown: ConflictFields, asked: ConflictFields): boolean {
  return meet(sentencesOf(shown).reveals, sentencesOf(asked).answeredBy);
}

export type ConflictReason = "true-false-pair" | "same-target" | "sentence-answers" | "passage-shows-answer";

// Items are immutable once generated: a pair's verdict is kept (null for "none"), as quiz
// draws ask about the same pairs many times over.
const verdicts = new WeakMap<ConflictFields, WeakMap<ConflictFields, ConflictReason | null>>();

/** Why two different items cannot stand in one quiz, or undefined when they can. */
export function conflictBetween(a: ConflictFields, b: ConflictFields): ConflictReason | undefined {
  let row = verdicts.get(a);
  const known = row?.get(b);
  if (known !== undefined) return known ?? undefined;
  const verdict = judge(a, b);
  if (!row) verdicts.set(a, (row = new WeakMap()));
  row.set(b, verdict ?? null);
  return verdict;
}

function judge(a: ConflictFields, b: ConflictFields): ConflictReason | undefined {
  if (a === b) return undefined;
  if (a.kind === "true-false" && b.kind === "true-false" && a.topicId === b.topicId) return "true-false-pair";
  const [ka, kb] = [keysOf(a), keysOf(b)];
  if (ka.targets.some((t) => kb.targets.some((u) => overlap(t, u)))) return "same-target";
  if (revealsAnswer(a, b) || revealsAnswer(b, a)) return "sentence-answers";
  if (shows(a, b) || shows(b, a)) return "passage-shows-answer";
  return undefined;
}

/**
 * Whether two items stand on the same ground: the same fact or term, or a
 * sentence that both are about or show (a main idea stands on its whole
 * paragraph). Not a giveaway by itself; kept apart while another choice exists.
 */
export function sharesGround(a: ConflictFields, b: ConflictFields): boolean {
  if (a === b) return false;
  return a.topicId === b.topicId || meet(sentencesOf(a).on, sentencesOf(b).on);
}

/** Whether `candidate` stands on ground none of `drawn` stands on. */
export function freshGround(candidate: ConflictFields, drawn: readonly ConflictFields[]): boolean {
  return drawn.every((q) => !sharesGround(candidate, q));
}

/** Pairs of items in one drawn set that stand on the same ground. */
export function sameGroundPairs<Q extends ConflictFields>(items: readonly Q[]): [Q, Q][] {
  const pairs: [Q, Q][] = [];
  items.forEach((a, i) => {
    for (const b of items.slice(i + 1)) if (sharesGround(a, b)) pairs.push([a, b]);
  });
  return pairs;
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
