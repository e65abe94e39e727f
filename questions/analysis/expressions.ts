/**
 * Multi-word expressions: "alors que", "maison mère", "se livrer une bataille
 * sans merci". Two sources: Glose's own list (`data/expressions.json`, which
 * grows with every article; its entries win) and the Lefff's multi-word
 * entries (646 prepositions such as "suite à", 299 conjunctions, 527
 * adverbs). An expression matches on lemmas, so "se livrent une bataille sans
 * merci" is found by "se livrer une bataille sans merci".
 */
import { z } from "zod";
import { partOfSpeechSchema, type PartOfSpeech } from "../schema";
import type { Lexicon } from "./lexicon";
import { readingsOf, type TaggedWord } from "./tagger";
import { tokenize } from "./tokenize";

export const expressionEntrySchema = z.strictObject({
  /** The dictionary form: infinitive, masculine singular, "se" for pronominal verbs. */
  expression: z.string().min(3),
  pos: partOfSpeechSchema,
  gender: z.enum(["m", "f"]).optional(),
  /** Only the first word is the surface: "bénéficient" of "bénéficier de", the preposition may come later. */
  head: z.boolean().optional(),
  /** The article it was first glossed in, when it came from one. */
  source: z.string().optional(),
});
export const expressionListSchema = z.array(expressionEntrySchema);
export type ExpressionEntry = z.infer<typeof expressionEntrySchema>;

export interface ExpressionMatch {
  /** Word indexes in the sentence's tagged words, end exclusive. */
  from: number;
  to: number;
  lemma: string;
  pos: PartOfSpeech;
  gender?: "m" | "f";
  /** "list" for Glose's own list, "lefff" for the lexicon's multi-word entries, "pronominal" for "se" + verb. */
  origin: "list" | "lefff" | "pronominal";
}

/** How far a governed preposition may stand from its verb: "ne bénéficient pas de". */
const HEAD_WINDOW = 3;
const LEFFF_MULTIWORD: Readonly<Record<string, PartOfSpeech>> = {
  prep: "preposition",
  csu: "conjunction",
  coo: "conjunction",
  adv: "adverb",
};
const CONTRACTED: Readonly<Record<string, readonly string[]>> = {
  au: ["à", "le"],
  aux: ["à", "les", "le"],
  du: ["de", "le"],
  des: ["de", "les", "le", "un"],
  "d'": ["de", "un"],
};

interface CompiledExpression {
  entry: ExpressionEntry;
  words: ReadonlySet<string>[];
}

export interface ExpressionMatcher {
  match(words: readonly TaggedWord[], sentence: string): ExpressionMatch[];
}

const OPEN_CLASSES = new Set(["nc", "v", "adj", "adv"]);
/** A grammar word and its elided form are the same word: "se"/"s'", "de"/"d'". */
const ELIDED: Readonly<Record<string, string>> = {
  se: "s'",
  de: "d'",
  le: "l'",
  la: "l'",
  que: "qu'",
  me: "m'",
  te: "t'",
  ne: "n'",
  jusque: "jusqu'",
};

/**
 * What a word of an expression may show up as: an open-class word by any of
 * its forms ("livrer" → "livrent"), a grammar word only as itself, elided or
 * contracted ("une" is not "de", though the Lefff gives "un" as a lemma of both).
 */
function wordKeys(form: string, lexicon: Lexicon): Set<string> {
  const lower = form.toLowerCase();
  const keys = new Set([lower, ...(CONTRACTED[lower] ?? [])]);
  const elided = ELIDED[lower];
  if (elided) keys.add(elided);
  for (const [full, short] of Object.entries(ELIDED)) if (short === lower) keys.add(full);
  for (const entry of lexicon.entries(lower))
    if (OPEN_CLASSES.has(entry.cat)) keys.add(entry.lemma.toLowerCase());
  return keys;
}

