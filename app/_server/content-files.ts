/**
 * Reads articles from `questions/articles/<slug>/` and validates them. The one
 * place where content touches the file system: pages reach it through
 * `content.ts`, the command line and tests call it directly.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkArticleText, checkSentenceIds, checkVocabulary } from "../../questions/consistency";
import { articleSchema, vocabularySchema, type Article, type Vocabulary } from "../../questions/schema";
import { ContentError, parseContent } from "../../questions/validate";

export const ARTICLES_DIR = path.join(process.cwd(), "questions", "articles");

export interface ArticleBundle {
  article: Article;
  vocabulary: Vocabulary;
  source: string;
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

  return { article, vocabulary, source };
}
