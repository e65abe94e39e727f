/**
 * An article folder (a repository article, an exported .zip) back into a
 * studio draft, so that a text can move between Glose servers and be edited
 * again. Its facts are kept as written (`baseFacts`), its glosses become the
 * draft's terms; only what the studio cannot show is left out: nothing.
 */
import type { ArticleBundle } from "../bundle";
import type { Outsiders } from "../fact-schema";
import type { Sentence } from "../schema";
import { NO_TRANSLATION } from "./build";
import {
  STUDIO_DRAFT_FORMAT,
  type DraftSentence,
  type DraftTerm,
  type DraftSuggestion,
  type StudioDraft,
} from "./draft";

/** What the pipeline writes in place of a missing translation, in the import's and the studio's words. */
const UNTRANSLATED = new Set([NO_TRANSLATION, "(no translation yet)"]);

function sentence(s: Sentence): DraftSentence {
  return { id: s.id, fr: s.fr, en: UNTRANSLATED.has(s.en) ? "" : s.en };
}

export interface FromContentOptions {
  /** The address the draft publishes to: a new one on this server, whatever the folder's slug was. */
  slug: string;
  /** The folder's own outsiders.json (the bundle holds them merged with the shared pool). */
  ownOutsiders: Outsiders;
  suggestions?: DraftSuggestion[];
  glossPool?: StudioDraft["glossPool"];
}

export function draftFromContent(bundle: ArticleBundle, options: FromContentOptions): StudioDraft {
  const { article, vocabulary, facts, discourse } = bundle;
  return {
    format: STUDIO_DRAFT_FORMAT,
    slug: options.slug,
    level: article.level,
    ...(article.family ? { family: article.family } : {}),
    topic: article.topic,
    source: article.source ?? "",
    licence: article.licence ?? "",
    title: { ...sentence(article.title), id: "title" },
    paragraphs: article.paragraphs.map((p) => ({ id: p.id, sentences: p.sentences.map(sentence) })),
    terms: vocabulary.map((term) => {
      const kept: DraftTerm & { draft?: true } = { ...term };
      delete kept.draft;
      return kept;
    }),
    suggestions: options.suggestions ?? [],
    dismissed: [],
    facts: [],
    baseFacts: facts,
    outsiders: options.ownOutsiders,
    ...(discourse ? { discourse } : {}),
    glossPool: options.glossPool ?? {},
    notices: [],
  };
}
