/**
 * An article's content files, parsed and checked as one bundle: the schemas
 * of each file, then the checks across files (the sentences give back the
 * source, every term and fact stands in its sentence, every use has wrong
 * values). The same gate for every way an article arrives: a folder of the
 * repository (`content-files.ts`), a studio draft being published, a .zip
 * being imported, a version read back from the database. Pure: files come
 * in as text, errors go out as `ContentError`s naming the file, the entry
 * and the field.
 */
import { checkArticleText, checkSentenceIds, checkVocabulary } from "./consistency";
import { checkDiscourse } from "./discourse-checks";
import { discourseSchema, type Discourse } from "./discourse-schema";
import { checkFacts, checkOutsiders } from "./fact-checks";
import { factsSchema, outsidersSchema, type Facts, type Outsiders } from "./fact-schema";
import { articleSchema, vocabularySchema, type Article, type Vocabulary } from "./schema";
import type { ArticleFiles } from "./bundle-files";
import { ContentError, parseContent } from "./validate";

export interface ArticleBundle {
  article: Article;
  vocabulary: Vocabulary;
  source: string;
  /** The fact base that questions are generated from. */
  facts: Facts;
  /** The wrong values drawn from: the shared pool, with the article's own added, by slot type. */
  outsiders: Outsiders;
  /** Paragraph gists, references and connectors; absent when the article has no discourse.json. */
  discourse?: Discourse;
}

export { ARTICLE_FILE_NAMES, type ArticleFiles } from "./bundle-files";

/** `shown` is the name errors give the file. */
export function parseJsonFile(text: string, shown: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ContentError(shown, [`not valid JSON: ${(error as Error).message}`]);
  }
}

/** Outsiders, checked: a value with a quantity must say the same number in words. */
export function parseOutsiders(data: unknown, shown: string): Outsiders {
  const outsiders = parseContent(outsidersSchema, data, shown);
  const problems = checkOutsiders(outsiders);
  if (problems.length) throw new ContentError(shown, problems);
  return outsiders;
}

/** The shared outsiders with an article's own added, type by type. */
export function mergeOutsiders(shared: Outsiders, own: Outsiders): Outsiders {
  const merged: Record<string, Outsiders[string]> = { ...shared };
  for (const [type, values] of Object.entries(own)) merged[type] = [...(shared[type] ?? []), ...values];
  return merged;
}

export interface ParseBundleOptions {
  /** The shared pool of wrong values (`questions/outsiders.json`). */
  sharedOutsiders: Outsiders;
  /** How errors name a file: its path in the repository, or its name in a .zip. */
  shown?: (file: keyof ArticleFiles) => string;
  /** The folder or id the article must be filed under: `article.slug` must equal it. */
  slug?: string;
}

export function parseArticleBundle(files: ArticleFiles, options: ParseBundleOptions): ArticleBundle {
  const shown = options.shown ?? ((file: keyof ArticleFiles) => file);
  const json = (file: keyof ArticleFiles) => parseJsonFile(files[file] ?? "", shown(file));

  const article = parseContent(articleSchema, json("article.json"), shown("article.json"));
  if (options.slug !== undefined && article.slug !== options.slug) {
    throw new ContentError(shown("article.json"), [
      `field "slug": "${article.slug}" must match the folder "${options.slug}"`,
    ]);
  }
  const vocabulary = parseContent(vocabularySchema, json("vocabulary.json"), shown("vocabulary.json"));
  const source = files["source.fr.txt"];

  const articleProblems = [...checkSentenceIds(article), ...checkArticleText(article, source)];
  if (articleProblems.length) throw new ContentError(shown("article.json"), articleProblems);
  const vocabularyProblems = checkVocabulary(article, vocabulary);
  if (vocabularyProblems.length) throw new ContentError(shown("vocabulary.json"), vocabularyProblems);

  if (files["facts.json"] === undefined) {
    throw new ContentError(shown("facts.json"), [
      "file is missing: every article needs a fact base to make its quiz",
    ]);
  }
  const facts = parseContent(factsSchema, json("facts.json"), shown("facts.json"));
  const own =
    files["outsiders.json"] === undefined
      ? {}
      : parseOutsiders(json("outsiders.json"), shown("outsiders.json"));
  const outsiders = mergeOutsiders(options.sharedOutsiders, own);
  const factProblems = checkFacts(article, facts, outsiders);
  if (factProblems.length) throw new ContentError(shown("facts.json"), factProblems);

  if (files["discourse.json"] === undefined) return { article, vocabulary, source, facts, outsiders };
  const discourse = parseContent(discourseSchema, json("discourse.json"), shown("discourse.json"));
  const discourseProblems = checkDiscourse(article, discourse);
  if (discourseProblems.length) throw new ContentError(shown("discourse.json"), discourseProblems);
  return { article, vocabulary, source, facts, outsiders, discourse };
}
