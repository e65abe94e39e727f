/**
 * The library: every text once, with its levels. One entry per family (see
 * `families.ts`), each level with what a learner weighs before reading it:
 * title, reading time, words, glossed terms. Pure; the home page gets the
 * repository's entries from the server, and entries that live only on a
 * device (texts it created or opened) take the same shape with
 * `source: "device"`.
 */
import { articleFigures } from "./article";
import { groupFamilies } from "./families";
import type { CefrLevel } from "./levels";
import type { Article, Vocabulary } from "./schema";

export interface LibraryLevel {
  level: CefrLevel;
  /** The article at this level: its reader is `/{lng}/read/{slug}`, its quiz `/{lng}/quiz/{slug}`. */
  slug: string;
  title: { fr: string; en: string };
  wordCount: number;
  readingMinutes: number;
  termCount: number;
}

export interface LibraryEntry {
  /** The family id: one entry per text, however many levels it has. */
  id: string;
  /** "repository": content shipped with Glose; "device": a text only this device knows (created or opened). */
  source: "repository" | "device";
  topic: { en: string; fr: string };
  /** The level shown first: the original text. */
  defaultSlug: string;
  /** Easiest first, at least one. */
  levels: LibraryLevel[];
}

export interface LibraryArticle {
  article: Article;
  vocabulary: Vocabulary;
}

export function libraryLevel({ article, vocabulary }: LibraryArticle): LibraryLevel {
  const figures = articleFigures(article, vocabulary);
  return {
    level: article.level,
    slug: article.slug,
    title: { fr: article.title.fr, en: article.title.en },
    wordCount: figures.wordCount,
    readingMinutes: figures.readingMinutes,
    termCount: figures.termCount,
  };
}

/** One entry per family, in the order of the articles given; the original is the level named like the family. */
export function libraryEntries(articles: readonly LibraryArticle[]): LibraryEntry[] {
  const bySlug = new Map(articles.map((a) => [a.article.slug, a]));
  return groupFamilies(articles.map((a) => a.article)).flatMap((family): LibraryEntry[] => {
    const levels = family.levels.flatMap((l) => {
      const found = bySlug.get(l.slug);
      return found ? [libraryLevel(found)] : [];
    });
    const original = levels.find((l) => l.slug === family.id) ?? levels.at(-1);
    const article = original ? bySlug.get(original.slug)?.article : undefined;
    if (!original || !article) return [];
    return [
      { id: family.id, source: "repository", topic: article.topic, defaultSlug: original.slug, levels },
    ];
  });
}

/** The levels the library offers, easiest first: what its filter lists. */
export function libraryLevels(entries: readonly LibraryEntry[]): CefrLevel[] {
  return [...new Set(entries.flatMap((e) => e.levels.map((l) => l.level)))].sort();
}
