/**
 * Wrong options for a cloze on a glossed word: other French words of the
 * same part of speech and the same form (gender and number for nouns and
 * adjectives, tense and person for verbs), first from the text itself, then
 * from the lexicon among words of similar frequency, so that no option
 * stands out as rarer or commoner than the key. They become the draft's own
 * outsiders (`<slug>/outsiders.json`, type "word").
 */
import type { Outsider } from "../fact-schema";
import { normalizeForComparison } from "../normalize";
import type { PartOfSpeech } from "../schema";
import type { LexEntry, Lexicon } from "./lexicon";

export const WORD_SLOT_TYPE = "word";

const LEFFF_CATEGORY: Partial<Record<PartOfSpeech, string>> = {
  noun: "nc",
  verb: "v",
  adjective: "adj",
  adverb: "adv",
};

/**
 * The fine category a word's options share: "noun", "adjective", "adverb",
 * or "verb-<tense and person>" ("verb-kms" for "nommé", "verb-w" for
 * "recruter"). Gender and number are checked apart, as the cloze generator does.
 */
export function wordCategory(pos: PartOfSpeech, tag: string | undefined): string | undefined {
  if (pos === "verb") {
    const key = (tag ?? "").toLowerCase().replace(/[^a-z0-9]/g, "");
    return key ? `verb-${key}` : undefined;
  }
  return LEFFF_CATEGORY[pos] ? pos : undefined;
}

export interface WordKey {
  pos: PartOfSpeech;
  tag?: string;
  gender?: "m" | "f";
  number?: "sg" | "pl";
  /** The key's lemma frequency rank. */
  rank?: number;
  /** Whether the key is hyphenated or has an apostrophe: options take the same form. */
  compound: boolean;
}

function genderOf(tag: string): "m" | "f" | undefined {
  return /m/.test(tag) ? "m" : /f/.test(tag) ? "f" : undefined;
}

function numberOf(tag: string): "sg" | "pl" | undefined {
  const morph = tag.replace(/^[A-Z]+[0-9]*/, "");
  return /p/.test(morph) ? "pl" : /s/.test(morph) ? "sg" : undefined;
}

interface RankedForm {
  form: string;
  /** Normalised for comparison, computed once. */
  key: string;
  compound: boolean;
  entries: LexEntry[];
}

// The ranked forms' readings, unpacked once per lexicon: every cloze of a draft scans them.
const rankedCache = new WeakMap<Lexicon, RankedForm[]>();

function rankedForms(lexicon: Lexicon): RankedForm[] {
  let cached = rankedCache.get(lexicon);
  if (!cached) {
    cached = lexicon.rankedForms.map((form) => ({
      form,
      key: normalizeForComparison(form),
      compound: /[-'’\s]/.test(form),
      entries: lexicon.entries(form),
    }));
    rankedCache.set(lexicon, cached);
  }
  return cached;
}

/** Below this rank words are A1 (and often grammar words): too easy to be wrong options. */
const MIN_RANK = 400;

/**
 * Up to `count` lexicon forms shaped like the key, closest in frequency
 * first, none of them in `exclude` (the text's own words, normalised).
 */
export function lexiconOptions(
  lexicon: Lexicon,
  key: WordKey,
  exclude: ReadonlySet<string>,
  count = 6,
): Outsider[] {
  const cat = LEFFF_CATEGORY[key.pos];
  const category = wordCategory(key.pos, key.tag);
  if (!cat || !category) return [];
  const rank = key.rank ?? 5_000;
  const from = Math.max(MIN_RANK, Math.floor(rank / 4));
  const to = Math.min(lexicon.rankedForms.length, Math.max(from + 2_000, rank * 4));
  const found: { outsider: Outsider; distance: number }[] = [];
  const seenLemmas = new Set<string>();
  const ranked = rankedForms(lexicon);
  for (let i = from; i < to; i++) {
    const ranked_ = ranked[i];
    if (!ranked_) continue;
    const { form, entries } = ranked_;
    // Options look alike: no "talkie-walkie" among single words.
    if (form.length < 3 || ranked_.compound !== key.compound || exclude.has(ranked_.key)) continue;
    // A form that is also another part of speech ("porte": door or carries) would make a muddled option.
    const entry = entries.find((e) => {
      if (e.cat !== cat) return false;
      if (key.pos === "verb") return e.tag === key.tag;
      if (key.gender && genderOf(e.tag) !== key.gender) return false;
      if (key.number && numberOf(e.tag) !== key.number) return false;
      return true;
    });
    if (!entry || seenLemmas.has(entry.lemma) || exclude.has(normalizeForComparison(entry.lemma))) continue;
    // Numerals ("mille", "douzaine" aside) are determiners in the Lefff: no option for a noun.
    if (entries.some((e) => e.cat === "det" || e.cat === "pro")) continue;
    if (lexicon.isBlocked(form) || lexicon.isBlocked(entry.lemma)) continue;
    // One reading only ("dégoûtante" is also an adjective, "vouloir" a verb): a participle may be its adjective.
    const sameWord = (e: { cat: string; lemma: string }) => e.cat === cat || (cat === "v" && e.cat === "adj");
    if (!entries.every(sameWord)) continue;
    seenLemmas.add(entry.lemma);
    found.push({
      outsider: {
        fr: form,
        en: entry.lemma,
        category,
        ...(key.gender ? { gender: key.gender } : {}),
        ...(key.number ? { number: key.number } : {}),
      },
      distance: Math.abs(Math.log((i + 1) / rank)),
    });
  }
  return found
    .sort((a, b) => a.distance - b.distance)
    .slice(0, count)
    .map((f) => f.outsider);
}
