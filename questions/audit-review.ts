/**
 * Quality figures that a blind review of the bank asked for (issue 12, second
 * round): the patterns a teacher found that the first figures did not see.
 * Each says in one number what a reviewer would flag:
 * - names: a main idea whose options name what its paragraph never mentions,
 *   ruled out by scanning for names;
 * - numbers: wrong amounts that are all the key's digits moved about, so the
 *   key is the one they point at;
 * - load: how many items (a question and its translation counted once) one
 *   fact and one point carry, and how many turn on a person's or a company's
 *   name;
 * - twins: a drawn quiz holding one item in both languages;
 * - form: absolutes among options ("all", "every"), keys that are the longest
 *   option, keys that share the most words with the passage.
 */
import { allSentences } from "./article";
import { normalizeForComparison } from "./normalize";
import { namesAllIn, namesIn } from "./names";
import { sameDigits } from "./quantity";
import type { Question, QuestionKind } from "./question-types";
import { QUESTION_KINDS } from "./question-kinds";
import { buildQuiz, itemKey } from "./quiz";
import type { Article } from "./schema";
import type { GeneratedQuestion } from "./generators/types";

/**
 * Word edges are letters of any script: to ASCII \b, "é" is no letter, so the
 * "all" of "allégée" would count as a word.
 */
export const ABSOLUTES =
  /(?<!\p{L})(all|every|everyone|everything|always|never|only|none|tout|tous|toute|toutes|chaque|toujours|jamais|seul|seule|seuls|seules|aucun|aucune)(?!\p{L})/iu;

/** Idioms that hold an absolute word but claim nothing absolute. */
const IDIOMS = /(?<!\p{L})(all the same|malgré tout|en dépit de tout|tout en|tout de même)(?!\p{L})/giu;

export function hasAbsolute(text: string): boolean {
  return ABSOLUTES.test(text.replace(IDIOMS, " "));
}

const NAME_TYPES = new Set(["person", "organisation"]);

export interface ReviewFigures {
  /** Share of main-idea items with an option naming something its paragraph does not. */
  mainIdeaForeignNameRate: number;
  /** Number choice items (comprehension, cloze), and those whose wrong numbers all share the key's digits. */
  numberItems: number;
  numberItemsAllFromKey: number;
  /** Share of the wrong numbers among options that are not the key rescaled (the article's or outsiders'). */
  numberDistractorsNotFromKeyRate: number;
  /** Most items on one fact, and on one point (a fact's slot), a question and its translation counted once. */
  itemsPerFact: { max: number; mean: number; maxFact: string };
  itemsPerPoint: { max: number; point: string };
  /** Share of items (translations counted once) whose key or swapped value is a person or a company. */
  nameMatchingRate: number;
  /** Drawn quizzes (of all those tried) that hold one item in two languages. */
  quizzesWithTwins: number;
  quizzesTried: number;
  /** Share of choice items with an absolute word in an option. */
  absoluteOptionRate: number;
  /** Share of choice items, per kind, whose key is strictly the longest option. */
  keyLongestRate: Partial<Record<QuestionKind, number>>;
  /** Share of main-idea and reference items whose key shares strictly the most words with the passage. */
  keyMostPassageWordsRate: number;
}

function round(n: number, places = 3): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

const keyText = (q: Question) => q.options.find((o) => o.id === q.answerId)?.text ?? "";
const distractorTexts = (q: Question) => q.options.filter((o) => o.id !== q.answerId).map((o) => o.text);