export function createExpressionMatcher(
  entries: readonly ExpressionEntry[],
  lexicon: Lexicon,
): ExpressionMatcher {
  const compiled: CompiledExpression[] = entries
    .map((entry) => ({
      entry,
      words: tokenize(entry.expression, (form) => lexicon.has(form)).map((t) => wordKeys(t.norm, lexicon)),
    }))
    // Longest first: "se livrer une bataille sans merci" before any shorter expression inside it.
    .sort((a, b) => b.words.length - a.words.length);

  const keysOf = new WeakMap<TaggedWord, Set<string>>();
  const tokenKeys = (word: TaggedWord): Set<string> => {
    let keys = keysOf.get(word);
    if (!keys) {
      keys = wordKeys(word.token.norm, lexicon);
      if (word.pos === "noun" || word.pos === "verb" || word.pos === "adjective" || word.pos === "adverb")
        keys.add(word.lemma.toLowerCase());
      for (const entry of readingsOf(word.token, lexicon, true))
        if (OPEN_CLASSES.has(entry.cat)) keys.add(entry.lemma.toLowerCase());
      keysOf.set(word, keys);
    }
    return keys;
  };
  const matches = (word: TaggedWord | undefined, keys: ReadonlySet<string> | undefined) => {
    if (!word || !keys || word.pos === "punctuation") return false;
    const own = tokenKeys(word);
    for (const key of keys) if (own.has(key)) return true;
    return false;
  };

  function fromList(words: readonly TaggedWord[], taken: boolean[]): ExpressionMatch[] {
    const out: ExpressionMatch[] = [];
    for (const { entry, words: pattern } of compiled) {
      for (let i = 0; i < words.length; i++) {
        if (taken[i] || !matches(words[i], pattern[0])) continue;
        let j = i + 1;
        let k = 1;
        let gap = 0;
        while (k < pattern.length && j < words.length) {
          if (matches(words[j], pattern[k])) {
            k++;
            j++;
          } else if (entry.head && gap < HEAD_WINDOW && words[j]?.pos !== "punctuation") {
            gap++;
            j++;
          } else break;
        }
        if (k < pattern.length) continue;
        const to = entry.head ? i + 1 : j;
        if (taken.slice(i, to).some(Boolean)) continue;
        for (let t = i; t < to; t++) taken[t] = true;
        out.push({
          from: i,
          to,
          lemma: entry.expression,
          pos: entry.pos,
          ...(entry.gender ? { gender: entry.gender } : {}),
          origin: "list",
        });
      }
    }
    return out;
  }

  function fromLefff(words: readonly TaggedWord[], sentence: string, taken: boolean[]): ExpressionMatch[] {
    const out: ExpressionMatch[] = [];
    for (let i = 0; i < words.length; i++) {
      if (taken[i]) continue;
      for (let length = Math.min(6, words.length - i); length >= 2; length--) {
        const last = words[i + length - 1];
        const first = words[i];
        if (!first || !last || taken.slice(i, i + length).some(Boolean)) continue;
        const text = sentence.slice(first.token.start, last.token.end).replace(/’/g, "'");
        const entry = [...lexicon.entries(text), ...lexicon.entries(text.toLowerCase())].find(
          (e) => LEFFF_MULTIWORD[e.cat],
        );
        const pos = entry ? LEFFF_MULTIWORD[entry.cat] : undefined;
        if (!entry || !pos) continue;
        for (let t = i; t < i + length; t++) taken[t] = true;
        out.push({ from: i, to: i + length, lemma: entry.lemma, pos, origin: "lefff" });
        break;
      }
    }
    return out;
  }

  /** "se multiplient" → "se multiplier", "s'adapte" → "s'adapter": a pronominal verb's dictionary form. */
  function pronominal(words: readonly TaggedWord[], taken: boolean[]): ExpressionMatch[] {
    const out: ExpressionMatch[] = [];
    words.forEach((word, i) => {
      const prev = words[i - 1];
      if (word.pos !== "verb" || !prev || taken[i] || taken[i - 1]) return;
      const clitic = prev.token.norm.toLowerCase();
      if (clitic !== "se" && clitic !== "s'") return;
      if (word.lemma === "être" || word.lemma === "avoir") return;
      const elide = /^[aeiouyéèêàâîôûh]/i.test(word.lemma);
      taken[i - 1] = taken[i] = true;
      out.push({
        from: i - 1,
        to: i + 1,
        lemma: `${elide ? "s'" : "se "}${word.lemma}`,
        pos: "verb",
        origin: "pronominal",
      });
    });
    return out;
  }

  return {
    match(words, sentence) {
      const taken = words.map(() => false);
      return [
        ...fromList(words, taken),
        ...fromLefff(words, sentence, taken),
        ...pronominal(words, taken),
      ].sort((a, b) => a.from - b.from);
    },
  };
}
