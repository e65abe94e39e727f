/**
 * What any words of a sentence are: the studio's look-up when a teacher
 * selects words to gloss, or the words that answer a question. One word
 * gets its reading in context (lemma, part of speech, gender, level); a
 * fixed expression its dictionary form; any other run of words is glossed
 * as the phrase it is, with the gender of its head noun. Names and numbers
 * found by the pipeline say what they are; a number also how it reads in
 * English and, when Glose can read it, its value.
 */
import { analyseOneSentence, type AnalysisResources } from "./analyse";
import type { NameKind, QuantitySpan } from "./entities";
import { lemmaKey, trickyWordIndex } from "./glossary";
import { levelOfRank } from "./level";
import { DEFAULT_TRICKY_WORDS } from "./analyse";
import type { TaggedWord } from "./tagger";
import { PARTS_OF_SPEECH } from "../schema-values";
import type { CefrLevel, PartOfSpeech } from "../schema";
import type { Quantity } from "../fact-schema";

export interface WordLookup {
  /** The selected words exactly as they stand, without surrounding spaces. */
  surface: string;
  lemma: string;
  pos: PartOfSpeech;
  gender?: "m" | "f";
  level: CefrLevel;
  gloss?: string;
  wrongGlosses?: string[];
  name?: NameKind;
  quantity?: { type: QuantitySpan["type"]; en: string; value?: Quantity };
}

const CONTENT: ReadonlySet<string> = new Set(["noun", "verb", "adjective", "adverb"]);

const PARTS: ReadonlySet<string> = new Set(PARTS_OF_SPEECH);

function asPartOfSpeech(word: TaggedWord): PartOfSpeech {
  if (word.pos === "proper-noun") return "noun";
  // Determiners, pronouns, numbers and the like are glossed as expressions.
  return PARTS.has(word.pos) ? (word.pos as PartOfSpeech) : "expression";
}

/** Looks up the characters `start`–`end` of `sentence` (widened to whole words). */
export function lookupWords(
  sentence: string,
  start: number,
  end: number,
  resources: AnalysisResources,
): WordLookup {
  const analysed = analyseOneSentence(sentence, resources);
  const inSpan = (from: number, to: number) => from < end && to > start;
  const words = analysed.words.filter((w) => inSpan(w.token.start, w.token.end));
  const from = Math.min(start, ...words.map((w) => w.token.start));
  const to = Math.max(end, ...words.map((w) => w.token.end));
  const surface = sentence.slice(from, to).trim();

  const indexes = analysed.words.flatMap((w, i) => (inSpan(w.token.start, w.token.end) ? [i] : []));
  const first = indexes[0] ?? 0;
  const last = (indexes.at(-1) ?? 0) + 1;
  const expression = analysed.expressions.find((e) => e.from === first && e.to === last);
  const content = words.filter((w) => CONTENT.has(w.pos));
  const head = content.find((w) => w.pos === "noun") ?? content[0] ?? words[0];

  let lemma: string;
  let pos: PartOfSpeech;
  let gender: "m" | "f" | undefined;
  if (expression) {
    ({ lemma, pos } = expression);
    gender = expression.gender;
  } else if (words.length === 1 && head) {
    lemma = head.lemma;
    pos = asPartOfSpeech(head);
    gender = head.gender;
  } else {
    // A phrase glossed whole ("machine à coudre"): a noun phrase if a noun leads it.
    lemma =
      /^\p{Lu}\p{Ll}/u.test(surface) && head?.pos !== "proper-noun"
        ? surface[0]!.toLowerCase() + surface.slice(1)
        : surface;
    pos =
      words[0]?.pos === "noun" || (words[0]?.pos === "determiner" && head?.pos === "noun")
        ? "noun"
        : "expression";
    gender = pos === "noun" ? head?.gender : undefined;
  }
  const rank = Math.max(...(content.length ? content : words).map((w) => w.lemmaRank ?? Infinity));
  const glossed = resources.glossary?.get(lemmaKey(lemma));
  const tricky = trickyWordIndex(resources.trickyWords ?? DEFAULT_TRICKY_WORDS).get(lemmaKey(lemma));

  const name = analysed.names.find((n) =>
    inSpan(analysed.tokens[n.from]?.start ?? -1, analysed.tokens[n.to - 1]?.end ?? -1),
  );
  const quantity = analysed.quantities.find((q) => q.text.trim() === surface);
  return {
    surface,
    lemma: glossed?.lemma ?? lemma,
    pos,
    ...(pos === "noun" ? { gender: gender ?? glossed?.gender ?? tricky?.gender ?? "m" } : {}),
    level: glossed?.level ?? levelOfRank(Number.isFinite(rank) ? rank : undefined),
    ...(glossed ? { gloss: glossed.gloss, wrongGlosses: [...glossed.wrongGlosses] } : {}),
    ...(!glossed && tricky ? { gloss: tricky.gloss, wrongGlosses: [tricky.trap] } : {}),
    ...(name && name.text.trim() === surface ? { name: name.kind } : {}),
    ...(quantity
      ? {
          quantity: {
            type: quantity.type,
            en: quantity.en,
            ...(quantity.quantity ? { value: quantity.quantity } : {}),
          },
        }
      : {}),
  };
}
