/**
 * Quizzes drawn from a question bank: a seeded sample that honours the kinds,
 * the language and the count asked for, spreads over topics (one question
 * per fact or term when possible), over the text's sentences and over kinds,
 * never holds one item twice in two languages nor two items that answer each
 * other (`conflicts.ts`), and is shuffled by seed.
 * Pure: the same bank and options always give the same quiz.
 */
import { languageOfKind, QUESTION_KINDS, QUESTION_LANGUAGES } from "./question-kinds";
import type { Question, QuestionKind, QuestionLanguage, QuizOptions } from "./question-types";
import { createRandom, pickOne, shuffle, type Random } from "./random";
import { conflicts, fitsWith, freshGround, sameGroundPairs } from "./conflicts";

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
function isTrueStatement(question: Question): boolean {
  return question.answerId === question.options[0]?.id;
}

type PairIndex = Map<string, Question[]>;
const pairKey = (topicId: string, kind: QuestionKind) => `${topicId}\u0000${kind}`;

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
interface TruthTally {
  true: number;
  false: number;
}

/**
 * One variant of a topic and kind. Vrai ou faux takes the side the quiz has
 * drawn less so far (a coin decides a tie): a quiz where "Faux" is usually
 * right teaches nothing, and a coin alone drifts over a short quiz.
 */
