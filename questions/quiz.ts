/**
 * Quizzes drawn from a question bank: a seeded sample that honours the kinds,
 * the language and the count asked for, spreads over topics (one question
 * per fact or term when possible), over the text's sentences and over kinds,
 * never holds one item twice in two languages nor two items that answer each
 * other (`conflicts.ts`), and is shuffled by seed.
 * Pure: the same bank and options always give the same quiz.
 */
import { QUESTION_KINDS, QUESTION_LANGUAGES } from "./question-kinds";
import type { Question, QuestionKind, QuizOptions } from "./question-types";
import { createRandom, pickOne, shuffle } from "./random";
import { fitsWith, sameGroundPairs } from "./conflicts";
import { kindFamily, itemKey, matchesLanguage, quizPool } from "./quiz-items";
import { ALL_KEEPS_KINDS_FROM, drawMost, drawTurns, rebalance } from "./quiz-draw";

export { itemKey, kindFamily, matchesLanguage } from "./quiz-items";

/**
 * `buildQuiz`'s preconditions. Its callers validate at their own boundary (the
 * assignment API with `quizOptionsSchema`, the setup form by construction);
 * plain checks here, so the quiz page can build quizzes without loading zod.
 */
function checkQuizOptions({ seed, count, kinds, language }: QuizOptions): void {
  if (!Number.isInteger(seed)) throw new RangeError(`Quiz seed must be an integer, not ${seed}.`);
  if (count !== "all" && !(Number.isInteger(count) && count >= 1))
    throw new RangeError(`Quiz length must be "all" or a whole number from 1, not ${count}.`);
  if (kinds.length === 0) throw new RangeError("A quiz needs at least one kind of question.");
  const unknownKind = kinds.find((kind) => !QUESTION_KINDS.includes(kind));
  if (unknownKind !== undefined) throw new RangeError(`Unknown question kind: ${unknownKind}.`);
  if (!QUESTION_LANGUAGES.includes(language)) throw new RangeError(`Unknown quiz language: ${language}.`);
}

/** How many more seeded draws a quiz tries when its first one asks a sentence twice or falls short. */
const REDRAWS = 8;

/**
 * A seeded quiz. An item already drawn in one language is never drawn in
 * the other: the twin would give its answer away. Nor is an item that
 * conflicts with one drawn (a true/false statement's other side, the same
 * words tested again, a sentence or words shown that answer another).
 * "all" is as many topics as can stand together (`drawAll`). A quiz of
 * `count` takes turns (`drawTurns`); when a draw stops short of `count` or
 * asks about one sentence twice, a few other seeded draws are tried and the
 * best kept, and when all stop short it draws again among "all"'s items: it
 * always holds `count`, or as many as "all" (the setup offers no length
 * above it).
 */
export function buildQuiz(bank: readonly Question[], options: QuizOptions): Question[] {
  return placeKeys(drawQuiz(bank, options), options.seed);
}

/**
 * The keys of a quiz dealt over the positions: per number of options, each
 * position once before any comes again, in a seeded order. The bank spreads
 * its keys evenly, but a quiz draws some items far more often than others
 * (those that answer nothing else), so a learner met the key of a
 * three-option item in third place three times in five on one text. Option
 * ids stay with their texts, so answers, scores and the item analysis are
 * untouched; true/false keeps "true" before "false".
 */
function placeKeys(quiz: Question[], seed: number): Question[] {
  const random = createRandom(`keys:${seed}`);
  const dealt = new Map<number, number[]>();
  return quiz.map((question) => {
    const count = question.options.length;
    const key = question.options.find((o) => o.id === question.answerId);
    if (question.kind === "true-false" || !key) return question;
    let positions = dealt.get(count);
    if (!positions?.length) dealt.set(count, (positions = shuffle([...Array(count).keys()], random)));
    const at = positions.pop() ?? 0;
    const others = question.options.filter((o) => o !== key);
    return { ...question, options: [...others.slice(0, at), key, ...others.slice(at)] };
  });
}

