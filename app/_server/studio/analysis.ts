import "server-only";
import {
  analyseText,
  buildDraft,
  buildGlossary,
  DEFAULT_TRICKY_WORDS,
  lookupWords,
  type AnalysisErrorCode,
  type Glossary,
  type Suggestion,
  type TextAnalysis,
  type WordLookup,
} from "@/questions/analysis";
import { normalizeForComparison } from "@/questions/normalize";
import {
  DRAFT_LIMITS,
  STUDIO_DRAFT_FORMAT,
  studioDraftSchema,
  type DraftSuggestion,
  type StudioDraft,
} from "@/questions/studio/draft";
import type { PartOfSpeech } from "@/questions/schema";
import { loadLexicon } from "../analysis/lexicon-files";
import { getAllArticleBundles, sharedOutsiders } from "../content";

export type { AnalysisErrorCode };

/**
 * The analysis pipeline on the server, for the studio: the only module of
 * app/ that imports it. The lexicon (~0.5 s and ~66 MB to load) is read on
 * the first text a teacher pastes, never at start-up or by a page, and kept
 * for the life of the process, like the repository's glossary.
 */

let glossary: Glossary | undefined;

/** Every repository article's glossed terms, by lemma: their glosses are suggested again. */
function repositoryGlossary(): Glossary {
  glossary ??= buildGlossary(
    getAllArticleBundles().map((b) => ({ slug: b.article.slug, vocabulary: b.vocabulary })),
  );
  return glossary;
}

function resources() {
  return { lexicon: loadLexicon(), glossary: repositoryGlossary() };
}

/** Glosses of other words by part of speech, where the studio proposes wrong meanings from. */
function glossPool(): StudioDraft["glossPool"] {
  const pool: Partial<Record<PartOfSpeech, string[]>> = {};
  const add = (pos: PartOfSpeech, gloss: string) => {
    const list = (pool[pos] ??= []);
    if (list.length < 80 && !list.includes(gloss)) list.push(gloss);
  };
  for (const entry of repositoryGlossary().values()) add(entry.pos, entry.gloss);
  for (const word of DEFAULT_TRICKY_WORDS) add(word.pos, word.gloss);
  return pool;
}

function suggestionOf(s: Suggestion): DraftSuggestion {
  return {
    id: s.id,
    lemma: s.lemma,
    pos: s.pos,
    ...(s.pos === "noun" && s.gender ? { gender: s.gender } : {}),
    surfaces: s.surfaces.slice(0, 20),
    sentenceIds: s.sentenceIds.slice(0, DRAFT_LIMITS.sentences),
    level: s.level,
    reasons: [...s.reasons],
    ...(s.gloss ? { gloss: s.gloss } : {}),
    ...(s.wrongGlosses ? { wrongGlosses: s.wrongGlosses.slice(0, DRAFT_LIMITS.wrongGlosses) } : {}),
  };
}

/** The French as analysed: the title on its own line first, unless the text already starts with it. */
function withTitle(title: string, text: string): string {
  const firstLine = text.trim().split("\n")[0] ?? "";
  return normalizeForComparison(firstLine) === normalizeForComparison(title) ? text : `${title}\n\n${text}`;
}

export interface PastedText {
  title: string;
  text: string;
  english?: string;
  source?: string;
  licence?: string;
}

/** Sentences whose pairing with the English the pipeline was not sure of. */
function uncertain(analysis: TextAnalysis): Set<string> {
  return new Set(
    (analysis.alignment?.pairs ?? [])
      .filter((p) => p.lowConfidence || p.type !== "1-1")
      .flatMap((p) => p.sentenceIds),
  );
}

/** Analyses a pasted text into a draft; throws the pipeline's AnalysisError on bad input. */
export function analysePaste(input: PastedText, slug: string): StudioDraft {
  const { lexicon, glossary } = resources();
  const english = input.english?.trim() ? input.english : undefined;
  const analysis = analyseText(
    { text: withTitle(input.title, input.text), ...(english ? { english } : {}) },
    { lexicon, glossary },
  );
  const content = buildDraft(analysis, { slug, outsiders: sharedOutsiders(), lexicon, glossary });
  const check = uncertain(analysis);
  const sentence = (s: { id: string; fr: string; en?: string }) => ({
    id: s.id,
    fr: s.fr,
    en: s.en ?? "",
    ...(english && check.has(s.id) ? { check: true as const } : {}),
  });
  const title = analysis.title ?? { id: "title", fr: input.title };
  return studioDraftSchema.parse({
    format: STUDIO_DRAFT_FORMAT,
    slug,
    level: analysis.level.level,
    topic: { en: "", fr: "" },
    source: input.source?.trim() ?? "",
    licence: input.licence?.trim() ?? "",
    title: { ...sentence(title), id: "title" },
    paragraphs: analysis.paragraphs.map((p) => ({ id: p.id, sentences: p.sentences.map(sentence) })),
    terms: [],
    suggestions: analysis.suggestions.slice(0, DRAFT_LIMITS.suggestions).map(suggestionOf),
    dismissed: [],
    facts: [],
    baseFacts: content.facts,
    outsiders: content.outsiders,
    glossPool: glossPool(),
    notices: analysis.warnings.map((w) => w.code),
  } satisfies StudioDraft);
}

/** The pipeline's suggestions for an imported text, or none when it cannot analyse it. */
export function suggestionsFor(source: string): {
  suggestions: DraftSuggestion[];
  glossPool: StudioDraft["glossPool"];
} {
  try {
    const analysis = analyseText({ text: source }, resources());
    return {
      suggestions: analysis.suggestions.slice(0, DRAFT_LIMITS.suggestions).map(suggestionOf),
      glossPool: glossPool(),
    };
  } catch {
    // An imported article was validated already; suggestions are a help, not a condition.
    return { suggestions: [], glossPool: glossPool() };
  }
}

/** What the words `start`–`end` of a sentence are. */
export function lookup(sentence: string, start: number, end: number): WordLookup {
  return lookupWords(sentence, start, end, resources());
}
