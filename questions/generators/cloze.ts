/**
 * Cloze: the original French sentence with one slot's words removed. Options
 * are values of the same type that fit the gap: same gender and number when
 * the key has them, and no "de OpenAI" where the sentence reads "de ____".
 */
import type { Fact } from "../fact-schema";
import { capitalize, fitsAfter, frenchText, inSentence } from "../french";
import { indexOfWord } from "../article";
import type { QuestionLanguage } from "../question-types";
import { candidatesFor, chooseDistractors } from "./distractors";
import { isProperNoun } from "./render";
import {
  DISTRACTOR_SETS,
  LANGUAGES,
  clampDifficulty,
  type GenerationContext,
  type QuestionDraft,
} from "./types";

export const BLANK = "____";

function stems(key: string): Record<QuestionLanguage, string> {
  const oneWord = !/[\s'’-]/.test(key.trim());
  return oneWord
    ? { en: "Which word completes the sentence?", fr: frenchText`Quel mot complète la phrase ?` }
    : { en: "Which words complete the sentence?", fr: frenchText`Quels mots complètent la phrase ?` };
}

export function clozeDrafts(context: GenerationContext, fact: Fact): QuestionDraft[] {
  const sentence = context.sentences.get(fact.sentenceId);
  if (!sentence) return [];
  const drafts: QuestionDraft[] = [];
  for (const slotName of fact.cloze) {
    const key = fact.slots[slotName];
    if (!key) continue;
    const at = indexOfWord(sentence.fr, key.fr);
    if (at < 0) continue;
    const before = sentence.fr.slice(0, at);
    const passage = `${before}${BLANK}${sentence.fr.slice(at + key.fr.length)}`;
    // An option reads as it would in the gap: capitalised only at the start of the sentence.
    const display = (text: string, type: string) =>
      at === 0 ? capitalize(text) : inSentence(text, isProperNoun(type));
    const candidates = candidatesFor({
      fact,
      slotName,
      pools: context.pools,
      agreement: true,
      fits: (candidate) => fitsAfter(before, key.fr, display(candidate.fr, candidate.type)),
    }).map((candidate) => ({ ...candidate, fr: display(candidate.fr, candidate.type) }));
    const stem = stems(key.fr);
    for (const language of LANGUAGES) {
      for (let set = 0; set < DISTRACTOR_SETS; set++) {
        const distractors = chooseDistractors(key.fr, candidates, "fr", set);
        if (distractors.length === 0) continue;
        drafts.push({
          kind: "cloze",
          topicId: fact.id,
          language,
          stem: stem[language],
          stemEn: stem.en,
          passage,
          options: [key.fr, ...distractors.map((d) => d.fr)],
          answer: 0,
          optionsLanguage: "fr",
          support: key.fr,
          evidenceSentenceId: fact.sentenceId,
          explanation: {
            en: `The missing words are “${key.fr}” (${key.en}): “${sentence.en}”`,
            fr: frenchText`Il manque « ${key.fr} » : « ${sentence.fr} »`,
          },
          difficulty: clampDifficulty(fact.difficulty + 1),
          meta: { factId: fact.id, slot: slotName, key, distractors },
        });
      }
    }
  }
  return drafts;
}
