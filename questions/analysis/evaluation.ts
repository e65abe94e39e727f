/**
 * How an analysis compares with a hand-made glossary: what the pipeline says
 * of each glossed term (lemma, part of speech, gender) and which terms its
 * ranked suggestions contain. Used by the tests and `scripts/evaluate-lexicons.ts`.
 */
import { indexOfWord } from "../article";
import type { Term, Vocabulary } from "../schema";
import { allAnalysedSentences, type TextAnalysis } from "./analyse";
import { lemmaKey } from "./glossary";

export interface TermReading {
  termId: string;
  lemma?: string;
  pos?: string;
  gender?: "m" | "f";
  lemmaRight: boolean;
  posRight: boolean;
  /** Undefined for terms that are not nouns. */
  genderRight?: boolean;
}

export interface TermAnalysisResult {
  lemma: number;
  pos: number;
  gender: number;
  nouns: number;
  readings: TermReading[];
}

/** What the pipeline made of a term's first form in its first sentence. */
export function readTerm(analysis: TextAnalysis, term: Term): TermReading {
  const sentence = allAnalysedSentences(analysis).find((s) => s.id === term.sentenceIds[0]);
  const surface = term.surfaces.find((s) => sentence && indexOfWord(sentence.fr, s) >= 0);
  let reading: Pick<TermReading, "lemma" | "pos" | "gender"> = {};
  if (sentence && surface) {
    const start = indexOfWord(sentence.fr, surface);
    const end = start + surface.length;
    // An expression that starts with the term's form or spans it wins over the word alone.
    const expression = sentence.expressions.find((e) => {
      const first = sentence.words[e.from]?.token;
      const last = sentence.words[e.to - 1]?.token;
      return (
        first && last && first.start <= start && last.end >= end && (e.to - e.from > 1 || e.origin === "list")
      );
    });
    if (expression) {
      const head = sentence.words.slice(expression.from, expression.to).find((w) => w.pos === "noun");
      reading = {
        lemma: expression.lemma,
        pos: expression.pos,
        ...((expression.gender ?? head?.gender) ? { gender: expression.gender ?? head?.gender } : {}),
      };
    } else {
      const word = sentence.words.find((w) => w.token.start === start);
      if (word)
        reading = { lemma: word.lemma, pos: word.pos, ...(word.gender ? { gender: word.gender } : {}) };
    }
  }
  return {
    termId: term.id,
    ...reading,
    lemmaRight: reading.lemma === term.lemma,
    posRight: reading.pos === term.pos,
    ...(term.pos === "noun" ? { genderRight: reading.gender === term.gender } : {}),
  };
}

export function termAnalysis(analysis: TextAnalysis, vocabulary: Vocabulary): TermAnalysisResult {
  const readings = vocabulary.map((term) => readTerm(analysis, term));
  return {
    lemma: readings.filter((r) => r.lemmaRight).length,
    pos: readings.filter((r) => r.posRight).length,
    gender: readings.filter((r) => r.genderRight === true).length,
    nouns: readings.filter((r) => r.genderRight !== undefined).length,
    readings,
  };
}

/** The hand-glossed terms whose lemma the ranked suggestions contain, and those they miss. */
export function suggestionRecall(
  analysis: TextAnalysis,
  vocabulary: Vocabulary,
): { found: string[]; missed: string[] } {
  const suggested = new Set(analysis.suggestions.map((s) => lemmaKey(s.lemma)));
  const found: string[] = [];
  const missed: string[] = [];
  for (const term of vocabulary) (suggested.has(lemmaKey(term.lemma)) ? found : missed).push(term.id);
  return { found, missed };
}
