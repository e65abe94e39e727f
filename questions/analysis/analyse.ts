/**
 * The analysis pipeline: a pasted French text (and, if given, its English)
 * becomes sentences with stable ids, tagged words, names, numbers,
 * expressions, ranked gloss suggestions, an estimated level and an aligned
 * translation. Pure: the lexicon, the expression list and the glossary are
 * passed in; the same input always gives the same analysis.
 */
import expressionData from "./data/expressions.json";
import trickyData from "./data/tricky-words.json";
import { alignSentences, splitEnglishAt, splitEnglishSentences, type AlignedPair } from "./align";
import {
  commonAcronyms,
  findNames,
  findQuantities,
  type NameContext,
  type NameSpan,
  type QuantitySpan,
} from "./entities";
import { AnalysisError } from "./errors";
import {
  createExpressionMatcher,
  expressionListSchema,
  type ExpressionEntry,
  type ExpressionMatch,
} from "./expressions";
import { trickyWordListSchema, type Glossary, type TrickyWord } from "./glossary";
import { cleanInput, normalizeText } from "./input";
import { detectLanguage, LANGUAGE_NAMES } from "./language";
import { CORE_VOCABULARY, estimateLevel, type LevelEstimate } from "./level";
import type { Lexicon } from "./lexicon";
import { segmentText } from "./segment";
import { suggestTerms, type Suggestion } from "./suggest";
import { tagSentence, type TaggedWord } from "./tagger";
import { tokenize, type Token } from "./tokenize";

export interface AnalysisResources {
  lexicon: Lexicon;
  /** Glose's glossary (see `buildGlossary`); empty for the first article. */
  glossary?: Glossary;
  /** Defaults to `data/expressions.json` and `data/tricky-words.json`. */
  expressions?: readonly ExpressionEntry[];
  trickyWords?: readonly TrickyWord[];
}

export interface AnalysisInput {
  /** The French text as pasted. */
  text: string;
  /** The English translation as pasted, one block. */
  english?: string;
}

export interface AnalysedSentence {
  id: string;
  paragraphId?: string;
  fr: string;
  /** The aligned English; absent without a translation (or when none matched). */
  en?: string;
  tokens: Token[];
  words: TaggedWord[];
  names: NameSpan[];
  quantities: QuantitySpan[];
  expressions: ExpressionMatch[];
}

export interface SentenceAlignment {
  sentenceIds: string[];
  english: string;
  type: AlignedPair["type"];
  confidence: number;
  lowConfidence: boolean;
}

export interface AlignmentReport {
  pairs: SentenceAlignment[];
  /** French sentences that got exactly one English sentence with confidence. */
  confident: number;
  frenchSentences: number;
  englishSentences: number;
}

export const ANALYSIS_WARNING_CODES = ["markup-as-text", "no-title", "alignment-uncertain"] as const;
export type AnalysisWarningCode = (typeof ANALYSIS_WARNING_CODES)[number];

export interface AnalysisWarning {
  code: AnalysisWarningCode;
  en: string;
  fr: string;
}

export interface TextAnalysis {
  /** The text as the draft stores it: title, then one paragraph per line. */
  source: string;
  wordCount: number;
  title?: AnalysedSentence;
  paragraphs: { id: string; sentences: AnalysedSentence[] }[];
  level: LevelEstimate;
  suggestions: Suggestion[];
  alignment?: AlignmentReport;
  warnings: AnalysisWarning[];
}

export const DEFAULT_EXPRESSIONS = expressionListSchema.parse(expressionData);
export const DEFAULT_TRICKY_WORDS = trickyWordListSchema.parse(trickyData);

/** A translation with fewer than this share of the French sentence count is missing a part. */
const MIN_TRANSLATION_SHARE = 0.6;

const CONTENT = new Set(["noun", "verb", "adjective", "adverb"]);

function checkFrench(text: string): void {
  const guess = detectLanguage(text);
  if (guess.language === "fr") return;
  // Short texts rich in names can fall under the threshold: French words must still lead.
  if (
    guess.language === undefined &&
    guess.scores.fr > 0 &&
    guess.scores.fr >= Math.max(...Object.values(guess.scores))
  )
    return;
  const names = guess.language ? LANGUAGE_NAMES[guess.language] : undefined;
  throw new AnalysisError("not-french", names ? { language: names.en, languageFr: names.fr } : {});
}

