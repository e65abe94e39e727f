/**
 * Lemma, part of speech, gender and number for each word of a sentence. The
 * lexicon gives every reading of a form ("actions": noun, or the verb
 * "acter"); a few context rules pick one, left to right: after a determiner a
 * noun, after a subject pronoun a verb, a past participle after "avoir" is a
 * verb and after "être" an adjective, an infinitive after a preposition.
 * Small code of our own: the registry has no French tagger that is kept up
 * and fits in a browser.
 */
import type { PartOfSpeech } from "../schema";
import type { LexEntry, Lexicon } from "./lexicon";
import type { Token } from "./tokenize";

export type WordClass =
  | PartOfSpeech
  | "proper-noun"
  | "determiner"
  | "pronoun"
  | "interjection"
  | "number"
  | "punctuation"
  | "unknown";

export interface TaggedWord {
  token: Token;
  lemma: string;
  pos: WordClass;
  gender?: "m" | "f";
  number?: "sg" | "pl";
  /** The Lefff morphology of the chosen reading ("Kmp", "PS3p", "fs"). */
  tag: string;
  /** The form's frequency rank, and its lemma's (1 = most frequent). */
  formRank?: number;
  lemmaRank?: number;
  known: boolean;
}

const CLASS_OF: Readonly<Record<string, WordClass>> = {
  nc: "noun",
  np: "proper-noun",
  v: "verb",
  auxAvoir: "verb",
  auxEtre: "verb",
  adj: "adjective",
  adv: "adverb",
  advneg: "adverb",
  prep: "preposition",
  coo: "conjunction",
  csu: "conjunction",
  que: "conjunction",
  det: "determiner",
  pres: "interjection",
};

function classOf(cat: string): WordClass {
  return CLASS_OF[cat] ?? "pronoun";
}

/** Closed classes win over a rare open-class homograph ("la" the note, "est" the east). */
const PRIOR: Readonly<Record<string, number>> = {
  det: 5,
  // "de" is a preposition before it is the Lefff's determiner reading.
  prep: 5.2,
  coo: 5,
  csu: 5,
  que: 5,
  prel: 5,
  cln: 5,
  cla: 4.5,
  cld: 4.5,
  clr: 5,
  clneg: 5,
  advneg: 5,
  auxAvoir: 4.5,
  auxEtre: 4.5,
  nc: 3,
  v: 3,
  adj: 2.5,
  adv: 2,
  np: 1,
  pro: 3,
};

const DETERMINER_WORDS = new Set(
  "le la les l' un une des du au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs quelques plusieurs chaque certains certaines d'".split(
    " ",
  ),
);
const SUBJECT_OR_OBJECT_CLITICS = new Set(
  "je j' tu il elle on nous vous ils elles se s' me m' te t' ne n' lui leur y".split(" "),
);
const INFINITIVE_PREPOSITIONS = new Set("de d' pour à sans par afin avant après".split(" "));
/** "au", "aux", "du", "des": a preposition and an article in one word. */
const CONTRACTIONS: Readonly<Record<string, string>> = { au: "à", aux: "à" };

interface Context {
  prev?: TaggedWord;
  prevPrev?: TaggedWord;
  /** The nearest auxiliary of this clause, if any ("a" → avoir, "sont" → être). */
  auxiliary?: "avoir" | "être";
  nextEntries: LexEntry[];
  nextToken?: Token;
  afterDeterminer: boolean;
}

function isFinite(tag: string): boolean {
  return /^[PFIJCYST]/.test(tag);
}

