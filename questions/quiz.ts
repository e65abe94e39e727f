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
import { fitsWith } from "./conflicts";

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

/**
 * A quiz. Kinds take turns so a 20-question quiz over five kinds has four of
 * each when the bank allows; within a kind, topics not yet asked come first
 * (on a sentence not yet asked, then on any), then topics asked through
 * another kind, then other variants. Before a kind settles for a sentence
 * already asked, a kind that can still ask a new one goes first: in the first
 * round any kind still waiting, after it also a kind one item ahead. An item already drawn in one language
 * is never drawn in the other: the twin would give its answer away. Nor is
 * an item that conflicts with one drawn (a true/false statement's other
 * side, the same words tested again, a passage showing another's answer):
 * a quiz asks fewer questions than requested rather than give answers away,
 * and "all" is every topic that can stand together.
 */
export function buildQuiz(bank: readonly Question[], options: QuizOptions): Question[] {
  checkQuizOptions(options);
  const { seed, count, kinds, language } = options;
  const random = createRandom(`quiz:${seed}`);
  const pairs = indexBank(bank).byLanguage.get(language) ?? new Map<string, Question[]>();
  const wanted = new Set(kinds);

  // Topics per kind, in a seeded order.
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

  const picks: Question[] = [];
  const tally: TruthTally = { true: 0, false: 0 };
  // Items that would answer, or be answered by, one already drawn never join it.
  const open = (variants: readonly Question[]) => variants.filter((q) => fitsWith(q, picks));
  const usedFamilies = new Set<string>();
  const familyKey = (topicId: string, kind: QuestionKind) => `${topicId}\u0000${kindFamily(kind)}`;
  if (count === "all") {
    for (const kind of kindOrder) {
      for (const topicId of topicsByKind.get(kind) ?? []) {
        // One question per topic and family: English or French comprehension, not both.
        if (usedFamilies.has(familyKey(topicId, kind))) continue;
        const question = pickVariant(open(pairs.get(pairKey(topicId, kind)) ?? []), random, undefined, tally);
        if (!question) continue;
        picks.push(question);
        usedFamilies.add(familyKey(topicId, kind));
      }
    }
    return shuffle(picks, random);
  }

  const usedTopics = new Set<string>();
  const usedSentences = new Set<string>();
  const usedItems = new Set<string>();
  const perKind = new Map<QuestionKind, number>(kindOrder.map((kind) => [kind, 0]));
  const byTurn = () => [...kindOrder].sort((a, b) => (perKind.get(a) ?? 0) - (perKind.get(b) ?? 0));

  const take = (kind: QuestionKind, question: Question) => {
    picks.push(question);
    usedTopics.add(question.topicId);
    usedSentences.add(question.evidenceSentenceId);
    usedFamilies.add(familyKey(question.topicId, kind));
    usedItems.add(itemKey(question));
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
  };
  const variantsOf = (kind: QuestionKind, topicId: string) => open(pairs.get(pairKey(topicId, kind)) ?? []);

  /** `freshOnly`: only on a sentence not asked yet. */
  type Pass = (kind: QuestionKind, topics: readonly string[], freshOnly: boolean) => Question | undefined;
  const first = (topics: readonly string[], pick: (topicId: string) => Question | undefined) =>
    topics.reduce<Question | undefined>((found, topicId) => found ?? pick(topicId), undefined);
  const passes: Pass[] = [
    // A topic not asked yet, on a sentence not asked yet if the kind has one (items on one
    // sentence give each other away), else on any.
    (kind, topics, freshOnly) => {
      const unused = topics.filter((topicId) => !usedTopics.has(topicId));
      const fresh = (topicId: string) =>
        variantsOf(kind, topicId).filter((q) => !usedSentences.has(q.evidenceSentenceId));
      return (
        first(unused, (topicId) => pickVariant(fresh(topicId), random, undefined, tally)) ??
        (freshOnly
          ? undefined
          : first(unused, (topicId) => pickVariant(variantsOf(kind, topicId), random, undefined, tally)))
      );
    },
    // A topic already asked, through another kind (and never the same item in the other language).
    (kind, topics) =>
      first(topics, (topicId) =>
        usedFamilies.has(familyKey(topicId, kind))
          ? undefined
          : pickVariant(variantsOf(kind, topicId), random, usedItems, tally),
      ),
    // Another variant of a pair already asked.
    (kind, topics) =>
      first(topics, (topicId) => pickVariant(variantsOf(kind, topicId), random, usedItems, tally)),
  ];

  for (const [index, pass] of passes.entries()) {
    let progress = true;
    while (picks.length < count && progress) {
      progress = false;
      const order = byTurn();
      /*
       * The first pass looks for a kind that can still ask a sentence not asked yet before any
       * kind settles for an asked one: once conflicts rule items out, the kind next in turn often
       * has no fresh sentence left while another does. In the first round every kind waits its
       * turn (a quiz of eight asks one of each); after it, a kind one item ahead may step in.
       */
      const least = Math.min(...order.map((kind) => perKind.get(kind) ?? 0));
      const round = order.filter((kind) => (perKind.get(kind) ?? 0) <= (least === 0 ? 0 : least + 1));
      const tries: [QuestionKind, boolean][] = [
        ...(index === 0 ? round.map((kind): [QuestionKind, boolean] => [kind, true]) : []),
        ...order.map((kind): [QuestionKind, boolean] => [kind, false]),
      ];
      for (const [kind, freshOnly] of tries) {
        const question = pass(kind, topicsByKind.get(kind) ?? [], freshOnly);
        if (question) {
          take(kind, question);
          progress = true;
          break;
        }
      }
    }
  }
  return shuffle(picks, random);
}

/**
 * "Retry my mistakes": each missed fact or term asked anew. First another
 * item of the same topic and kind (another question, statement or sentence),
 * then the same topic through another kind; never an item already asked, in
 * either language (a twin is the same question translated), and items that
 * answer another of the round only when nothing else is left. The missed
 * question itself only when the bank has nothing else on its topic.
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
  const chosen: Question[] = [];
  return missed.map((question) => {
    const language = kindFamily(question.kind) === "comprehension" ? quizLanguage : question.language;
    const sameTopic = (byTopic.get(question.topicId) ?? []).filter(
      (q) => !asked.has(itemKey(q)) && matchesLanguage(q, language ?? question.language),
    );
    const family = kindFamily(question.kind);
    const sameFamily = sameTopic.filter((q) => kindFamily(q.kind) === family);
    // Items that answer one another come last: every missed topic still gets its retry.
    const fits = (q: Question) => fitsWith(q, chosen);
    const tiers = [sameFamily.filter(fits), sameTopic.filter(fits), sameFamily, sameTopic];
    const tier = tiers.find((candidates) => candidates.length > 0);
    const next = tier ? (pickOne(tier, random) ?? question) : question;
    asked.add(itemKey(next));
    chosen.push(next);
    return next;
  });
}
