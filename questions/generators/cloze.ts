/**
 * Cloze: the original French sentence with one slot's words removed. Options
 * are values of the same fine category that fit the gap: same gender and
 * number when the key has them, no "de OpenAI" where the sentence reads
 * "de ____", no singular amount after "les". A name everyone knows (a
 * world-knowledge slot) is never blanked: recalling it tests nothing.
 */
import type { Fact } from "../fact-schema";
import { capitalize, fitsAfter, frenchText, inSentence } from "../french";
import { indexOfWord } from "../article";
import type { QuestionLanguage } from "../question-types";
import { candidatesFor, chooseDistractors } from "./distractors";
import { itemDifficulty } from "./difficulty";
import { formOf } from "./forms";
import { isProperNoun } from "./render";
import { normalizeForComparison } from "../normalize";
import {
  factItemSentences,
  itemSentences,
  LANGUAGES,
  previousSentence,
  type GenerationContext,
  type QuestionDraft,
} from "./types";

export const BLANK = "____";

/**
 * One neutral instruction: "which word" or "which words" would tell a
 * one-word key from two-word distractors.
 */
const STEM: Record<QuestionLanguage, string> = {
  en: "What fills the gap?",
  fr: frenchText`Que faut-il mettre à la place du blanc ?`,
};

/**
 * A sentence that opens by pointing back ("Il a comparé la situation à…",
 * "Pour ce travail, il faut…", "Son entreprise…", "Selon lui…"): alone, its
 * gap cannot be read for sense, only for grammar (tenth blind review). Not an
 * impersonal "il faut", "il y a".
 */
const POINTS_BACK =
  /^(?:(?:pour|selon|avec|sans|dans|chez|de|d’|par)\s*)?(?:il|elle|ils|elles|son|sa|ses|leur|leurs|lui|eux|ce|cet|cette|ces|cela)\b(?!\s+(?:faut|y\s+a|n’y))/i;

export function pointsBack(sentence: string): boolean {
  return POINTS_BACK.test(sentence.replace(/'/g, "’"));
}

/** Whether a text holds a word of the key's, or one of its family (the same first five letters). */
function echoes(text: string, key: string): boolean {
  const stems = (t: string) =>
    normalizeForComparison(t)
      .split(" ")
      .filter((w) => w.length >= 4)
      .map((w) => w.slice(0, 5));
  const own = new Set(stems(text));
  return stems(key).some((stem) => own.has(stem));
}

export function clozeDrafts(context: GenerationContext, fact: Fact): QuestionDraft[] {
  const sentence = context.sentences.get(fact.sentenceId);
  if (!sentence) return [];
  const drafts: QuestionDraft[] = [];
  for (const slotName of fact.cloze) {
    const key = fact.slots[slotName];
    if (!key || formOf(context.forms, fact, slotName) !== "cloze") continue;
    const at = indexOfWord(sentence.fr, key.fr);
    if (at < 0) continue;
    const before = sentence.fr.slice(0, at);
    const gapped = `${before}${BLANK}${sentence.fr.slice(at + key.fr.length)}`;
    // What the sentence points back to is shown before it, unless it echoes the key ("les humains
    // restent essentiels" before "plusieurs niveaux d’expertise humaine"): then it would give it away.
    const previous = pointsBack(sentence.fr) ? previousSentence(context, sentence.id) : undefined;
    const lead = previous && !echoes(previous.fr, key.fr) ? previous : undefined;
    const passage = lead ? `${lead.fr} ${gapped}` : gapped;
    // An option reads as it would in the gap: capitalised only at the start of the sentence, and with
    // the sentence's own apostrophe, so that the key is not the only option written the article's way.
    const apostrophe = sentence.fr.includes("’") ? "’" : "'";
    const display = (text: string, type: string) =>
      (at === 0 ? capitalize(text) : inSentence(text, isProperNoun(type))).replace(/['’]/g, apostrophe);
    const owner = `cloze/${fact.id}/${slotName}`;
    const candidates = candidatesFor({
      fact,
      slotName,
      pools: context.pools,
      agreement: true,
      usage: { by: context.usage, owner },
      fits: (candidate) => fitsAfter(before, key.fr, display(candidate.fr, candidate.type)),
    }).map((candidate) => ({ ...candidate, fr: display(candidate.fr, candidate.type) }));
    const distractors = chooseDistractors(key.fr, candidates, (c) => c.fr);
    if (distractors.length < 2) continue;
    context.usage.record(distractors, owner);
    const own = factItemSentences(fact, distractors);
    const sentences = lead
      ? itemSentences(own.on, { reveals: [...own.reveals, lead.id], answeredBy: own.answeredBy })
      : own;
    const oneWord = !/[\s'’-]/.test(key.fr.trim());
    for (const language of LANGUAGES) {
      drafts.push({
        kind: "cloze",
        topicId: fact.id,
        language,
        stem: STEM[language],
        stemEn: STEM.en,
        passage,
        options: [key.fr, ...distractors.map((d) => d.fr)],
        answer: 0,
        optionsLanguage: "fr",
        support: key.fr,
        target: key.fr,
        evidenceSentenceId: fact.sentenceId,
        sentences,
        explanation: {
          en: `The missing ${oneWord ? "word is" : "words are"} “${key.fr}” (${key.en}): “${sentence.en}”`,
          fr: frenchText`${oneWord ? "Le mot qui manque est" : "Les mots qui manquent sont"} « ${key.fr} » : « ${sentence.fr} »`,
        },
        difficulty: itemDifficulty({
          base: fact.difficulty,
          frenchStem: false,
          // Producing several words of the sentence is harder than recognising one.
          paraphrasedKey: !oneWord,
          articleDistractors: distractors.filter((d) => d.source === "article").length,
          optionCount: distractors.length + 1,
        }),
        meta: { factId: fact.id, slot: slotName, key, distractors },
      });
    }
  }
  return drafts;
}