function analyseSentence(
  id: string,
  fr: string,
  lexicon: Lexicon,
  matcher: ReturnType<typeof createExpressionMatcher>,
  names: NameContext,
  paragraphId?: string,
): AnalysedSentence {
  const tokens = tokenize(fr, (form) => lexicon.has(form));
  const found = findNames(fr, tokens, lexicon, names);
  const nameTokens = new Set(
    found.flatMap((n) => Array.from({ length: n.to - n.from }, (_, k) => n.from + k)),
  );
  const words = tagSentence(tokens, lexicon, nameTokens);
  return {
    id,
    ...(paragraphId ? { paragraphId } : {}),
    fr,
    tokens,
    words,
    names: found,
    quantities: findQuantities(fr, tokens),
    expressions: matcher.match(words, fr),
  };
}

function englishBlocks(english: string): { title?: string; sentences: string[] } {
  const text = normalizeText(english);
  if (!text) throw new AnalysisError("translation-empty");
  const segmented = segmentText(text);
  const paragraphs = [
    ...(segmented.title ? [segmented.title] : []),
    ...segmented.paragraphs.map((p) => p.join(" ")),
  ];
  return {
    ...(segmented.title ? { title: segmented.title } : {}),
    sentences: (segmented.title ? paragraphs.slice(1) : paragraphs).flatMap(splitEnglishSentences),
  };
}

function alignEnglish(
  english: string,
  title: AnalysedSentence | undefined,
  body: AnalysedSentence[],
): AlignmentReport {
  const guess = detectLanguage(english);
  if (guess.language !== undefined && guess.language !== "en")
    throw new AnalysisError("translation-not-english");
  const blocks = englishBlocks(english);
  let sentences = blocks.sentences;
  const pairs: SentenceAlignment[] = [];
  if (title) {
    // A title the teacher translated stands on its own first line; otherwise its English is the first sentence.
    const titleEnglish = blocks.title ?? (body.length < sentences.length ? sentences[0] : undefined);
    if (!blocks.title && titleEnglish !== undefined) sentences = sentences.slice(1);
    if (titleEnglish !== undefined) {
      title.en = titleEnglish;
      pairs.push({
        sentenceIds: ["title"],
        english: titleEnglish,
        type: "1-1",
        confidence: 1,
        lowConfidence: false,
      });
    }
  }
  if (body.length >= 2 && sentences.length < Math.ceil(body.length * MIN_TRANSLATION_SHARE)) {
    throw new AnalysisError("translation-too-short", { english: sentences.length, french: body.length });
  }
  const alignment = alignSentences(
    body.map((s) => s.fr),
    sentences,
  );
  for (const pair of alignment.pairs) {
    const english = pair.en.map((i) => sentences[i] ?? "").join(" ");
    const frenchSentences = pair.fr.map((i) => body[i]).filter((s): s is AnalysedSentence => s !== undefined);
    if (frenchSentences.length === 2 && english) {
      const [a, b] = frenchSentences;
      const share = (a?.fr.length ?? 1) / ((a?.fr.length ?? 1) + (b?.fr.length ?? 1));
      const [first, second] = splitEnglishAt(english, share);
      if (a) a.en = first;
      if (b) b.en = second;
    } else if (frenchSentences[0] && english) {
      frenchSentences[0].en = english;
    }
    pairs.push({
      sentenceIds: frenchSentences.map((s) => s.id),
      english,
      type: pair.type,
      confidence: pair.confidence,
      lowConfidence: pair.lowConfidence,
    });
  }
  const confident = pairs.filter(
    (p) => p.sentenceIds[0] !== "title" && p.type === "1-1" && !p.lowConfidence,
  ).length;
  return { pairs, confident, frenchSentences: body.length, englishSentences: sentences.length };
}

function levelOf(
  title: AnalysedSentence | undefined,
  body: AnalysedSentence[],
  wordCount: number,
): LevelEstimate {
  let contentWords = 0;
  let beyondB1 = 0;
  let beyondB2 = 0;
  let expressions = 0;
  for (const sentence of [...(title ? [title] : []), ...body]) {
    // Fixed expressions only: a pronominal verb or a compound preposition ("suite à") is grammar.
    expressions += sentence.expressions.filter(
      (e) => e.origin === "list" || (e.origin === "lefff" && e.pos !== "preposition"),
    ).length;
    for (const word of sentence.words) {
      if (!CONTENT.has(word.pos) || word.lemma === "être" || word.lemma === "avoir") continue;
      contentWords++;
      const rank = word.lemmaRank ?? Infinity;
      if (rank > CORE_VOCABULARY.b1) beyondB1++;
      if (rank > CORE_VOCABULARY.b2) beyondB2++;
    }
  }
  return estimateLevel({
    contentWords,
    beyondB1,
    beyondB2,
    sentences: body.length,
    words: wordCount,
    expressions,
  });
}

