import "server-only";
import { listArticleSlugs, loadArticleBundle, type ArticleBundle } from "./content-files";

/*
 * Content is files in the repository: it cannot change under a running
 * server, so it is read and validated once per process, not per request
 * (the student's assignment page is rendered on every visit).
 */
let slugs: string[] | null = null;
const bundles = new Map<string, ArticleBundle>();

export function getArticleSlugs(): string[] {
  slugs ??= listArticleSlugs();
  return slugs;
}

export function getArticleBundle(slug: string): ArticleBundle | null {
  if (!getArticleSlugs().includes(slug)) return null;
  let bundle = bundles.get(slug);
  if (!bundle) {
    // Broken content throws here, which fails the build with the file, entry and field named.
    bundle = loadArticleBundle(slug);
    bundles.set(slug, bundle);
  }
  return bundle;
}

export function getAllArticleBundles(): ArticleBundle[] {
  return getArticleSlugs().flatMap((slug) => getArticleBundle(slug) ?? []);
}
