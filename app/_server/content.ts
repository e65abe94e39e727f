import "server-only";
import { cache } from "react";
import { listArticleSlugs, loadArticleBundle, type ArticleBundle } from "./content-files";

/** cache() deduplicates loading within a request; static pages load once per build. */
export const getArticleSlugs = cache((): string[] => listArticleSlugs());

export const getArticleBundle = cache((slug: string): ArticleBundle | null => {
  if (!getArticleSlugs().includes(slug)) return null;
  // Broken content throws here, which fails the build with the file, entry and field named.
  return loadArticleBundle(slug);
});

export const getAllArticleBundles = cache((): ArticleBundle[] =>
  getArticleSlugs().map((slug) => loadArticleBundle(slug)),
);
