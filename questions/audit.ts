/**
 * The bank's quality figures (`npm run questions -- --audit`), measured the
 * way a teacher's review flags items (`shared/item-review.md`): odd one out,
 * stems that copy their evidence, cognates asked as vocabulary, items piled on
 * one sentence, duplicates, true/false balance and options per item. The
 * tests hold these figures to thresholds, so a change of data or generator
 * that makes the bank worse fails.
 */
import { allSentences } from "./article";
import { normalizeForComparison } from "./normalize";
import type { Question, QuestionKind } from "./question-types";
import { QUESTION_KINDS } from "./question-kinds";
import { buildQuiz } from "./quiz";
import type { Article, Vocabulary } from "./schema";
import { anchorOf, type GeneratedQuestion } from "./generators/types";
import { isTransparentCognate } from "./cognates";
import { isBelowAskedLevel } from "./generators/vocabulary";
import { auditReview, formatReview, type ReviewFigures } from "./audit-review";
import { auditGiveaways, formatGiveaways, type GiveawayFigures } from "./audit-giveaways";
import type { Discourse } from "./discourse-schema";
import type { Facts } from "./fact-schema";
import { auditGround, formatGround, type GroundFigures } from "./audit-ground";
import { namesAllIn, namesIn } from "./names";
import { hasComplement } from "./generators/distractors";
import { typographicApostrophes } from "./typography";

/** Words that carry no content in a stem, in both languages. */
const STOPWORDS = new Set(
  (
    "a an the of to in on at for from by with and or but not is are was were be been has have had " +
    "does do did what which who whom whose how why when where this that these those its it his her " +
    "their they he she according article text le la les l un une des du de d et ou en au aux à a " +
    "dans sur pour par avec qui que quoi quel quelle quels quelles est sont ont a-t-il il elle ils " +
    "elles son sa ses leur leurs ce cet cette ces selon d'après après ne pas plus qu s se"
  ).split(" "),
);

function contentWords(text: string): string[] {
  return normalizeForComparison(text)
    .split(" ")
    .filter((w) => w.length >= 4 && !STOPWORDS.has(w));
}

/** Share of the stem's content words that also stand in the evidence sentence (same language). */
export function stemOverlap(stem: string, evidence: string): number {
  const words = contentWords(stem);
  if (words.length === 0) return 0;
  const evidenceWords = new Set(contentWords(evidence));
  return words.filter((w) => evidenceWords.has(w)).length / words.length;
}

/** The fine category of an option's value: its slot type and category, or the kind's own family. */
function fineCategory(c: { type?: string; category?: string } | undefined): string {
  return `${c?.type ?? "?"}/${c?.category ?? "-"}`;
}

/**
 * Of a main idea's or a reference's options, how each stands to the passage's
 * names: naming nothing, naming only what the passage names, or naming
 * something it does not.
 */
function nameClass(text: string, passage: string, names: readonly string[]): string {
  const found = namesIn(text, names);
  if (found.length === 0) return "none";
  return namesAllIn(found, passage) ? "in-passage" : "elsewhere";
}

/**
 * Whether the key stands apart from every distractor: another fine category,
 * or a form no distractor shares (a capital letter where none has one, a
 * determiner where none has one, twice as many words as any), or, for a main
 * idea or a reference, the only option that names (or does not name) what
 * its passage names.
 */