function drawQuiz(bank: readonly Question[], options: QuizOptions): Question[] {
  checkQuizOptions(options);
  const { seed, count } = options;
  const random = createRandom(`quiz:${seed}`);
  const pool = quizPool(bank, options, random);
  if (count === "all") {
    const most = drawMost(bank, options, pool, random);
    if (most.length >= ALL_KEEPS_KINDS_FROM) return most;
    // Fewer than ten: "all" is never shorter than the 10-question quiz of the same choice, whose
    // redraws may find one more item (the setup offers no length above "all").
    const ten = drawQuiz(bank, { ...options, count: ALL_KEEPS_KINDS_FROM });
    return ten.length > most.length ? ten : most;
  }
  // A draw is judged by its length, then by how many of the kinds asked for it holds (a learner who
  // ticked true/false expects one), then by how few pairs share a sentence or fact.
  const offered = Math.min(
    count,
    pool.kindOrder.filter((k) => (pool.topicsByKind.get(k) ?? []).length > 0).length,
  );
  const kindsIn = (quiz: Question[]) => new Set(quiz.map((q) => q.kind)).size;
  // Then by how evenly the kinds share it (no kind far above its share), then by how few pairs share
  // a sentence or fact.
  const share = Math.ceil(count / Math.max(1, offered)) + 2;
  const crowding = (quiz: Question[]) => {
    const perKind = new Map<QuestionKind, number>();
    for (const q of quiz) perKind.set(q.kind, (perKind.get(q.kind) ?? 0) + 1);
    return Math.max(0, ...[...perKind.values()].map((n) => n - share));
  };
  const rank = (quiz: Question[]) => [
    quiz.length,
    kindsIn(quiz),
    -crowding(quiz),
    -sameGroundPairs(quiz).length,
  ];
  const worse = (a: Question[], b: Question[]) => {
    const [ra, rb] = [rank(a), rank(b)];
    const i = ra.findIndex((v, j) => v !== rb[j]);
    return i >= 0 && (ra[i] ?? 0) < (rb[i] ?? 0);
  };
  // A crowded draw gets a swap or two before it is judged (`rebalance`).
  const balanced = (draw: Question[]) => (crowding(draw) > 0 ? rebalance(draw, pool, share) : draw);
  let quiz = balanced(drawTurns(pool, count, random));
  for (let attempt = 1; attempt <= REDRAWS; attempt++) {
    if (
      quiz.length >= count &&
      kindsIn(quiz) >= offered &&
      crowding(quiz) === 0 &&
      sameGroundPairs(quiz).length === 0
    )
      return quiz;
    const again = createRandom(`quiz:${seed}:${attempt}`);
    const other = balanced(drawTurns(quizPool(bank, options, again), count, again));
    if (worse(quiz, other)) quiz = other;
  }
  if (quiz.length >= count) return quiz;
  const allRandom = createRandom(`quiz:${seed}`);
  // A long quiz asked for ("30") takes the longest draw, whatever kinds it leaves out.
  const most = drawMost(bank, options, quizPool(bank, options, allRandom), allRandom, false);
  if (most.length <= quiz.length) return quiz;
  const within = createRandom(`quiz:${seed}:within`);
  return drawTurns(quizPool(most, options, within), count, within);
}

/**
 * "Retry my mistakes": each missed fact or term asked anew. First another
 * item of the same topic and kind (another question, statement or sentence),
 * then the same topic through another kind; never an item already asked, in
 * either language (a twin is the same question translated). The missed
 * question itself when the bank has nothing else on its topic, or nothing
 * that does not answer (or is not answered by) another item of the round;
 * such an item only when even the missed question would.
 */
export function retryQuestions(
  bank: readonly Question[],
  missed: readonly Question[],
  seed: number,
  alreadyAsked: readonly string[] = [],
): Question[] {
  const random = createRandom(`retry:${seed}`);
  const askedIds = new Set([...alreadyAsked, ...missed.map((q) => q.id)]);
  const asked = new Set([...bank, ...missed].filter((q) => askedIds.has(q.id)).map(itemKey));
  const byTopic = new Map<string, Question[]>();
  for (const question of bank) {
    const list = byTopic.get(question.topicId) ?? [];
    list.push(question);
    byTopic.set(question.topicId, list);
  }

  // A comprehension question keeps its own language; the others tell the quiz's.
  const quizLanguage = missed.find((q) => kindFamily(q.kind) !== "comprehension")?.language;
  const others = missed.map((question) => {
    const language = kindFamily(question.kind) === "comprehension" ? quizLanguage : question.language;
    const sameTopic = (byTopic.get(question.topicId) ?? []).filter(
      (q) => !asked.has(itemKey(q)) && matchesLanguage(q, language ?? question.language),
    );
    const family = kindFamily(question.kind);
    return { sameTopic, sameFamily: sameTopic.filter((q) => kindFamily(q.kind) === family) };
  });
  // Topics with the fewest other items choose first (a main idea comes back as it was), so that
  // the new items of the others are chosen to stand with them.
  const order = missed
    .map((_, i) => i)
    .sort((a, b) => (others[a]?.sameTopic.length ?? 0) - (others[b]?.sameTopic.length ?? 0) || a - b);
  const chosen: Question[] = [];
  const retry = [...missed];
  for (const index of order) {
    const question = missed[index] as Question;
    const sameTopic = others[index]?.sameTopic.filter((q) => !asked.has(itemKey(q))) ?? [];
    const sameFamily = others[index]?.sameFamily.filter((q) => !asked.has(itemKey(q))) ?? [];
    // Items that answer one another come last, after the missed question itself when it fits:
    // a new item that gives another answer of the round away teaches less than the same one again.
    const fits = (q: Question) => fitsWith(q, chosen);
    const tiers = [
      sameFamily.filter(fits),
      sameTopic.filter(fits),
      fits(question) ? [question] : [],
      sameFamily,
      sameTopic,
    ];
    const tier = tiers.find((candidates) => candidates.length > 0);
    const next = tier ? (pickOne(tier, random) ?? question) : question;
    asked.add(itemKey(next));
    chosen.push(next);
    retry[index] = next;
  }
  return retry;
}
