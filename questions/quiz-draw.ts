/**
 * How a quiz's items are chosen from its pool: "all" (`drawAll`, `drawMost`),
 * a quiz of a count by kinds in turn (`drawTurns`), and the swap that keeps
 * one kind from crowding the others (`rebalance`). Items that answer each
 * other never meet (`conflicts.ts`).
 */
import type { Question, QuestionKind, QuizOptions } from "./question-types";
import { createRandom, shuffle, type Random } from "./random";
import { conflicts, fitsWith, freshGround } from "./conflicts";
import {
  familyKey,
  isTrueStatement,
  itemKey,
  pairKey,
  pickVariant,
  quizPool,
  type QuizPool,
  type TruthTally,
} from "./quiz-items";

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
export function drawAll(pool: QuizPool, random: Random, kindsFirst = true): Question[] {
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
    const found = open.find(leavesRoom) ?? open[0];
    // The true and the false side of a statement conflict alike, but the side with fewer words in
    // common with the rest comes first by degree: without a coin here, "all" always held the true one.
    const question =
      found?.kind === "true-false"
        ? pickVariant(
            open.filter((q) => q.topicId === found.topicId && (q === found || leavesRoom(q))),
            random,
          )
        : found;
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
export const ALL_KEEPS_KINDS_FROM = 10;

/**
 * "All": every kind first (`drawAll`). When that holds fewer than ten (or
 * `keepKinds` is off, for a quiz that stopped short of its count), the
 * longest of it, the draw for size alone and a draw by turns for the whole
 * pool, since the setup offers no length above "all" and a 10-question quiz
 * must never hold more than "all" does.
 */
export function drawMost(
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
export function drawTurns(pool: QuizPool, count: number, random: Random): Question[] {
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
export function rebalance(quiz: Question[], pool: QuizPool, share: number): Question[] {
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
