/**
 * One quiz per level of an article, asking the same facts. The quiz is drawn
 * at a reference level (`buildQuiz`), then each of its questions is matched
 * at every other level: the same topic, kind, language and variant where
 * that level has it (a true/false statement keeps its side), else the same
 * topic another way. A topic a level lacks (a term only one level glosses)
 * gives way to a question of the same kind on a topic that level has not
 * asked yet. Questions keep the reference quiz's order, so position n asks
 * about the same fact at every level wherever the levels share it. Pure and
 * seeded, like `buildQuiz`.
 */
import { fitsWith } from "./conflicts";
import { buildQuiz, matchesLanguage } from "./quiz";
import type { Question, QuizOptions } from "./question-types";
import { createRandom, pickOne, shuffle } from "./random";

export interface LevelBank<L extends string = string> {
  level: L;
  bank: readonly Question[];
}

export interface LevelQuiz<L extends string = string> {
  level: L;
  questions: Question[];
}

/** What a question asks about, whatever the article it comes from: its fact or term, kind, language and variant. */
function signature(q: Question): string {
  return `${q.topicId}\u0000${q.kind}\u0000${q.language}\u0000${q.variant}`;
}

function counterpartsAt(
  bank: readonly Question[],
  options: QuizOptions,
  seed: string,
  reference: readonly Question[],
): Question[] {
  const random = createRandom(seed);
  const wanted = new Set(options.kinds);
  const usable = bank.filter((q) => wanted.has(q.kind) && matchesLanguage(q, options.language));
  const bySignature = new Map(usable.map((q) => [signature(q), q]));
  const used = new Set<string>();
  const usedTopics = new Set<string>();
  const taken: Question[] = [];
  const take = (q: Question | undefined) => {
    if (q) {
      used.add(q.id);
      usedTopics.add(q.topicId);
      taken.push(q);
    }
    return q;
  };
  // A looser match never answers, nor is answered by, a question this level already holds.
  const open = (q: Question) => !used.has(q.id) && fitsWith(q, taken);

  // First the exact counterparts, so that a looser match never takes a question another position needs.
  const exact = reference.map((q) => take(bySignature.get(signature(q))));
  const spare = shuffle(usable, random);
  return reference.flatMap((q, i) => {
    const found =
      exact[i] ??
      take(
        pickOne(
          usable.filter((c) => open(c) && c.topicId === q.topicId && c.kind === q.kind),
          random,
        ),
      ) ??
      take(
        pickOne(
          usable.filter((c) => open(c) && c.topicId === q.topicId),
          random,
        ),
      ) ??
      take(spare.find((c) => open(c) && c.kind === q.kind && !usedTopics.has(c.topicId))) ??
      take(spare.find((c) => open(c) && !usedTopics.has(c.topicId))) ??
      take(spare.find((c) => !used.has(c.id)));
    return found ? [found] : [];
  });
}

/**
 * The quiz of every level: `buildQuiz` at `reference`, its counterparts at
 * the others. A level whose bank runs short gives fewer questions.
 */
export function buildLevelQuizzes<L extends string>(
  levels: readonly LevelBank<L>[],
  reference: L,
  options: QuizOptions,
): LevelQuiz<L>[] {
  const referenceBank = levels.find((l) => l.level === reference);
  if (!referenceBank) throw new RangeError(`No bank for the reference level ${reference}.`);
  const drawn = buildQuiz(referenceBank.bank, options);
  return levels.map(({ level, bank }) => ({
    level,
    questions:
      level === reference ? drawn : counterpartsAt(bank, options, `levels:${options.seed}:${level}`, drawn),
  }));
}
