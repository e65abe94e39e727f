import "server-only";
import { checkFamilies, groupFamilies, type ArticleFamily } from "@/questions/families";
import { ContentError } from "@/questions/validate";
import { ARTICLES_DIR, listArticleSlugs, loadArticleBundle, type ArticleBundle } from "./content-files";

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

let families: ArticleFamily[] | null = null;

/**
 * The articles grouped as one text at several levels, each family's levels
 * easiest first. The family rules (shared fact ids) are checked here, once,
 * like each article's own content: broken content fails the build.
 */
export function getArticleFamilies(): ArticleFamily[] {
  if (!families) {
    const all = getAllArticleBundles();
    const problems = checkFamilies(all);
    if (problems.length) throw new ContentError(ARTICLES_DIR, problems);
    families = groupFamilies(all.map((bundle) => bundle.article));
  }
  return families;
}

/** The family an article belongs to (a family of one when it has no other level), or null for no such article. */
export function getArticleFamily(slug: string): ArticleFamily | null {
  return getArticleFamilies().find((family) => family.levels.some((level) => level.slug === slug)) ?? null;
}
