import "server-only";
import { articleWords, type ArticleWords } from "@/questions/words/article-words";
import { glossaryLemmatizer } from "@/questions/words/coverage";
import { getArticleBundle, type LoadedArticle } from "./content";

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

const STUDIO_LIMIT = 200;

/** The word profile of any loaded article: a studio article's per published version. */
export function articleWordsOf(article: LoadedArticle): ArticleWords {
  const key =
    article.origin === "studio"
      ? `${article.bundle.article.slug}@${article.version}`
      : article.bundle.article.slug;
  const cached = cache.get(key);
  if (cached) return cached;
  const { bundle } = article;
  const words = articleWords(bundle.article, bundle.vocabulary, glossaryLemmatizer(bundle.vocabulary));
  if (article.origin === "studio" && cache.size >= STUDIO_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, words);
  return words;
}
