/**
 * Lemmas for a learner's word counts, from the lexicon and the tagger: each
 * word form of a text gets the lemma the tagger chose for it in context
 * ("sont" → "être", "postes" → "poste", "compétences" → "compétence"),
 * the most frequent one when a form is read two ways in one text. Forms the
 * text does not contain fall back to the lexicon's likeliest reading, then to
 * the form itself. Pure: the lexicon is passed in, so this runs in Node and a
 * browser alike.
 */
import { lowerForm as lower } from "../words/coverage";
import type { Lexicon } from "./lexicon";
import { tagSentence } from "./tagger";
import { tokenize } from "./tokenize";

/** Word classes whose lemma is not a dictionary word a learner saves. */
const NOT_WORDS = new Set(["punctuation", "number", "proper-noun"]);

/** lower-cased form → lemma, as the tagger read each form in `sentences` (majority reading per form). */
export function contextLemmas(sentences: readonly string[], lexicon: Lexicon): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const sentence of sentences) {
    const words = tagSentence(
      tokenize(sentence, (form) => lexicon.has(form)),
      lexicon,
    );
    for (const word of words) {
      if (NOT_WORDS.has(word.pos) || word.token.kind !== "word") continue;
      const form = lower(word.token.norm);
      const lemma = lower(word.lemma);
      const tally = votes.get(form) ?? new Map<string, number>();
      tally.set(lemma, (tally.get(lemma) ?? 0) + 1);
      votes.set(form, tally);
    }
  }
  const lemmas = new Map<string, string>();
  for (const [form, tally] of votes) {
    const [best] = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "fr"));
    if (best) lemmas.set(form, best[0]);
  }
  return lemmas;
}

/**
 * A `(token) => lemma` for coverage (`questions/words/coverage.ts`): the
 * text's own readings first, then the lexicon's commonest lemma for the
 * form, or `undefined` when the lexicon does not know it (the caller falls
 * back to lower case).
 */
export function lexiconLemmatizer(
  sentences: readonly string[],
  lexicon: Lexicon,
): (token: string) => string | undefined {
  const inText = contextLemmas(sentences, lexicon);
  return (token) => {
    const form = lower(token);
    const seen = inText.get(form);
    if (seen) return seen;
    const readings = lexicon
      .entries(form)
      .filter((entry) => !entry.cat.startsWith("cl") && entry.cat !== "np");
    if (readings.length === 0) return undefined;
    const ranked = readings
      .map((entry) => ({ lemma: lower(entry.lemma), rank: lexicon.lemmaRank(entry.lemma) ?? Infinity }))
      .sort((a, b) => a.rank - b.rank);
    return ranked[0]?.lemma;
  };
}
