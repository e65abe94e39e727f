/**
 * Pure functions over an article's content: its text, its figures, and where
 * its glossed terms stand in each sentence.
 */
import type { Article, Sentence, SentenceId, Term, Vocabulary } from "./schema";

/** Title first, then every sentence in reading order. */
export function allSentences(article: Article): Sentence[] {
  return [article.title, ...article.paragraphs.flatMap((p) => p.sentences)];
}

export function bodySentences(article: Article): Sentence[] {
  return article.paragraphs.flatMap((p) => p.sentences);
}

/** Every sentence's French and English by id: what a quiz needs to quote its evidence. */
export function sentenceTexts(article: Article): Record<SentenceId, { fr: string; en: string }> {
  return Object.fromEntries(allSentences(article).map((s) => [s.id, { fr: s.fr, en: s.en }]));
}

export function sentenceById(article: Article, id: SentenceId): Sentence | undefined {
  return allSentences(article).find((s) => s.id === id);
}

/**
 * The source text rebuilt from the data: the title on the first line, one
 * paragraph per line, sentences separated by one space (the source's layout).
 */
export function articleText(article: Article): string {
  return [article.title.fr, ...article.paragraphs.map((p) => p.sentences.map((s) => s.fr).join(" "))].join(
    "\n",
  );
}

/** Words as a reader counts them: "l'IA" is two, "14,3" is one. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[,.-][\p{N}\p{L}]+)*/gu)?.length ?? 0;
}

/** B1–B2 learners read a foreign text at roughly 120 words a minute. */
const LEARNER_WORDS_PER_MINUTE = 120;

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / LEARNER_WORDS_PER_MINUTE));
}

export interface TextSegment {
  text: string;
  /** Set when this segment is a glossed term. */
  termId?: string;
}

/**
 * Splits a French sentence into plain text and glossed terms. Longer surfaces
 * win over shorter ones they contain ("maison mère" before "mère"), and terms
 * never overlap, so every character of the sentence appears exactly once.
 */
export function segmentSentence(sentence: Sentence, vocabulary: Vocabulary): TextSegment[] {
  const candidates = vocabulary
    .filter((term) => term.sentenceIds.includes(sentence.id))
    .flatMap((term) => term.surfaces.map((surface) => ({ surface, termId: term.id })))
    .sort((a, b) => b.surface.length - a.surface.length);

  const taken: { start: number; end: number; termId: string }[] = [];
  for (const { surface, termId } of candidates) {
    let from = 0;
    for (;;) {
      const start = indexOfWord(sentence.fr, surface, from);
      if (start < 0) break;
      const end = start + surface.length;
      if (!taken.some((t) => start < t.end && end > t.start)) {
        taken.push({ start, end, termId });
        break;
      }
      from = start + 1;
    }
  }
  taken.sort((a, b) => a.start - b.start);

  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const { start, end, termId } of taken) {
    if (start > cursor) segments.push({ text: sentence.fr.slice(cursor, start) });
    segments.push({ text: sentence.fr.slice(start, end), termId });
    cursor = end;
  }
  if (cursor < sentence.fr.length) segments.push({ text: sentence.fr.slice(cursor) });
  return segments;
}

const LETTER = /[\p{L}\p{N}]/u;

/** indexOf that only matches whole words ("IA" must not match inside "IAs"). */
export function indexOfWord(text: string, word: string, from = 0): number {
  let index = text.indexOf(word, from);
  while (index >= 0) {
    const before = text[index - 1];
    const after = text[index + word.length];
    const startsClean = before === undefined || !LETTER.test(before) || !LETTER.test(word[0] ?? "");
    const endsClean = after === undefined || !LETTER.test(after) || !LETTER.test(word.at(-1) ?? "");
    if (startsClean && endsClean) return index;
    index = text.indexOf(word, index + 1);
  }
  return -1;
}

/** Glossary order: alphabetical by lemma, the French way (accents after their letter). */
export function sortedGlossary(vocabulary: Vocabulary): Term[] {
  const collator = new Intl.Collator("fr", { sensitivity: "base" });
  return [...vocabulary].sort((a, b) => collator.compare(stripReflexive(a.lemma), stripReflexive(b.lemma)));
}

/** "se livrer …" files under L, as in a dictionary. */
function stripReflexive(lemma: string): string {
  return lemma.replace(/^(se |s')/i, "");
}

export interface ArticleFigures {
  wordCount: number;
  readingMinutes: number;
  sentenceCount: number;
  termCount: number;
}

export function articleFigures(article: Article, vocabulary: Vocabulary): ArticleFigures {
  const wordCount = countWords(articleText(article));
  return {
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    sentenceCount: bodySentences(article).length,
    termCount: vocabulary.length,
  };
}