function score(entry: LexEntry, context: Context, lexicon: Lexicon): number {
  const { prev, nextEntries, auxiliary, afterDeterminer } = context;
  let s = PRIOR[entry.cat] ?? 2;
  const cat = entry.cat;
  const isVerb = cat === "v" || cat === "auxAvoir" || cat === "auxEtre";
  const participle = entry.tag.startsWith("K");
  // "premiers grands gagnants": the word before a noun is its adjective; "de" (also a noun in the Lefff) is no noun here.
  const nextCanBeNoun =
    nextEntries.some((e) => e.cat === "nc") && !nextEntries.some((e) => (PRIOR[e.cat] ?? 0) >= 4.5);
  const prevNorm = prev?.token.norm.toLowerCase();

  if (afterDeterminer) {
    if (cat === "nc") s += 3;
    if (cat === "adj") s += nextCanBeNoun ? 4 : 1.5;
    if (isVerb && !participle) s -= 4;
    if (isVerb && participle) s -= 1;
  } else if (cat === "adj" && nextCanBeNoun) s += 1;
  if (prevNorm && SUBJECT_OR_OBJECT_CLITICS.has(prevNorm) && prev?.pos === "pronoun") {
    if (isVerb && isFinite(entry.tag)) s += 4;
    if (cat === "nc" || cat === "adj") s -= 3;
  }
  if (participle && isVerb && auxiliary === "avoir") s += 4;
  if (participle && cat === "adj" && auxiliary === "être") s += 3;
  if (entry.tag === "W" && prevNorm && INFINITIVE_PREPOSITIONS.has(prevNorm)) s += 4;
  if (entry.tag === "G" && isVerb) s += 2;
  if (prev?.pos === "number" && cat === "nc") s += 2;
  if (prev?.pos === "noun" && cat === "adj") s += 1.5;
  if (prev?.pos === "adjective" && cat === "nc" && !nextCanBeNoun) s += 1.5;
  // A bare noun right after "que" or a pronoun is rare: "que même avec…" is the adverb.
  if (cat === "nc" && !afterDeterminer && (prev?.pos === "conjunction" || prev?.pos === "pronoun")) s -= 2;
  if (prev?.pos === "adverb" && cat === "adj") s += 1.5;
  if (auxiliary && prev?.pos === "verb" && cat === "nc") s -= 2;
  // "Chaque famille dispose…": a noun is most often followed by its verb.
  if ((prev?.pos === "noun" || prev?.pos === "proper-noun") && isVerb && isFinite(entry.tag)) s += 1;
  // First and second persons are rare in the texts teachers bring: "actions" is not "(nous) actions".
  if (isVerb && /[12]/.test(entry.tag) && !/3/.test(entry.tag)) s -= 2;
  if (isVerb && entry.tag.startsWith("Y")) s -= 2;
  if (cat === "adv" && /ment$/.test(entry.lemma)) s += 1.5;
  // Between open-class readings, the commoner lemma is the likelier ("disposer" over "dispos").
  if (cat === "nc" || cat === "adj" || cat === "v" || cat === "adv")
    s -= 0.5 * Math.log10(lexicon.lemmaRank(entry.lemma) ?? 30_000);
  // An adjective with no noun, determiner or verb beside it is rarely one ("même avec…" is an adverb).
  if (
    cat === "adj" &&
    !afterDeterminer &&
    !nextCanBeNoun &&
    prev &&
    !["noun", "adverb", "verb", "determiner"].includes(prev.pos)
  )
    s -= 1.5;
  return s;
}

function genderOf(tag: string): "m" | "f" | undefined {
  return /m/.test(tag) ? "m" : /f/.test(tag) ? "f" : undefined;
}

function numberOf(tag: string): "sg" | "pl" | undefined {
  const morph = tag.replace(/^[A-Z]+[0-9]*/, "");
  return /p/.test(morph) ? "pl" : /s/.test(morph) ? "sg" : undefined;
}

/**
 * A participle read as an adjective takes its masculine singular as lemma
 * ("recherchés" → "recherché"), not the verb's infinitive.
 */
function participleLemma(form: string, entry: LexEntry, lexicon: Lexicon): string {
  const lower = form.toLowerCase();
  const candidates = [lower.replace(/es$/, ""), lower.replace(/e$/, ""), lower.replace(/s$/, ""), lower];
  for (const candidate of candidates) {
    if (lexicon.entries(candidate).some((e) => e.lemma === entry.lemma && e.tag === "Kms")) return candidate;
  }
  return lower;
}

/** A noun's gender when the form does not say ("postes" is only "p"): from its lemma's own entries, masculine on a tie. */
function nounGender(entry: LexEntry, lexicon: Lexicon): "m" | "f" | undefined {
  const own = genderOf(entry.tag);
  if (own) return own;
  const genders = lexicon
    .entries(entry.lemma)
    .filter((e) => e.cat === "nc")
    .map((e) => genderOf(e.tag));
  const f = genders.filter((g) => g === "f").length;
  const m = genders.filter((g) => g === "m").length;
  // Masculine is French's default gender (and the Lefff leaves a few nouns such as "poste" unmarked).
  return f > m ? "f" : "m";
}

