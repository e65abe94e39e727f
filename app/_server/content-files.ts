/**
 * Reads articles from `questions/articles/<slug>/` and validates them. The one
 * place where content touches the file system: pages reach it through
 * `content.ts`, the command line and tests call it directly.
 *
 * Not marked `server-only`, unlike the rest of `_server`: `npm run questions`
 * runs it under plain Node, where that marker throws. It cannot reach a
 * browser bundle anyway (it reads files), and pages only import its types.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkArticleText, checkSentenceIds, checkVocabulary } from "../../questions/consistency";
import { checkFacts, checkOutsiders } from "../../questions/fact-checks";
import { factsSchema, outsidersSchema, type Facts, type Outsiders } from "../../questions/fact-schema";
import { checkDiscourse } from "../../questions/discourse-checks";
import { discourseSchema, type Discourse } from "../../questions/discourse-schema";
import { checkFamilies } from "../../questions/families";
import { articleSchema, vocabularySchema, type Article, type Vocabulary } from "../../questions/schema";
import { ContentError, parseContent } from "../../questions/validate";

export const ARTICLES_DIR = path.join(process.cwd(), "questions", "articles");
/** Distractors shared by every article. */
export const OUTSIDERS_FILE = path.join(process.cwd(), "questions", "outsiders.json");

export interface ArticleBundle {
  article: Article;
  vocabulary: Vocabulary;
  source: string;
  /** The fact base that questions are generated from. */
  facts: Facts;
  /** The shared pool of wrong values, by slot type. */
  outsiders: Outsiders;
  /** Paragraph gists, references and connectors; absent when the article has no discourse.json. */
  discourse?: Discourse;
}

export function listArticleSlugs(root = ARTICLES_DIR): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, entry.name, "article.json")))
    .map((entry) => entry.name)
    .sort();
}

/** `shown` is the path errors name: relative, like the other content errors. */
function readJson(file: string, shown = file): unknown {
  const text = readFileSync(file, "utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ContentError(shown, [`not valid JSON: ${(error as Error).message}`]);
  }
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
  const outsiders = parseContent(outsidersSchema, readJson(file, name), name);
  const problems = checkOutsiders(outsiders);
  if (problems.length) throw new ContentError(name, problems);
  return outsiders;
}

/**
 * An article may bring wrong values of its own (`<slug>/outsiders.json`, same
 * shape): an imported draft's cloze options drawn from the lexicon for its
 * own words. They add to the shared ones, type by type.
 */
function withOwnOutsiders(shared: Outsiders, file: string): Outsiders {
  if (!existsSync(file)) return shared;
  const own = loadOutsiders(file);
  const merged: Record<string, Outsiders[string]> = { ...shared };
  for (const [type, values] of Object.entries(own)) merged[type] = [...(shared[type] ?? []), ...values];
  return merged;
}

export function loadArticleBundle(slug: string, root = ARTICLES_DIR): ArticleBundle {
  const dir = path.join(root, slug);
  const file = (name: string) => path.relative(/*turbopackIgnore: true*/ process.cwd(), path.join(dir, name));
  const article = parseContent(
    articleSchema,
    readJson(path.join(dir, "article.json"), file("article.json")),
    file("article.json"),
  );
  if (article.slug !== slug) {
    throw new ContentError(file("article.json"), [
      `field "slug": "${article.slug}" must match the folder "${slug}"`,
    ]);
  }
  const vocabulary = parseContent(
    vocabularySchema,
    readJson(path.join(dir, "vocabulary.json"), file("vocabulary.json")),
    file("vocabulary.json"),
  );
  const source = readFileSync(path.join(dir, "source.fr.txt"), "utf8");

  const articleProblems = [...checkSentenceIds(article), ...checkArticleText(article, source)];
  if (articleProblems.length) throw new ContentError(file("article.json"), articleProblems);
  const vocabularyProblems = checkVocabulary(article, vocabulary);
  if (vocabularyProblems.length) throw new ContentError(file("vocabulary.json"), vocabularyProblems);

  const factsPath = path.join(dir, "facts.json");
  if (!existsSync(factsPath)) {
    throw new ContentError(file("facts.json"), [
      "file is missing: every article needs a fact base to make its quiz",
    ]);
  }
  const facts = parseContent(factsSchema, readJson(factsPath, file("facts.json")), file("facts.json"));
  const outsiders = withOwnOutsiders(loadOutsiders(outsidersFileFor(root)), path.join(dir, "outsiders.json"));
  const factProblems = checkFacts(article, facts, outsiders);
  if (factProblems.length) throw new ContentError(file("facts.json"), factProblems);

  const discoursePath = path.join(dir, "discourse.json");
  if (!existsSync(discoursePath)) return { article, vocabulary, source, facts, outsiders };
  const discourse = parseContent(
    discourseSchema,
    readJson(discoursePath, file("discourse.json")),
    file("discourse.json"),
  );
  const discourseProblems = checkDiscourse(article, discourse);
  if (discourseProblems.length) throw new ContentError(file("discourse.json"), discourseProblems);
  return { article, vocabulary, source, facts, outsiders, discourse };
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
