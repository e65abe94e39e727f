/**
 * Which words to gloss: every noun, verb, adjective, adverb and expression of
 * the text, ranked. A term climbs when it is rare (its lemma's frequency
 * rank), when it is an expression, when it is a false friend or misleading
 * for English speakers, and when Glose already glossed it in another article;
 * it falls when it is a transparent cognate of a word in its English
 * sentence ("offensive", "frustration"), which a learner reads without help.
 * Each suggestion carries its lemma, part of speech and gender, and a gloss
 * when the glossary or the tricky-word list has one.
 */
import { countWords } from "../article";
import { normalizeForComparison } from "../normalize";
import type { CefrLevel, PartOfSpeech } from "../schema";
import type { AnalysedSentence } from "./analyse";
import { lemmaKey, trickyWordIndex, type Glossary, type TrickyWord } from "./glossary";
import { levelOfRank } from "./level";
import type { Lexicon } from "./lexicon";

export type SuggestionReason = "rare" | "expression" | "tricky" | "glossary" | "cognate";

export interface Suggestion {
  /** kebab-case, unique in the text: the vocabulary entry's id. */
  id: string;
  lemma: string;
  pos: PartOfSpeech;
  gender?: "m" | "f";
  /** Number of the first occurrence, for agreement in a cloze. */
  number?: "sg" | "pl";
  /** Every form as it stands in the text, first occurrence first. */
  surfaces: string[];
  sentenceIds: string[];
  /** The lemma's frequency rank (1 = most frequent); absent when unknown. */
  rank?: number;
  level: CefrLevel;
  score: number;
  reasons: SuggestionReason[];
  gloss?: string;
  glossSource?: "glossary" | "tricky-words";
  /** Ready wrong glosses: the glossary's, or the false friend's trap. */
  wrongGlosses?: string[];
  /** The Lefff morphology of the first occurrence ("Kmp", "PS3p"), to find forms of the same shape. */
  tag?: string;
}

export interface SuggestionResources {
  lexicon: Lexicon;
  glossary: Glossary;
  trickyWords: readonly TrickyWord[];
}

/** Words every learner knows by B1 and never needs glossed, whatever their rank. */
const NEVER = new Set([
  "être",
  "avoir",
  "faire",
  "aller",
  "pouvoir",
  "vouloir",
  "devoir",
  "dire",
  "voir",
  "venir",
  "plus",
  "très",
  "aussi",
  "bien",
  "pas",
  "ne",
  "non",
  "oui",
]);
const GRAMMAR = new Set(["det", "pro", "prep", "csu", "coo", "prel", "pri", "cln", "cla", "cld", "clr"]);
/** Below this rank a word is A1–A2 and suggested only when it is tricky or an expression. */
const EASY_RANK = 600;
/**
 * A text gets at most one suggestion per five words (never fewer than 12):
 * teachers of B1–B2 classes gloss about one word in seven (64 of the seed's
 * 420), and the list is theirs to trim.
 */
const SHARE_OF_WORDS = 1 / 5;
const MIN_SUGGESTIONS = 12;

function slug(text: string): string {
  return normalizeForComparison(text).replace(/\s+/g, "-") || "terme";
}

