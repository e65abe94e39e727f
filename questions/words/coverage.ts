/**
 * Lexical coverage: the share of a text's running words the learner knows.
 * Laufer & Ravenhorst-Kalovski (2010) put minimal comprehension at about
 * 95 % known words and comfortable, independent reading at 98 %.
 *
 * Words are counted by lemma through an injectable `Lemmatizer`, so a full
 * lexicon (the analysis pipeline's) can replace the default, which knows
 * only lower case, French elisions and the article glossary's forms.
 */
import type { Vocabulary } from "../schema";

/** token → lemma. Must be pure: the same token always gives the same lemma. */
export type Lemmatizer = (token: string) => string;

/**
 * Word tokens: letters, with inner hyphens ("multi-millions"); elisions are
 * split off ("l'", "IA"), except in "aujourd'hui", one word.
 */
const TOKEN = /aujourd['’]hui|\p{L}+(?:-\p{L}+)*(?:['’](?=\p{L}))?/giu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The elided forms of French: each is its full word ("l'" is "le" or "la": counted as "le"). */
const ELISIONS: Record<string, string> = {
  "l'": "le",
  "d'": "de",
  "j'": "je",
  "m'": "me",
  "t'": "te",
  "s'": "se",
  "n'": "ne",
  "c'": "ce",
  "qu'": "que",
  "jusqu'": "jusque",
  "lorsqu'": "lorsque",
  "puisqu'": "puisque",
  "quoiqu'": "quoique",
};

/** A word as coverage keys it: NFC, straight apostrophe, French lower case. */
export function lowerForm(token: string): string {
  return token.normalize("NFC").replace(/’/g, "'").toLocaleLowerCase("fr");
}

/** Lower case and elisions only: what is left when no lexicon is plugged in. */
export const lowerCaseLemmatizer: Lemmatizer = (token) => {
  const form = lowerForm(token);
  return ELISIONS[form] ?? form;
};

/**
 * The default for an article: its glossary's one-word forms map to their
 * lemma ("rémunérations" → "rémunération"), then `fallback` (a lexicon, or lower case).
 */
export function glossaryLemmatizer(
  vocabulary: Vocabulary,
  fallback: Lemmatizer = lowerCaseLemmatizer,
): Lemmatizer {
  const forms = new Map<string, string>();
  for (const term of vocabulary)
    for (const surface of term.surfaces) {
      const tokens = tokenize(surface);
      if (tokens.length === 1 && tokens[0] === surface) forms.set(lowerForm(surface), lowerForm(term.lemma));
    }
  return (token) => forms.get(lowerForm(token)) ?? fallback(token);
}

/**
 * A text's word list as the browser gets it: how often each lemma occurs,
 * and which lemma each form belongs to (so a word selected in the reader is
 * saved under its lemma without a lexicon in the browser).
 */
export interface LemmaProfile {
  /** lemma → running words. */
  lemmas: Record<string, number>;
  /** lower-cased form → lemma, where they differ. */
  forms: Record<string, string>;
}

export function lemmaProfile(texts: readonly string[], lemmatize: Lemmatizer): LemmaProfile {
  const lemmas: Record<string, number> = {};
  const forms: Record<string, string> = {};
  for (const text of texts)
    for (const token of tokenize(text)) {
      const lemma = lemmatize(token);
      lemmas[lemma] = (lemmas[lemma] ?? 0) + 1;
      const form = lowerForm(token);
      if (form !== lemma) forms[form] = lemma;
    }
  return { lemmas, forms };
}

/** The lemma of a form in a profiled text; the form itself lower-cased when the profile does not know it. */
export function lemmaOf(profile: LemmaProfile, form: string): string {
  const lower = lowerForm(form.trim());
  return profile.forms[lower] ?? ELISIONS[lower] ?? lower;
}

export const COMFORT_BAND = { minimal: 0.95, comfortable: 0.98 } as const;
/** Below 95 %: hard going without help; 95–98 %: readable with some help; from 98 %: comfortable. */
export type CoverageBand = "hard" | "supported" | "comfortable";

export interface Coverage {
  /** Running words whose lemma is known. */
  known: number;
  /** Running words counted: all but ignored lemmas. */
  total: number;
  /** known / total, 0–1 (0 for an empty text). */
  ratio: number;
  band: CoverageBand;
}

export function bandOf(ratio: number): CoverageBand {
  if (ratio >= COMFORT_BAND.comfortable) return "comfortable";
  if (ratio >= COMFORT_BAND.minimal) return "supported";
  return "hard";
}

/** How much of a profiled text the learner knows, from the lemma keys of their known and ignored words. */
export function coverage(
  profile: LemmaProfile,
  known: ReadonlySet<string>,
  ignored: ReadonlySet<string> = new Set(),
): Coverage {
  let total = 0;
  let knownCount = 0;
  for (const [lemma, count] of Object.entries(profile.lemmas)) {
    if (ignored.has(lemma)) continue;
    total += count;
    if (known.has(lemma)) knownCount += count;
  }
  const ratio = total === 0 ? 0 : knownCount / total;
  return { known: knownCount, total, ratio, band: bandOf(ratio) };
}

/** The lemmas of a text that the learner has not saved at all: what "mark all the rest as known" marks. */
export function unsavedLemmas(profile: LemmaProfile, saved: ReadonlySet<string>): string[] {
  return Object.keys(profile.lemmas)
    .filter((lemma) => !saved.has(lemma))
    .sort();
}
