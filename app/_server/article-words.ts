import "server-only";
import { allSentences } from "@/questions/article";
import { lexiconLemmatizer } from "@/questions/analysis/lemmatizer";
import { articleWords, type ArticleWords } from "@/questions/words/article-words";
import { glossaryLemmatizer, lowerCaseLemmatizer, type Lemmatizer } from "@/questions/words/coverage";
import { getArticleBundle } from "./content";
import type { ArticleBundle } from "./content-files";
import { loadLexicon } from "./analysis/lexicon-files";

const cache = new Map<string, ArticleWords>();

/**
 * The lemmatizer for one article's word counts: the glossary's forms, then
 * the lexicon as the tagger read each form in this text ("sont" → "être"),
 * then lower case. Elided forms ("l'", "qu'") keep coverage's own mapping so
 * the browser, which has no lexicon, saves them under the same key.
 */
function articleLemmatizer(bundle: ArticleBundle): Lemmatizer {
  const lexicon = lexiconLemmatizer(
    allSentences(bundle.article).map((sentence) => sentence.fr),
    loadLexicon(),
  );
  const fallback: Lemmatizer = (token) =>
    /['’]$/.test(token) ? lowerCaseLemmatizer(token) : (lexicon(token) ?? lowerCaseLemmatizer(token));
  return glossaryLemmatizer(bundle.vocabulary, fallback);
}

/**
 * An article's word profile, built once per process. Only the static
 * `/api/words/{slug}` route calls this, so the lexicon (~70 MB in memory,
 * a third of a second to read) is loaded at build time, never per request.
 */
export function getArticleWords(slug: string): ArticleWords | null {
  const cached = cache.get(slug);
  if (cached) return cached;
  const bundle = getArticleBundle(slug);
  if (!bundle) return null;
  const words = articleWords(bundle.article, bundle.vocabulary, articleLemmatizer(bundle));
  cache.set(slug, words);
  return words;
}