export function readingsOf(token: Token, lexicon: Lexicon, sentenceStart: boolean): LexEntry[] {
  const exact = lexicon.entries(token.norm);
  const lower = token.norm.toLowerCase();
  if (lower === token.norm) return exact;
  const lowered = lexicon.entries(lower);
  if (sentenceStart) return [...lowered, ...exact.filter((e) => e.cat === "np" || lowered.length === 0)];
  return exact.length ? exact : lowered;
}

function nearestAuxiliary(words: readonly TaggedWord[]): "avoir" | "être" | undefined {
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i];
    if (!word) break;
    if (word.pos === "punctuation" && word.token.text !== ",") return undefined;
    if (word.pos === "verb" && (word.lemma === "avoir" || word.lemma === "être") && isFinite(word.tag))
      return word.lemma;
  }
  return undefined;
}

/**
 * Tags one sentence. `names` are the token indexes already read as proper
 * nouns (see entities.ts): they are not looked up as common words.
 */
export function tagSentence(
  tokens: readonly Token[],
  lexicon: Lexicon,
  names: ReadonlySet<number> = new Set(),
): TaggedWord[] {
  const out: TaggedWord[] = [];
  let sentenceStart = true;
  tokens.forEach((token, index) => {
    const base = { token, formRank: lexicon.formRank(token.norm) };
    if (token.kind === "punct" || token.kind === "symbol") {
      out.push({ ...base, lemma: token.norm, pos: "punctuation", tag: "", known: true });
      if (!/[«"“(—–-]/.test(token.text)) sentenceStart = false;
      return;
    }
    if (token.kind === "number") {
      out.push({ ...base, lemma: token.norm, pos: "number", tag: "", known: true });
      sentenceStart = false;
      return;
    }
    if (names.has(index)) {
      out.push({ ...base, lemma: token.norm, pos: "proper-noun", tag: "", known: true });
      sentenceStart = false;
      return;
    }
    const lower = token.norm.toLowerCase();
    const contraction = CONTRACTIONS[lower];
    const readings = contraction
      ? [{ cat: "prep", lemma: contraction, tag: "" }]
      : readingsOf(token, lexicon, sentenceStart);
    sentenceStart = false;
    if (readings.length === 0) {
      const clitic = token.clitic
        ? { lemma: lower.replace(/^-(t-)?/, ""), pos: "pronoun" as const }
        : undefined;
      out.push({
        ...base,
        lemma: clitic?.lemma ?? lower,
        pos: clitic?.pos ?? "unknown",
        tag: "",
        known: false,
      });
      return;
    }
    const prev = out.at(-1);
    const afterDeterminer = (() => {
      // Walk back over adjectives: "les premiers grands ___".
      for (let i = out.length - 1; i >= 0; i--) {
        const word = out[i];
        if (!word) return false;
        if (word.pos === "determiner" || DETERMINER_WORDS.has(word.token.norm.toLowerCase())) {
          return word.pos === "determiner" || word.pos === "preposition";
        }
        if (word.pos !== "adjective" && word.pos !== "number") return false;
      }
      return false;
    })();
    const next = tokens[index + 1];
    // "d'un investissement": a word that can itself be a determiner is not the noun after one.
    const determinerHere = readings.some((e) => e.cat === "det");
    const context: Context = {
      prev,
      prevPrev: out.at(-2),
      auxiliary: nearestAuxiliary(out),
      nextEntries: next ? readingsOf(next, lexicon, false) : [],
      nextToken: next,
      afterDeterminer: afterDeterminer && !determinerHere,
    };
    let best = readings[0] as LexEntry;
    let bestScore = -Infinity;
    for (const entry of readings) {
      const s = score(entry, context, lexicon);
      if (s > bestScore) {
        best = entry;
        bestScore = s;
      }
    }
    const pos = contraction ? "preposition" : classOf(best.cat);
    let lemma = contraction ?? best.lemma;
    // Clitics carry their category as lemma in the Lefff ("cla", "clr"): the form is the word.
    if (pos === "pronoun" && /^cl|^pro$|^prel$|^pri$/.test(best.cat)) lemma = lower;
    if (pos === "adjective" && best.tag.startsWith("K")) lemma = participleLemma(token.norm, best, lexicon);
    const gender = pos === "noun" ? nounGender(best, lexicon) : genderOf(best.tag);
    const number = numberOf(best.tag);
    out.push({
      ...base,
      lemma,
      pos,
      ...(gender ? { gender } : {}),
      ...(number ? { number } : {}),
      tag: best.tag,
      lemmaRank: lexicon.lemmaRank(lemma),
      known: true,
    });
  });
  return out;
}