export function isOddOneOut(g: GeneratedQuestion, names: readonly string[] = []): boolean {
  const { question, meta } = g;
  if (question.kind === "true-false") return false;
  const key = question.options.find((o) => o.id === question.answerId)?.text ?? "";
  const others = question.options.filter((o) => o.id !== question.answerId).map((o) => o.text);
  if (others.length === 0) return false;
  if (question.kind === "main-idea" || question.kind === "reference") {
    const passage = question.passage ?? "";
    const keyClass = nameClass(key, passage, names);
    if (others.every((o) => nameClass(o, passage, names) !== keyClass)) return true;
  }
  if (meta.key && meta.distractors?.length) {
    const keyCategory = fineCategory(meta.key);
    if (meta.distractors.every((d) => fineCategory(d) !== keyCategory)) return true;
  }
  const capital = (t: string) => /^\p{Lu}/u.test(t);
  const determiner = (t: string) => /^((le|la|les|un|une|des|du|the|a|an)\s|l['’])/i.test(t);
  const words = (t: string) => t.trim().split(/\s+/).length;
  // Much longer or shorter than every other option: "pick the odd length" wins.
  const length = (t: string) => t.length;
  const longer = (a: string, b: string) => length(a) >= 1.6 * length(b) && length(a) - length(b) >= 8;
  if (others.every((o) => longer(key, o)) || others.every((o) => longer(o, key))) return true;
  const keyWords = words(key);
  if (others.every((o) => keyWords >= 2 * words(o) + 1 || words(o) >= 2 * keyWords + 1)) return true;
  // Capitals and determiners tell only in short options: names and noun phrases, not sentences.
  if ([key, ...others].some((t) => words(t) > 5)) return false;
  // A gap that opens a sentence, the passage's first or the one after the sentence it points back to.
  const sentenceStart = question.kind === "cloze" && /(^|[.!?»]\s)____/.test(question.passage ?? "");
  if (!sentenceStart && question.optionsLanguage === "fr" && others.every((o) => capital(o) !== capital(key)))
    return true;
  if (others.every((o) => determiner(o) !== determiner(key))) return true;
  // "Directeur de la recherche" among "Directeur technique", "Directeur financier": the only complement.
  if (others.every((o) => hasComplement(o) !== hasComplement(key))) return true;
  return false;
}

export interface KindFigure {
  items: number;
  oddOneOut: number;
}

export interface AuditFigures {
  items: number;
  byKind: Partial<Record<QuestionKind, KindFigure>>;
  /** Share of choice items (not true/false) whose key is the odd one out. */
  oddOneOutRate: number;
  /** Mean share of a comprehension stem's content words found in its evidence sentence. */
  stemOverlapMean: number;
  /** Share of comprehension stems that take 60 % or more of their content words from the evidence. */
  stemOverlapHighRate: number;
  /** Share of vocabulary items asking a transparent cognate with no false friend among the options. */
  cognateRate: number;
  /** Share of vocabulary items whose target is below the level asked (B1, or an A2 text's own level). */
  belowLevelRate: number;
  /** Share of vocabulary items shown without their sentence. */
  vocabularyWithoutSentenceRate: number;
  itemsPerSentence: { max: number; mean: number; maxSentence: string };
  /** Groups of two or more items with the same stem, passage and key once normalised. */
  duplicateGroups: number;
  duplicateItems: number;
  /** Share of true statements among true/false items of drawn quizzes. */
  trueFalseTrueShare: number;
  /** Share of false statements made by swapping in a value the article does not give. */
  falseFromOutsideRate: number;
  optionsPerItem: Record<string, number>;
  /** Share of comprehension and cloze distractors taken from the article itself. */
  distractorsFromArticleRate: number;
  /** What the blind review of the second round asked to measure (`audit-review.ts`). */
  review: ReviewFigures;
  /** What the third review asked to measure: answers given away (`audit-giveaways.ts`). */
  giveaways: GiveawayFigures;
  /** What the fourth review asked to measure: ground shared in a quiz, headlines (`audit-ground.ts`). */
  ground: GroundFigures;
}

function round(n: number, places = 3): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

export function duplicateKey(q: Question): string {
  const key = q.options.find((o) => o.id === q.answerId)?.text ?? "";
  return `${normalizeForComparison(q.stem)}|${normalizeForComparison(q.passage ?? "")}|${normalizeForComparison(key)}`;
}

/**
 * `names`: the proper names the content knows (`knownNames` in `names.ts`), so
 * that a name opening an option counts as one.
 */
export function auditBank(
  article: Article,
  vocabulary: Vocabulary,
  generated: readonly GeneratedQuestion[],
  quizSeeds = 200,
  names: readonly string[] = [],
  discourse?: Discourse,
  facts: Facts = [],
): AuditFigures {
  const sentences = new Map(allSentences(article).map((s) => [s.id, s]));
  const terms = new Map(vocabulary.map((t) => [`term:${t.id}`, t]));
  const bank = generated.map((g) => g.question);

  const byKind: Partial<Record<QuestionKind, KindFigure>> = {};
  let choiceItems = 0;
  let odd = 0;
  for (const g of generated) {
    const figure = (byKind[g.question.kind] ??= { items: 0, oddOneOut: 0 });
    figure.items++;
    if (g.question.kind === "true-false") continue;
    choiceItems++;
    if (isOddOneOut(g, names)) {
      odd++;
      figure.oddOneOut++;
    }
  }

  const overlaps: number[] = [];
  for (const { question: q } of generated) {
    if (q.kind !== "comprehension-en" && q.kind !== "comprehension-fr") continue;
    const sentence = sentences.get(q.evidenceSentenceId);
    if (!sentence) continue;
    overlaps.push(stemOverlap(q.stem, q.language === "fr" ? sentence.fr : sentence.en));
  }

  const vocab = generated.filter((g) => g.question.kind === "vocabulary");
  let cognates = 0;
  let belowLevel = 0;
  let bare = 0;
  for (const { question: q, meta } of vocab) {
    const term = terms.get(q.topicId);
    if (!term) continue;
    if (isBelowAskedLevel(term.level, article.level)) belowLevel++;
    if (q.passage !== typographicApostrophes(sentences.get(q.evidenceSentenceId)?.fr ?? "")) bare++;
    const falseFriendShown = (term.falseFriends ?? []).some((f) =>
      q.options.some((o) => normalizeForComparison(o.text) === normalizeForComparison(f)),
    );
    if (isTransparentCognate(term) && !falseFriendShown && !meta.falseFriendShown) cognates++;
  }

  const perSentence = new Map<string, number>();
  for (const g of generated) {
    const id = anchorOf({ evidenceSentenceId: g.question.evidenceSentenceId, meta: g.meta });
    perSentence.set(id, (perSentence.get(id) ?? 0) + 1);
  }
  let maxSentence = "";
  let max = 0;
  for (const [id, n] of perSentence) {
    if (n > max) [max, maxSentence] = [n, id];
  }
  const mean = bank.length / Math.max(1, sentences.size);

  const groups = new Map<string, number>();
  for (const q of bank) groups.set(duplicateKey(q), (groups.get(duplicateKey(q)) ?? 0) + 1);
  const dupGroups = [...groups.values()].filter((n) => n > 1);

  let tfTrue = 0;
  let tfAll = 0;
  const kinds = [...QUESTION_KINDS].filter((k) => bank.some((q) => q.kind === k));
  for (let seed = 1; seed <= quizSeeds; seed++) {
    for (const q of buildQuiz(bank, { seed, count: 20, kinds, language: seed % 2 ? "en" : "fr" })) {
      if (q.kind !== "true-false") continue;
      tfAll++;
      if (q.answerId === q.options[0]?.id) tfTrue++;
    }
  }

  const falseItems = generated.filter((g) => g.question.kind === "true-false" && g.meta.truth === false);
  // A number swapped for another number is contradicted by the text; any other value must come from it.
  const fromOutside = falseItems.filter(
    (g) => g.meta.swapped?.source !== "article" && g.meta.swapped?.quantity === undefined,
  ).length;

  const optionsPerItem: Record<string, number> = {};
  for (const q of bank) {
    if (q.kind === "true-false") continue;
    optionsPerItem[q.options.length] = (optionsPerItem[q.options.length] ?? 0) + 1;
  }

  const distractors = generated
    .filter((g) => ["comprehension-en", "comprehension-fr", "cloze"].includes(g.question.kind))
    .flatMap((g) => g.meta.distractors ?? []);
  const fromArticle = distractors.filter((d) => d.source === "article").length;

  return {
    items: bank.length,
    byKind,
    oddOneOutRate: round(odd / Math.max(1, choiceItems)),
    stemOverlapMean: round(overlaps.reduce((a, b) => a + b, 0) / Math.max(1, overlaps.length)),
    stemOverlapHighRate: round(overlaps.filter((o) => o >= 0.6).length / Math.max(1, overlaps.length)),
    cognateRate: round(cognates / Math.max(1, vocab.length)),
    belowLevelRate: round(belowLevel / Math.max(1, vocab.length)),
    vocabularyWithoutSentenceRate: round(bare / Math.max(1, vocab.length)),
    itemsPerSentence: { max, mean: round(mean, 1), maxSentence },
    duplicateGroups: dupGroups.length,
    duplicateItems: dupGroups.reduce((a, b) => a + b, 0),
    trueFalseTrueShare: round(tfTrue / Math.max(1, tfAll)),
    falseFromOutsideRate: round(fromOutside / Math.max(1, falseItems.length)),
    optionsPerItem,
    distractorsFromArticleRate: round(fromArticle / Math.max(1, distractors.length)),
    review: auditReview(article, generated, names, Math.min(quizSeeds, 50)),
    giveaways: auditGiveaways(article, generated, discourse, Math.min(quizSeeds, 20)),
    ground: auditGround(article, facts, generated, discourse),
  };
}

export function formatAudit(slug: string, a: AuditFigures): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
  const kinds = Object.entries(a.byKind).map(
    ([kind, f]) => `    ${kind.padEnd(17)} ${String(f.items).padStart(4)}  odd one out ${f.oddOneOut}`,
  );
  return [
    `${slug}: ${a.items} questions`,
    ...kinds,
    `  odd one out (by fine category and form): ${pct(a.oddOneOutRate)}`,
    `  stem–evidence overlap (comprehension):   mean ${pct(a.stemOverlapMean)}, ≥ 60 % in ${pct(a.stemOverlapHighRate)}`,
    `  vocabulary: transparent cognates ${pct(a.cognateRate)}, below the level asked ${pct(a.belowLevelRate)}, without sentence ${pct(a.vocabularyWithoutSentenceRate)}`,
    `  items per sentence: max ${a.itemsPerSentence.max} (${a.itemsPerSentence.maxSentence}), mean ${a.itemsPerSentence.mean}`,
    `  duplicates (stem + passage + key): ${a.duplicateGroups} groups, ${a.duplicateItems} items`,
    `  true/false in drawn quizzes: ${pct(a.trueFalseTrueShare)} true; false by an unmentioned value: ${pct(a.falseFromOutsideRate)}`,
    `  options per item: ${Object.entries(a.optionsPerItem)
      .map(([n, c]) => `${n} → ${c}`)
      .join(", ")}`,
    `  distractors from the article: ${pct(a.distractorsFromArticleRate)}`,
    ...formatReview(a.review),
    ...formatGiveaways(a.giveaways),
    ...formatGround(a.ground),
  ].join("\n");
}
