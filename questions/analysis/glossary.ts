/**
 * Glose's own glossary: every term glossed in any article, by lemma. A word
 * glossed once becomes a suggestion, gloss included, for every later text
 * with the same lemma (as LingQ's shared hints do); the teacher confirms or
 * rewrites it. Also the list of words that trap English speakers
 * (`data/tricky-words.json`: false friends and misleading senses), whose
 * usual meaning is a gloss and whose trap is a ready wrong answer.
 */
import { z } from "zod";
import { normalizeForComparison } from "../normalize";
import { partOfSpeechSchema, type CefrLevel, type PartOfSpeech, type Vocabulary } from "../schema";

export interface GlossaryEntry {
  lemma: string;
  pos: PartOfSpeech;
  gender?: "m" | "f";
  gloss: string;
  wrongGlosses: readonly string[];
  level: CefrLevel;
  /** The article it was glossed in. */
  source: string;
}

export type Glossary = ReadonlyMap<string, GlossaryEntry>;

export const trickyWordSchema = z.strictObject({
  lemma: z.string().min(1),
  pos: partOfSpeechSchema,
  gender: z.enum(["m", "f"]).optional(),
  /** What it usually means. */
  gloss: z.string().min(1),
  /** What an English speaker takes it for. */
  trap: z.string().min(1),
});
export const trickyWordListSchema = z.array(trickyWordSchema);
export type TrickyWord = z.infer<typeof trickyWordSchema>;

export function lemmaKey(lemma: string): string {
  return normalizeForComparison(lemma.replace(/’/g, "'"));
}

/** Every article's glossed terms by lemma; the first article to gloss a lemma keeps it. */
export function buildGlossary(articles: readonly { slug: string; vocabulary: Vocabulary }[]): Glossary {
  const glossary = new Map<string, GlossaryEntry>();
  for (const { slug, vocabulary } of articles) {
    for (const term of vocabulary) {
      const key = lemmaKey(term.lemma);
      if (glossary.has(key)) continue;
      glossary.set(key, {
        lemma: term.lemma,
        pos: term.pos,
        ...(term.gender ? { gender: term.gender } : {}),
        gloss: term.gloss,
        wrongGlosses: term.wrongGlosses,
        level: term.level,
        source: slug,
      });
    }
  }
  return glossary;
}

export function trickyWordIndex(words: readonly TrickyWord[]): ReadonlyMap<string, TrickyWord> {
  return new Map(words.map((w) => [lemmaKey(w.lemma), w]));
}
