import "server-only";
import { articleWords, type ArticleWords } from "@/questions/words/article-words";
import { glossaryLemmatizer } from "@/questions/words/coverage";
import { getArticleBundle } from "./content";

const cache = new Map<string, ArticleWords>();

/**
 * An article's word profile. The lemmatizer is chosen here, once: the
 * glossary's forms over lower case today; the analysis pipeline's lexicon
 * goes in as `glossaryLemmatizer(vocabulary, lexiconLemmatize)`.
 */
export function getArticleWords(slug: string): ArticleWords | null {
  const cached = cache.get(slug);
  if (cached) return cached;
  const bundle = getArticleBundle(slug);
  if (!bundle) return null;
  const words = articleWords(bundle.article, bundle.vocabulary, glossaryLemmatizer(bundle.vocabulary));
  cache.set(slug, words);
  return words;
}