function pickVariant(
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

/** The topics of the kinds asked for, in one language, in a seeded order. */
interface QuizPool {
  pairs: PairIndex;
  /** Kinds with the fewest topics first. */
  kindOrder: QuestionKind[];
  topicsByKind: Map<QuestionKind, string[]>;
}

function quizPool(bank: readonly Question[], { kinds, language }: QuizOptions, random: Random): QuizPool {
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

const familyKey = (topicId: string, kind: QuestionKind) => `${topicId}\u0000${kindFamily(kind)}`;

/**
 * As many topics as can stand together, one question per topic and family.
 * First one item of each kind, so that "All" holds every kind the bank can
 * give together: a main idea shows its whole paragraph, and vocabulary
 * items their sentences, so a greedy for size alone shuts out every fact
 * (comprehension, true/false, cloze, reference). Each kind, fewest topics
 * first, takes its item that conflicts with the fewest others among those
 * that leave every kind still to come an item. Then topics whose items
 * conflict with the fewest others (the usual greedy for a largest set of
 * items that answer nothing of each other), in a seeded order among equals.
 */
function drawAll(pool: QuizPool, random: Random, kindsFirst = true): Question[] {
  const groups = pool.kindOrder.flatMap((kind) =>
    (pool.topicsByKind.get(kind) ?? []).map((topicId) => pool.pairs.get(pairKey(topicId, kind)) ?? []),
  );
  const candidates = groups.flat();
  const degree = new Map(
    candidates.map((q) => [q, candidates.filter((other) => conflicts(q, other)).length]),
  );
  const least = (variants: readonly Question[]) => Math.min(...variants.map((q) => degree.get(q) ?? 0));
  const ordered = groups.map((g, i) => ({ g, i })).sort((a, b) => least(a.g) - least(b.g) || a.i - b.i);
  const picks: Question[] = [];
  const usedFamilies = new Set<string>();
  const tally: TruthTally = { true: 0, false: 0 };
  const take = (question: Question) => {
    picks.push(question);
    usedFamilies.add(familyKey(question.topicId, question.kind));
    if (question.kind === "true-false") tally[isTrueStatement(question) ? "true" : "false"]++;
  };
  const byDegree = (kind: QuestionKind) =>
    candidates
      .filter((q) => q.kind === kind)
      .map((q, i) => ({ q, i }))
      .sort((a, b) => (degree.get(a.q) ?? 0) - (degree.get(b.q) ?? 0) || a.i - b.i)
      .map(({ q }) => q);
  const kindsLeft = kindsFirst ? [...pool.kindOrder] : [];
  while (kindsLeft.length > 0) {
    const kind = kindsLeft.shift() as QuestionKind;
    const open = byDegree(kind).filter(
      (q) => !usedFamilies.has(familyKey(q.topicId, q.kind)) && fitsWith(q, picks),
    );
    const leavesRoom = (q: Question) =>
      kindsLeft.every((other) =>
        candidates.some(
          (c) =>
            c.kind === other &&
            !usedFamilies.has(familyKey(c.topicId, c.kind)) &&
            familyKey(c.topicId, c.kind) !== familyKey(q.topicId, q.kind) &&
            !conflicts(c, q) &&
            fitsWith(c, picks),
        ),
      );
    const question = open.find(leavesRoom) ?? open[0];
    if (question) take(question);
  }
  for (const { g: variants } of ordered) {
    const first = variants[0];
    // One question per topic and family: English or French comprehension, not both.
    if (!first || usedFamilies.has(familyKey(first.topicId, first.kind))) continue;
    const question = pickVariant(
      variants.filter((q) => fitsWith(q, picks)),
      random,
      undefined,
      tally,
    );
    if (!question) continue;
    picks.push(question);
    usedFamilies.add(familyKey(first.topicId, first.kind));
  }
  return shuffle(picks, random);
}

/** A quiz of "all" at least this long keeps every kind first; a shorter one is the longest draw. */
const ALL_KEEPS_KINDS_FROM = 10;

/**
 * "All": every kind first (`drawAll`). When that holds fewer than ten (or
 * `keepKinds` is off, for a quiz that stopped short of its count), the
 * longest of it, the draw for size alone and a draw by turns for the whole
 * pool, since the setup offers no length above "all" and a 10-question quiz
 * must never hold more than "all" does.
 */
function drawMost(
  bank: readonly Question[],
  options: QuizOptions,
  pool: QuizPool,
  random: Random,
  keepKinds = true,
): Question[] {
  const kindsFirst = drawAll(pool, random);
  if (keepKinds && kindsFirst.length >= ALL_KEEPS_KINDS_FROM) return kindsFirst;
  const sizeRandom = createRandom(`quiz:${options.seed}:size`);
  const bySize = drawAll(quizPool(bank, options, sizeRandom), sizeRandom, false);
  const turnsRandom = createRandom(`quiz:${options.seed}:turns`);
  const turnsPool = quizPool(bank, options, turnsRandom);
  const byTurns = drawTurns(turnsPool, [...turnsPool.pairs.values()].flat().length, turnsRandom);
  return [bySize, byTurns].reduce((best, draw) => (draw.length > best.length ? draw : best), kindsFirst);
}

/** How many of the first topics in seeded order a turn weighs before it takes one. */
const LOOKAHEAD = 3;
/** How much more a topic may shut out than the best of those weighed and still be taken. */
const SHUT_OUT_MARGIN = 0.5;

/**
 * A quiz of `count` items. Kinds take turns so a 20-question quiz over five
 * kinds has four of each when the bank allows; among kinds with as many items,
 * the one with the fewest topics left goes first, since a main idea or a
 * reference drawn early can shut a kind out. First, topics not yet asked
 * on ground no item drawn stands on (no sentence or fact asked twice:
 * `sharesGround`), as long as any kind has one; then topics not yet asked on
 * any ground; then topics asked through another kind; then other variants.
 * Of the first few topics in seeded order, a turn takes the first unless it
 * shuts out clearly more than another (a topic counting more when its kind
 * has few left): the quiz stays varied by seed, and fills.
 */
function drawTurns(pool: QuizPool, count: number, random: Random): Question[] {
  const { pairs, kindOrder, topicsByKind } = pool;
  const picks: Question[] = [];
  const tally: TruthTally = { true: 0, false: 0 };
  const usedFamilies = new Set<string>();
  const usedTopics = new Set<string>();
  const usedItems = new Set<string>();
  const perKind = new Map<QuestionKind, number>(kindOrder.map((kind) => [kind, 0]));

  // Items that would answer, or be answered by, one already drawn never join it.
  // Asked many times per turn (every offer weighs what it shuts out): kept until the next pick.
  let openCache = new Map<string, Question[]>();
  let openFor = 0;
  const open = (kind: QuestionKind, topicId: string) => {
    if (openFor !== picks.length) [openCache, openFor] = [new Map(), picks.length];
    const key = pairKey(topicId, kind);
    let items = openCache.get(key);
    if (!items) openCache.set(key, (items = (pairs.get(key) ?? []).filter((q) => fitsWith(q, picks))));
    return items;
  };
  interface Group {
    kind: QuestionKind;
    variants: Question[];
    exclude?: ReadonlySet<string>;
  }
  type Pass = (kind: QuestionKind, topicId: string) => Group | undefined;
  const group = (kind: QuestionKind, variants: Question[], exclude?: ReadonlySet<string>) =>
    variants.length ? { kind, variants, exclude } : undefined;
  const passes: Pass[] = [
    // A topic not asked yet, on ground no item drawn stands on, while any kind has one.
    (kind, topicId) =>
      usedTopics.has(topicId)
        ? undefined
        : group(
            kind,
            open(kind, topicId).filter((q) => freshGround(q, picks)),
          ),
    // A topic not asked yet, on any ground.
    (kind, topicId) => (usedTopics.has(topicId) ? undefined : group(kind, open(kind, topicId))),
    // A topic already asked, through another kind (and never the same item in the other language).
    (kind, topicId) =>
      usedFamilies.has(familyKey(topicId, kind))
        ? undefined
        : group(
            kind,
            open(kind, topicId).filter((q) => !usedItems.has(itemKey(q))),
            usedItems,
          ),
    // Another variant of a pair already asked.
    (kind, topicId) =>
      group(
        kind,
        open(kind, topicId).filter((q) => !usedItems.has(itemKey(q))),
        usedItems,
      ),
  ];
  const groupsOf = (pass: Pass, kind: QuestionKind) =>
    (topicsByKind.get(kind) ?? []).flatMap((topicId) => pass(kind, topicId) ?? []);
  // What a pick would shut out: the open items of unused topics it conflicts with.
  // A topic shut out weighs more when its kind has few left: the last statement of a kind costs a whole kind.
  const shutOut = (candidate: Group) => {
    let blocked = 0;
    for (const kind of kindOrder) {
      const left = (topicsByKind.get(kind) ?? []).filter(
        (topicId) => !usedTopics.has(topicId) && open(kind, topicId).length > 0,
      );
      for (const topicId of left) {
        if (topicId === candidate.variants[0]?.topicId) continue;
        if (open(kind, topicId).every((q) => candidate.variants.every((v) => conflicts(v, q))))
          blocked += 1 / left.length;
      }
    }
    return blocked;
  };

  for (const pass of passes) {
    while (picks.length < count) {
      const due = kindOrder
        .map((kind, order) => ({ kind, order, groups: groupsOf(pass, kind) }))
        .filter((turn) => turn.groups.length > 0);
      const round = Math.min(...due.map((turn) => perKind.get(turn.kind) ?? 0));
      // Each kind due a turn offers the seed's first topic, unless another of its first few shuts out
      // clearly less (`shutOut`, a topic counting more when its kind has few left).
      const offers = due
        .filter((turn) => (perKind.get(turn.kind) ?? 0) === round)
        .flatMap((turn) => {
          const weighed = turn.groups.slice(0, LOOKAHEAD).map((g) => ({ g, blocked: shutOut(g) }));
          const least = Math.min(...weighed.map((w) => w.blocked));
          const best = weighed.find((w) => w.blocked < least + SHUT_OUT_MARGIN);
          return best ? [{ ...turn, ...best }] : [];
        })
        // The kind whose pick shuts out least goes first (a reference that hides a whole paragraph's
        // questions comes after them); among equals, in the first round the seeded order, after it the
        // kind with the most topics left, so that a small kind is not asked twice in ten.
        .sort(
          (a, b) =>
            a.blocked - b.blocked ||
            (round === 0 ? 0 : b.groups.length - a.groups.length) ||
            a.order - b.order,
        );
      const offer = offers[0];
      if (!offer) break;
      const question = pickVariant(offer.g.variants, random, offer.g.exclude, tally);
      if (!question) break;
      picks.push(question);
      usedTopics.add(question.topicId);
      usedFamilies.add(familyKey(question.topicId, offer.kind));
      usedItems.add(itemKey(question));
      perKind.set(offer.kind, (perKind.get(offer.kind) ?? 0) + 1);
    }
  }
  return shuffle(picks, random);
}

/**
 * A quiz where one kind holds more than `share` items, because the items it
 * drew (a vocabulary item shows its sentence) shut the other kinds out:
 * swap one of them, in place, for an item of a kind below its share that
 * stands with the rest, on a topic not yet asked and on fresh ground when
 * one exists. Kinds furthest below their share first; a few dozen
 * conflict checks per swap, so draws stay fast.
 */
function rebalance(quiz: Question[], pool: QuizPool, share: number): Question[] {
  const result = [...quiz];
  const countOf = (kind: QuestionKind) => result.filter((q) => q.kind === kind).length;
  for (let swaps = 0; swaps < quiz.length; swaps++) {
    const crowded = pool.kindOrder.find((kind) => countOf(kind) > share);
    if (!crowded) break;
    const below = pool.kindOrder
      .filter((kind) => kind !== crowded && countOf(kind) < share)
      .sort((a, b) => countOf(a) - countOf(b));
    let swapped = false;
    for (const [at, out] of result.entries()) {
      if (out.kind !== crowded) continue;
      const rest = result.filter((_, i) => i !== at);
      const topics = new Set(rest.map((q) => q.topicId));
      const items = new Set(rest.map(itemKey));
      const families = new Set(rest.map((q) => familyKey(q.topicId, q.kind)));
      const fits = below.flatMap((kind) =>
        (pool.topicsByKind.get(kind) ?? [])
          .filter((topicId) => !families.has(familyKey(topicId, kind)))
          .flatMap((topicId) => pool.pairs.get(pairKey(topicId, kind)) ?? [])
          .filter((q) => !items.has(itemKey(q)) && fitsWith(q, rest)),
      );
      // A topic not yet asked on fresh ground, then any ground, then a topic asked through another kind.
      const replacement =
        fits.find((q) => !topics.has(q.topicId) && freshGround(q, rest)) ??
        fits.find((q) => !topics.has(q.topicId)) ??
        fits[0];
      if (!replacement) continue;
      result[at] = replacement;
      swapped = true;
      break;
    }
    if (!swapped) break;
  }
  return result;
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
