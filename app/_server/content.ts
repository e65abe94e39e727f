import "server-only";
import { z } from "zod";
import { parseArticleBundle, type ArticleBundle, type ArticleFiles } from "@/questions/bundle";
import type { Outsiders } from "@/questions/fact-schema";
import { checkFamilies, groupFamilies, type ArticleFamily } from "@/questions/families";
import { ContentError } from "@/questions/validate";
import { ARTICLES_DIR, listArticleSlugs, loadArticleBundle, loadOutsiders } from "./content-files";
import { getStore, type GloseStore } from "./db";

/*
 * Articles come from two places. The repository's (`questions/articles/`)
 * cannot change under a running server, so they are read and validated once
 * per process and their pages are rendered at build time. Teachers' articles
 * are published in the studio and stored in the database, one immutable
 * version after another; a version is validated again when read and kept in
 * memory, since it never changes either.
 */
let slugs: string[] | null = null;
const bundles = new Map<string, ArticleBundle>();

/** The repository's articles: the ones with static pages. */
export function getArticleSlugs(): string[] {
  slugs ??= listArticleSlugs();
  return slugs;
}

export function isRepositoryArticle(slug: string): boolean {
  return getArticleSlugs().includes(slug);
}

/** A repository article, or null. */
export function getArticleBundle(slug: string): ArticleBundle | null {
  if (!isRepositoryArticle(slug)) return null;
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

let outsiders: Outsiders | null = null;

/** The shared wrong values (`questions/outsiders.json`), read once. */
export function sharedOutsiders(): Outsiders {
  outsiders ??= loadOutsiders();
  return outsiders;
}

export interface LoadedArticle {
  bundle: ArticleBundle;
  /** The repository's (static pages) or a teacher's, published in the studio (pages rendered per request). */
  origin: "repository" | "studio";
  /** The published version read; null for the repository's. */
  version: number | null;
  /** The newest published version; null for the repository's. */
  latestVersion: number | null;
}

/** A studio article's address: kebab-case, as every slug; checked before the database is asked. */
export const ARTICLE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const storedFilesSchema = z.object({
  "source.fr.txt": z.string(),
  "article.json": z.string(),
  "vocabulary.json": z.string(),
  "facts.json": z.string().optional(),
  "outsiders.json": z.string().optional(),
  "discourse.json": z.string().optional(),
});

/** Parses a stored content folder (`StoredArticleVersion.files`) as any content is parsed. */
export function parseStoredFiles(text: string): ArticleFiles {
  return storedFilesSchema.parse(JSON.parse(text)) as ArticleFiles;
}

const STUDIO_CACHE_LIMIT = 200;
const studioBundles = new Map<string, ArticleBundle>();

/**
 * Any article by its address: the repository's first, then the database's
 * (its latest version, or `version`). Null when there is none; a database
 * failure is thrown, never passed off as "not found".
 */
export async function loadArticle(
  slug: string,
  version?: number,
  store?: GloseStore,
): Promise<LoadedArticle | null> {
  const fromRepository = getArticleBundle(slug);
  if (fromRepository) {
    return version === undefined
      ? { bundle: fromRepository, origin: "repository", version: null, latestVersion: null }
      : null;
  }
  if (slug.length > 80 || !ARTICLE_SLUG.test(slug)) return null;
  // Opened only now: the repository's pages are rendered at build time without a database.
  const stored = await (store ?? getStore()).getArticleVersion(slug, version);
  if (!stored) return null;
  const key = `${slug}@${stored.version}`;
  let bundle = studioBundles.get(key);
  if (!bundle) {
    bundle = parseArticleBundle(parseStoredFiles(stored.files), { sharedOutsiders: sharedOutsiders(), slug });
    if (studioBundles.size >= STUDIO_CACHE_LIMIT) {
      const oldest = studioBundles.keys().next();
      if (!oldest.done) studioBundles.delete(oldest.value);
    }
    studioBundles.set(key, bundle);
  }
  return { bundle, origin: "studio", version: stored.version, latestVersion: stored.latestVersion };
}