/** One entry per item a learner meets, whatever its language. */
function merged(generated: readonly GeneratedQuestion[]): GeneratedQuestion[] {
  const seen = new Set<string>();
  return generated.filter((g) => {
    const key = itemKey(g.question);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function words(text: string): Set<string> {
  return new Set(
    normalizeForComparison(text)
      .split(" ")
      .filter((w) => w.length >= 4),
  );
}

/** Whether the key shares more words with the passage than every distractor does. */
export function keyHasMostPassageWords(
  key: string,
  distractors: readonly string[],
  passage: string,
): boolean {
  const inPassage = words(passage);
  const shared = (t: string) => [...words(t)].filter((w) => inPassage.has(w)).length;
  const k = shared(key);
  return distractors.every((d) => shared(d) < k);
}

export function auditReview(
  article: Article,
  generated: readonly GeneratedQuestion[],
  names: readonly string[],
  quizSeeds: number,
): ReviewFigures {
  const bank = generated.map((g) => g.question);
  const items = merged(generated);
  const choice = items.filter((g) => g.question.kind !== "true-false");
  const sentences = new Map(allSentences(article).map((s) => [s.id, s]));
  const paragraphEnglish = new Map(
    article.paragraphs.map((p) => [
      p.sentences.map((s) => s.fr).join(" "),
      p.sentences.map((s) => s.en).join(" "),
    ]),
  );

  const mainIdeas = generated.filter((g) => g.question.kind === "main-idea");
  const foreign = mainIdeas.filter(({ question: q }) =>
    q.options.some((o) => !namesAllIn(namesIn(o.text, names), q.passage ?? "")),
  ).length;

  const numbers = choice.filter((g) => g.meta.key?.quantity && g.meta.distractors?.length);
  const fromKey = (g: GeneratedQuestion) =>
    (g.meta.distractors ?? []).filter(
      (d) =>
        d.source === "rescaled" ||
        (d.quantity && g.meta.key?.quantity && sameDigits(d.quantity.value, g.meta.key.quantity.value)),
    ).length;
  const numberDistractors = numbers.reduce((n, g) => n + (g.meta.distractors?.length ?? 0), 0);
  const numberFromKey = numbers.reduce((n, g) => n + fromKey(g), 0);

  const perFact = new Map<string, number>();
  const perPoint = new Map<string, number>();
  for (const g of items) {
    if (!g.meta.factId) continue;
    perFact.set(g.meta.factId, (perFact.get(g.meta.factId) ?? 0) + 1);
    const point = `${g.meta.factId}/${g.meta.slot ?? ""}`;
    perPoint.set(point, (perPoint.get(point) ?? 0) + 1);
  }
  const [maxFact = "", maxFactItems = 0] = [...perFact].sort((a, b) => b[1] - a[1])[0] ?? [];
  const [maxPoint = "", maxPointItems = 0] = [...perPoint].sort((a, b) => b[1] - a[1])[0] ?? [];
  const factMean = [...perFact.values()].reduce((a, b) => a + b, 0) / Math.max(1, perFact.size);

  const turnsOnName = (g: GeneratedQuestion) => {
    if (g.question.kind === "reference") return namesIn(keyText(g.question), names).length > 0;
    const value = g.meta.truth === false ? g.meta.swapped : g.meta.key;
    return value !== undefined && NAME_TYPES.has(value.type);
  };

  let tried = 0;
  let withTwins = 0;
  const kinds = [...QUESTION_KINDS].filter((k) => bank.some((q) => q.kind === k));
  for (let seed = 1; seed <= quizSeeds; seed++) {
    for (const count of [20, "all"] as const) {
      const quiz = buildQuiz(bank, { seed, count, kinds, language: seed % 2 ? "en" : "fr" });
      tried++;
      if (new Set(quiz.map(itemKey)).size < quiz.length) withTwins++;
    }
  }

  // An item is drawn in either language: an absolute in one of its translations counts.
  const withAbsolute = new Set(
    generated
      .filter(({ question: q }) => q.kind !== "true-false" && q.options.some((o) => hasAbsolute(o.text)))
      .map(({ question }) => itemKey(question)),
  );
  const absolute = choice.filter(({ question }) => withAbsolute.has(itemKey(question))).length;

  const keyLongestRate: Partial<Record<QuestionKind, number>> = {};
  for (const kind of QUESTION_KINDS) {
    const ofKind = choice.filter((g) => g.question.kind === kind);
    if (ofKind.length === 0) continue;
    const longest = ofKind.filter(({ question: q }) =>
      distractorTexts(q).every((d) => d.length < keyText(q).length),
    ).length;
    keyLongestRate[kind] = round(longest / ofKind.length);
  }

  const textLevel = generated.filter(
    (g) => g.question.kind === "main-idea" || g.question.kind === "reference",
  );
  const mostWords = textLevel.filter(({ question: q }) => {
    const french = q.passage ?? "";
    const passage =
      q.optionsLanguage === "fr"
        ? french
        : (paragraphEnglish.get(french) ?? sentences.get(q.evidenceSentenceId)?.en ?? "");
    return keyHasMostPassageWords(keyText(q), distractorTexts(q), passage);
  }).length;

  return {
    mainIdeaForeignNameRate: round(foreign / Math.max(1, mainIdeas.length)),
    numberItems: numbers.length,
    numberItemsAllFromKey: numbers.filter((g) => fromKey(g) === (g.meta.distractors?.length ?? 0)).length,
    numberDistractorsNotFromKeyRate: round(1 - numberFromKey / Math.max(1, numberDistractors)),
    itemsPerFact: { max: maxFactItems, mean: round(factMean, 1), maxFact },
    itemsPerPoint: { max: maxPointItems, point: maxPoint },
    nameMatchingRate: round(items.filter(turnsOnName).length / Math.max(1, items.length)),
    quizzesWithTwins: withTwins,
    quizzesTried: tried,
    absoluteOptionRate: round(absolute / Math.max(1, choice.length)),
    keyLongestRate,
    keyMostPassageWordsRate: round(mostWords / Math.max(1, textLevel.length)),
  };
}

export function formatReview(r: ReviewFigures): string[] {
  const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
  return [
    `  main ideas with an option naming what the paragraph does not: ${pct(r.mainIdeaForeignNameRate)}`,
    `  number items: ${r.numberItems}, all wrong numbers from the key's digits in ${r.numberItemsAllFromKey}; wrong numbers not from the key: ${pct(r.numberDistractorsNotFromKeyRate)}`,
    `  items per fact (translations once): max ${r.itemsPerFact.max} (${r.itemsPerFact.maxFact}), mean ${r.itemsPerFact.mean}; per point: max ${r.itemsPerPoint.max} (${r.itemsPerPoint.point})`,
    `  items turning on a person's or company's name: ${pct(r.nameMatchingRate)}`,
    `  drawn quizzes holding one item in two languages: ${r.quizzesWithTwins} of ${r.quizzesTried}`,
    `  choice items with an absolute in an option: ${pct(r.absoluteOptionRate)}`,
    `  key is the longest option: ${Object.entries(r.keyLongestRate)
      .map(([k, v]) => `${k} ${pct(v)}`)
      .join(", ")}`,
    `  main idea and reference keys sharing the most words with the passage: ${pct(r.keyMostPassageWordsRate)}`,
  ];
}
