/**
 * Reads articles from `questions/articles/<slug>/` and validates them. The one
 * place where content touches the file system: pages reach it through
 * `content.ts`, the command line and tests call it directly.
 *
 * `server-only` like the rest of `_server`: the command-line scripts run under
 * `tsx --conditions=react-server` (package.json), which lets the marker through.
 */
import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  ARTICLE_FILE_NAMES,
  parseArticleBundle,
  parseJsonFile,
  parseOutsiders,
  type ArticleBundle,
  type ArticleFiles,
} from "../../questions/bundle";
import type { Outsiders } from "../../questions/fact-schema";
import { checkFamilies } from "../../questions/families";
import { ContentError } from "../../questions/validate";

export type { ArticleBundle } from "../../questions/bundle";

export const ARTICLES_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "questions", "articles");
/** Distractors shared by every article. */
export const OUTSIDERS_FILE = path.join(
  /*turbopackIgnore: true*/ process.cwd(),
  "questions",
  "outsiders.json",
);

export function listArticleSlugs(root = ARTICLES_DIR): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, entry.name, "article.json")))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The outsiders of an `articles` folder are its sibling `outsiders.json`, so a
 * copy of `questions/` is self-contained; any other folder of articles uses
 * the repository's file.
 */
export function outsidersFileFor(root = ARTICLES_DIR): string {
  const beside = path.join(root, "..", "outsiders.json");
  return path.basename(root) === "articles" && existsSync(beside) ? beside : OUTSIDERS_FILE;
}

export function loadOutsiders(file = OUTSIDERS_FILE): Outsiders {
  const name = path.relative(/*turbopackIgnore: true*/ process.cwd(), file);
  return parseOutsiders(parseJsonFile(readFileSync(file, "utf8"), name), name);
}

/** The files of one article folder, as text; the optional ones only when present. */
export function readArticleFiles(slug: string, root = ARTICLES_DIR): ArticleFiles {
  const dir = path.join(root, slug);
  const files: Partial<Record<keyof ArticleFiles, string>> = {};
  for (const name of ARTICLE_FILE_NAMES) {
    const file = path.join(dir, name);
    const required = name === "source.fr.txt" || name === "article.json" || name === "vocabulary.json";
    // A missing required file throws ENOENT, as it always did.
    if (required || existsSync(file)) files[name] = readFileSync(file, "utf8");
  }
  return files as ArticleFiles;
}

export function loadArticleBundle(slug: string, root = ARTICLES_DIR): ArticleBundle {
  const dir = path.join(root, slug);
  return parseArticleBundle(readArticleFiles(slug, root), {
    sharedOutsiders: loadOutsiders(outsidersFileFor(root)),
    shown: (name) => path.relative(/*turbopackIgnore: true*/ process.cwd(), path.join(dir, name)),
    slug,
  });
}

/**
 * Every article of `root`, each validated, and their families checked across
 * articles (levels of one text share their fact ids): what one article's
 * files cannot tell alone. Errors name the folder and each article concerned.
 */
export function loadAllArticleBundles(root = ARTICLES_DIR): ArticleBundle[] {
  const bundles = listArticleSlugs(root).map((slug) => loadArticleBundle(slug, root));
  const problems = checkFamilies(bundles);
  if (problems.length) {
    throw new ContentError(path.relative(/*turbopackIgnore: true*/ process.cwd(), root) || ".", problems);
  }
  return bundles;
}