const WARNINGS: Readonly<Record<AnalysisWarningCode, { en: string; fr: string }>> = {
  "markup-as-text": {
    en: "The text holds HTML or code: it is kept as plain text, never run.",
    fr: "Le texte contient du HTML ou du code\u00a0: il est gardé comme texte simple, jamais exécuté.",
  },
  "no-title": {
    en: "No title line was found: the first sentence serves as the title.",
    fr: "Aucune ligne de titre n’a été trouvée\u00a0: la première phrase sert de titre.",
  },
  "alignment-uncertain": {
    en: "Some sentences of the translation could not be paired with confidence: check them.",
    fr: "Certaines phrases de la traduction n’ont pas pu être appariées avec certitude\u00a0: vérifiez-les.",
  },
};

/** Analyses a French text, or throws an AnalysisError naming what is wrong with the input. */
export function analyseText(input: AnalysisInput, resources: AnalysisResources): TextAnalysis {
  const clean = cleanInput(input.text);
  checkFrench(clean.text);
  if (input.english !== undefined && normalizeText(input.english) === "")
    throw new AnalysisError("translation-empty");
  const { lexicon } = resources;
  const matcher = createExpressionMatcher(resources.expressions ?? DEFAULT_EXPRESSIONS, lexicon);
  const segmented = segmentText(clean.text);
  const warnings: AnalysisWarning[] = [];

  let titleText = segmented.title;
  const paragraphs = segmented.paragraphs.map((p) => [...p]);
  if (titleText === undefined) {
    warnings.push({ code: "no-title", ...WARNINGS["no-title"] });
    const first = paragraphs[0];
    titleText = first?.shift();
    if (first && first.length === 0) paragraphs.shift();
  }
  if (titleText === undefined || paragraphs.length === 0) throw new AnalysisError("no-sentences");

  const known = (form: string) => lexicon.has(form);
  const names: NameContext = {
    people: new Set<string>(),
    commonAcronyms: commonAcronyms([titleText, ...paragraphs.flat()].map((s) => tokenize(s, known))),
  };
  const title = analyseSentence("title", titleText, lexicon, matcher, names);
  let n = 0;
  const analysed = paragraphs.map((sentences, p) => {
    const id = `p${p + 1}`;
    return {
      id,
      sentences: sentences.map((fr) => analyseSentence(`s${++n}`, fr, lexicon, matcher, names, id)),
    };
  });
  const body = analysed.flatMap((p) => p.sentences);
  const alignment = input.english !== undefined ? alignEnglish(input.english, title, body) : undefined;
  if (alignment && alignment.confident < alignment.frenchSentences) {
    warnings.push({ code: "alignment-uncertain", ...WARNINGS["alignment-uncertain"] });
  }
  if (clean.hadMarkup) warnings.push({ code: "markup-as-text", ...WARNINGS["markup-as-text"] });

  const source = [title.fr, ...analysed.map((p) => p.sentences.map((s) => s.fr).join(" "))].join("\n");
  return {
    source,
    wordCount: clean.wordCount,
    title,
    paragraphs: analysed,
    level: levelOf(title, body, clean.wordCount),
    suggestions: suggestTerms([title, ...body], {
      lexicon,
      glossary: resources.glossary ?? new Map(),
      trickyWords: resources.trickyWords ?? DEFAULT_TRICKY_WORDS,
    }),
    ...(alignment ? { alignment } : {}),
    warnings,
  };
}

const matchers = new WeakMap<Lexicon, ReturnType<typeof createExpressionMatcher>>();

/**
 * One sentence on its own, as `analyseText` analyses each of a text's: for
 * looking up words a teacher selects in the studio. No language check: the
 * sentence belongs to a text that passed it.
 */
export function analyseOneSentence(fr: string, resources: AnalysisResources): AnalysedSentence {
  const { lexicon } = resources;
  let matcher = resources.expressions ? undefined : matchers.get(lexicon);
  if (!matcher) {
    matcher = createExpressionMatcher(resources.expressions ?? DEFAULT_EXPRESSIONS, lexicon);
    if (!resources.expressions) matchers.set(lexicon, matcher);
  }
  const names: NameContext = {
    people: new Set<string>(),
    commonAcronyms: commonAcronyms([tokenize(fr, (form) => lexicon.has(form))]),
  };
  return analyseSentence("s1", fr, lexicon, matcher, names);
}

export function allAnalysedSentences(analysis: TextAnalysis): AnalysedSentence[] {
  return [...(analysis.title ? [analysis.title] : []), ...analysis.paragraphs.flatMap((p) => p.sentences)];
}
