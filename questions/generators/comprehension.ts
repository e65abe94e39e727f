/**
 * Comprehension questions: a question about one slot of a fact, asked in
 * English with English options, or in French with French options.
 */
import type { Fact } from "../fact-schema";
import { capitalize, frenchText, typesetFrench } from "../french";
import { candidatesFor, chooseDistractors } from "./distractors";
import {
  clampDifficulty,
  DISTRACTOR_SETS,
  LANGUAGES,
  type GenerationContext,
  type QuestionDraft,
} from "./types";

export function comprehensionDrafts(context: GenerationContext, fact: Fact): QuestionDraft[] {
  const sentence = context.sentences.get(fact.sentenceId);
  if (!sentence) return [];
  const drafts: QuestionDraft[] = [];
  for (const language of LANGUAGES) {
    for (const template of fact.questions) {
      const key = fact.slots[template.ask];
      if (!key) continue;
      const candidates = candidatesFor({ fact, slotName: template.ask, pools: context.pools });
      const base = template.difficulty ?? fact.difficulty;
      for (let set = 0; set < DISTRACTOR_SETS; set++) {
        const distractors = chooseDistractors(key[language], candidates, language, set);
        if (distractors.length === 0) continue;
        drafts.push({
          kind: language === "en" ? "comprehension-en" : "comprehension-fr",
          topicId: fact.id,
          language,
          stem: language === "fr" ? typesetFrench(template.fr) : template.en,
          stemEn: template.en,
          options: [key, ...distractors].map((value) => capitalize(value[language])),
          answer: 0,
          optionsLanguage: language,
          support: key.fr,
          evidenceSentenceId: fact.sentenceId,
          explanation: {
            en: `The answer is “${key.en}”. The article says: “${sentence.en}”`,
            fr: frenchText`La réponse est « ${key.fr} ». L'article dit : « ${sentence.fr} »`,
          },
          // Reading the question in French is the harder exercise.
          difficulty: clampDifficulty(language === "en" ? base - 1 : base),
          meta: { factId: fact.id, slot: template.ask, key, distractors },
        });
      }
    }
  }
  return drafts;
}
