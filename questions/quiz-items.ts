/**
 * What a quiz draws from: an item's identity (one item in two languages is
 * one item, `itemKey`), the bank's pairs of topic and kind in one language
 * and a seeded order (`quizPool`), and the choice among a pair's variants
 * that keeps true and false statements balanced (`pickVariant`).
 */
import { languageOfKind } from "./question-kinds";
import type { Question, QuestionKind, QuestionLanguage, QuizOptions } from "./question-types";
import { pickOne, shuffle, type Random } from "./random";

/** Whether a question belongs in a quiz in `language`: comprehension kinds keep their own language. */
export function matchesLanguage(question: Question, language: QuestionLanguage): boolean {
  return question.language === languageOfKind(question.kind, language);
}

/**
 * Comprehension asked in English and in French is one family: a quiz may hold
 * questions of both kinds, but never the same question in both languages.
 */
export function kindFamily(kind: QuestionKind): string {
  return kind === "comprehension-en" || kind === "comprehension-fr" ? "comprehension" : kind;
}

/**
 * What a learner meets, whatever the language it is asked in: the English and
 * the French version of one item (language twins) share this key. For
 * comprehension, twins ask the same slot of the same fact, which `support`
 * (the key's French words) identifies; for the other kinds, the instruction
 * alone is translated and the variant is shared.
 */
export function itemKey(question: Pick<Question, "topicId" | "kind" | "variant" | "support">): string {
  const family = kindFamily(question.kind);
  const which = family === "comprehension" ? question.support : String(question.variant);
  return `${question.topicId}\u0000${family}\u0000${which}`;
}

/** Vrai ou faux options are always [True, False]: "a" is True. */
export function isTrueStatement(question: Question): boolean {
  return question.answerId === question.options[0]?.id;
}

export type PairIndex = Map<string, Question[]>;
export const pairKey = (topicId: string, kind: QuestionKind) => `${topicId}\u0000${kind}`;

interface BankIndex {
  /** Questions by language, then by topic and kind. */
  byLanguage: Map<QuestionLanguage, PairIndex>;
}

// Banks are built once and never mutated, so their index can be kept.
const indexes = new WeakMap<readonly Question[], BankIndex>();

function indexBank(bank: readonly Question[]): BankIndex {
  const cached = indexes.get(bank);
  if (cached) return cached;
  const byLanguage = new Map<QuestionLanguage, PairIndex>();
  for (const language of ["en", "fr"] as const) {
    const pairs: PairIndex = new Map();
    for (const question of bank) {
      if (!matchesLanguage(question, language)) continue;
      const key = pairKey(question.topicId, question.kind);
      const list = pairs.get(key) ?? [];
      list.push(question);
      pairs.set(key, list);
    }
    byLanguage.set(language, pairs);
  }
  const index = { byLanguage };
  indexes.set(bank, index);
  return index;
}

/** True and false statements drawn so far in one quiz. */
export interface TruthTally {
  true: number;
  false: number;
}

/**
 * One variant of a topic and kind. Vrai ou faux takes the side the quiz has
 * drawn less so far (a coin decides a tie): a quiz where "Faux" is usually
 * right teaches nothing, and a coin alone drifts over a short quiz.
 */
export function pickVariant(
  variants: readonly Question[],
  random: Random,
  exclude?: ReadonlySet<string>,
  tally?: TruthTally,
): Question | undefined {
  const open = exclude ? variants.filter((q) => !exclude.has(itemKey(q))) : variants;
  if (open[0]?.kind === "true-false") {
    const coin = random() < 0.5;
    const wantTrue = !tally || tally.true === tally.false ? coin : tally.true < tally.false;
    const side = open.filter((q) => isTrueStatement(q) === wantTrue);
    const pick = pickOne(side.length ? side : open, random);
    if (pick && tally) tally[isTrueStatement(pick) ? "true" : "false"]++;
    return pick;
  }
  return pickOne(open, random);
}

/** The topics of the kinds asked for, in one language, in a seeded order. */
export interface QuizPool {
  pairs: PairIndex;
  /** Kinds with the fewest topics first. */
  kindOrder: QuestionKind[];
  topicsByKind: Map<QuestionKind, string[]>;
}

export function quizPool(
  bank: readonly Question[],
  { kinds, language }: QuizOptions,
  random: Random,
): QuizPool {
  const pairs = indexBank(bank).byLanguage.get(language) ?? new Map<string, Question[]>();
  const wanted = new Set(kinds);
  const topicsByKind = new Map<QuestionKind, string[]>();
  for (const [key, variants] of pairs) {
    const first = variants[0];
    if (!first || !wanted.has(first.kind)) continue;
    const topics = topicsByKind.get(first.kind) ?? [];
    topics.push(key.slice(0, key.indexOf("\u0000")));
    topicsByKind.set(first.kind, topics);
  }
  // Kinds with the fewest topics draw first: a vocabulary item can always find a sentence that
  // answers nothing drawn, a true/false statement often cannot once passages show its words.
  const kindOrder = shuffle(
    kinds.filter((kind, i) => kinds.indexOf(kind) === i && topicsByKind.has(kind)),
    random,
  ).sort((a, b) => (topicsByKind.get(a)?.length ?? 0) - (topicsByKind.get(b)?.length ?? 0));
  for (const kind of kindOrder) topicsByKind.set(kind, shuffle(topicsByKind.get(kind) ?? [], random));
  return { pairs, kindOrder, topicsByKind };
}

export const familyKey = (topicId: string, kind: QuestionKind) => `${topicId}\u0000${kindFamily(kind)}`;
