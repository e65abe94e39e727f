/**
 * The files of an article folder, by name: plain data, so the studio's
 * import (in the browser) can pick them out of a .zip without loading the
 * content schemas.
 */

/** The files of one article folder, as text; the optional ones may be absent. */
export interface ArticleFiles {
  "source.fr.txt": string;
  "article.json": string;
  "vocabulary.json": string;
  "facts.json"?: string;
  "outsiders.json"?: string;
  "discourse.json"?: string;
}

export const ARTICLE_FILE_NAMES = [
  "source.fr.txt",
  "article.json",
  "vocabulary.json",
  "facts.json",
  "outsiders.json",
  "discourse.json",
] as const satisfies readonly (keyof ArticleFiles)[];
