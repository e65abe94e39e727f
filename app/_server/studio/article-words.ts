import "server-only";
import { articleWords, type ArticleWords } from "@/questions/words/article-words";
import { glossaryLemmatizer } from "@/questions/words/coverage";
import type { LoadedArticle } from "../content";

const cache = new Map<string, ArticleWords>();
const LIMIT = 200;

/**
 * The word profile of an article published in the studio, per version.
 * Counted with the glossary's forms over lower case, not the lexicon that
 * `getArticleWords` uses for the repository's articles: this runs per
 * request, and the lexicon (~70 MB, a third of a second to read) is kept
 * to build time there.
 */
export function studioArticleWords(article: LoadedArticle): ArticleWords {
  const key = `${article.bundle.article.slug}@${article.version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const { bundle } = article;
  const words = articleWords(bundle.article, bundle.vocabulary, glossaryLemmatizer(bundle.vocabulary));
  if (cache.size >= LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, words);
  return words;
}