/** Rarity from 0 (among the 600 most frequent lemmas) to 3 (beyond 25,000 or unknown). */
function rarity(rank: number | undefined): number {
  const r = rank ?? 30_000;
  return Math.max(
    0,
    Math.min(3, ((Math.log10(r) - Math.log10(EASY_RANK)) / (Math.log10(25_000) - Math.log10(EASY_RANK))) * 3),
  );
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/**
 * Whether the French word is spelled almost like a word of its English
 * sentence ("artificielle" / "artificial", "automatisation" / "automation"):
 * fewer than 30 % of its letters differ.
 */
function isCognate(lemma: string, surface: string, english: string | undefined): boolean {
  if (!english) return false;
  const fold = (s: string) => normalizeForComparison(s).replace(/\s+/g, "");
  const targets = [fold(lemma), fold(surface)].filter((t) => t.length >= 5);
  const words = normalizeForComparison(english)
    .split(" ")
    .filter((w) => w.length >= 4);
  return targets.some((t) =>
    words.some(
      (w) => Math.abs(w.length - t.length) <= 4 && editDistance(t, w) / Math.max(t.length, w.length) < 0.3,
    ),
  );
}

interface Occurrence {
  lemma: string;
  pos: PartOfSpeech;
  gender?: "m" | "f";
  number?: "sg" | "pl";
  surface: string;
  sentence: AnalysedSentence;
  rank?: number;
  expression: boolean;
  tag?: string;
}

function occurrences(sentences: readonly AnalysedSentence[], lexicon: Lexicon): Occurrence[] {
  const out: Occurrence[] = [];
  for (const sentence of sentences) {
    const inExpression = new Set<number>();
    for (const match of sentence.expressions) {
      const first = sentence.words[match.from];
      const last = sentence.words[match.to - 1];
      if (!first || !last) continue;
      for (let i = match.from; i < match.to; i++) inExpression.add(i);
      const head =
        match.pos === "noun"
          ? sentence.words.slice(match.from, match.to).find((w) => w.pos === "noun")
          : undefined;
      out.push({
        lemma: match.lemma,
        pos: match.pos,
        ...(match.gender ? { gender: match.gender } : head?.gender ? { gender: head.gender } : {}),
        ...(head?.number ? { number: head.number } : first.number ? { number: first.number } : {}),
        surface: sentence.fr.slice(first.token.start, last.token.end),
        sentence,
        rank:
          Math.max(...sentence.words.slice(match.from, match.to).map((w) => w.lemmaRank ?? 0), 0) ||
          undefined,
        expression: match.origin === "list" || match.pos === "conjunction" || match.pos === "adverb",
        ...(match.to - match.from === 1 ? { tag: first.tag } : {}),
      });
    }
    sentence.words.forEach((word, i) => {
      if (inExpression.has(i)) return;
      if (word.pos !== "noun" && word.pos !== "verb" && word.pos !== "adjective" && word.pos !== "adverb")
        return;
      if (!word.known || NEVER.has(word.lemma)) return;
      // Numerals ("trente") and other grammar words are determiners or pronouns in the Lefff.
      if (lexicon.entries(word.token.norm.toLowerCase()).some((e) => GRAMMAR.has(e.cat))) return;
      out.push({
        lemma: word.lemma,
        pos: word.pos,
        ...(word.gender && word.pos === "noun" ? { gender: word.gender } : {}),
        ...(word.number ? { number: word.number } : {}),
        surface: word.token.text,
        sentence,
        rank: word.lemmaRank ?? lexicon.lemmaRank(word.lemma),
        expression: false,
        tag: word.tag,
      });
    });
  }
  return out;
}

export function suggestTerms(
  sentences: readonly AnalysedSentence[],
  resources: SuggestionResources,
): Suggestion[] {
  const tricky = trickyWordIndex(resources.trickyWords);
  const byKey = new Map<string, Suggestion>();
  for (const occurrence of occurrences(sentences, resources.lexicon)) {
    const key = `${lemmaKey(occurrence.lemma)}/${occurrence.pos}`;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.surfaces.includes(occurrence.surface)) existing.surfaces.push(occurrence.surface);
      if (!existing.sentenceIds.includes(occurrence.sentence.id))
        existing.sentenceIds.push(occurrence.sentence.id);
      continue;
    }
    const glossed = resources.glossary.get(lemmaKey(occurrence.lemma));
    const trap = tricky.get(lemmaKey(occurrence.lemma));
    const reasons: Suggestion["reasons"] = [];
    let score = rarity(occurrence.rank);
    if (score >= 1) reasons.push("rare");
    if (occurrence.expression) {
      score += 2.5;
      reasons.push("expression");
    }
    if (trap) {
      score += 2.5;
      reasons.push("tricky");
    }
    if (glossed) {
      score += 1.5;
      reasons.push("glossary");
    }
    if (
      !trap &&
      !occurrence.expression &&
      isCognate(occurrence.lemma, occurrence.surface, occurrence.sentence.en)
    ) {
      score -= 2.5;
      reasons.push("cognate");
    }
    if (score <= 0.3) continue;
    const gloss = glossed?.gloss ?? trap?.gloss;
    const wrong = glossed ? [...glossed.wrongGlosses] : trap ? [trap.trap] : undefined;
    const suggestion: Suggestion = {
      id: slug(occurrence.lemma),
      lemma: glossed?.lemma ?? occurrence.lemma,
      pos: occurrence.pos,
      ...(occurrence.pos === "noun" && (occurrence.gender ?? glossed?.gender ?? trap?.gender)
        ? { gender: occurrence.gender ?? glossed?.gender ?? trap?.gender }
        : {}),
      ...(occurrence.number ? { number: occurrence.number } : {}),
      surfaces: [occurrence.surface],
      sentenceIds: [occurrence.sentence.id],
      ...(occurrence.rank !== undefined ? { rank: occurrence.rank } : {}),
      level: glossed?.level ?? levelOfRank(occurrence.rank),
      score: Number(score.toFixed(2)),
      reasons,
      ...(gloss ? { gloss, glossSource: glossed ? ("glossary" as const) : ("tricky-words" as const) } : {}),
      ...(wrong ? { wrongGlosses: wrong } : {}),
      ...(occurrence.tag ? { tag: occurrence.tag } : {}),
    };
    byKey.set(key, suggestion);
  }
  const ranked = [...byKey.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const words = sentences.reduce((n, s) => n + countWords(s.fr), 0);
  const limit = Math.max(MIN_SUGGESTIONS, Math.round(words * SHARE_OF_WORDS));
  const chosen = ranked.slice(0, limit);
  // Ids are unique in the text: "recherche" the noun and "recherché" the adjective both fold to one slug.
  const ids = new Set<string>();
  for (const suggestion of chosen) {
    let id = suggestion.id;
    for (let k = 2; ids.has(id); k++) id = `${suggestion.id}-${k}`;
    suggestion.id = id;
    ids.add(id);
  }
  return chosen;
}
