/**
 * The analysis pipeline's public face: what the command line calls today and
 * the studio will call tomorrow, on the server or in the browser behind a
 * dynamic import (`await import("@/questions/analysis")`). Never import it
 * statically from a page: with the lexicon it is tens of megabytes
 * (`__tests__/analysis/boundary.test.ts` keeps app/ from doing so).
 */
export { analyseText, allAnalysedSentences, ANALYSIS_WARNING_CODES, DEFAULT_TRICKY_WORDS } from "./analyse";
export type {
  AnalysedSentence,
  AnalysisInput,
  AnalysisResources,
  AnalysisWarning,
  AnalysisWarningCode,
  AlignmentReport,
  SentenceAlignment,
  TextAnalysis,
} from "./analyse";
export { buildDraft, MISSING_TRANSLATION } from "./draft";
export type { DraftContent, DraftOptions } from "./draft";
export { ANALYSIS_ERROR_CODES, ANALYSIS_ERROR_MESSAGES, AnalysisError, isAnalysisError } from "./errors";
export type { AnalysisErrorCode, AnalysisErrorParams } from "./errors";
export { buildGlossary } from "./glossary";
export type { Glossary, GlossaryEntry, TrickyWord } from "./glossary";
export { MAX_WORDS } from "./input";
export { createLexicon } from "./lexicon";
export type { LexEntry, Lexicon, LexiconSources } from "./lexicon";
export type { LevelEstimate, LevelReason } from "./level";
export { formatReport } from "./report";
export { lookupWords } from "./lookup";
export type { WordLookup } from "./lookup";
export type { Suggestion, SuggestionReason } from "./suggest";
