/**
 * Comprehension questions: a question about one slot of a fact, asked in
 * English with English options, or in French with French options. Stems are
 * authored as paraphrases of the sentence, and a slot may carry a paraphrase
 * for its key, so that matching strings does not find the answer.
 */
import type { Fact } from "../fact-schema";
import { capitalize, frenchText, typesetFrench } from "../french";
import { normalizeForComparison } from "../normalize";
import { candidatesFor, chooseDistractors, optionText } from "./distractors";
import { itemDifficulty } from "./difficulty";
import { formOf } from "./forms";
import { LANGUAGES, type GenerationContext, type QuestionDraft } from "./types";

export function comprehensionDrafts(context: GenerationContext, fact: Fact): QuestionDraft[] {
  const sentence = context.sentences.get(fact.sentenceId);
  if (!sentence) return [];
  const drafts: QuestionDraft[] = [];
  for (const language of LANGUAGES) {
    for (const template of fact.questions) {
      const key = fact.slots[template.ask];
      if (!key || formOf(context.forms, fact, template.ask) !== "question") continue;
      const candidates = candidatesFor({ fact, slotName: template.ask, pools: context.pools });
      const text = (c: { fr: string; en: string; paraphrase?: { fr: string; en: string } }) =>
        optionText(c, language);
      const keyText = text(key);
      const distractors = chooseDistractors(keyText, candidates, text);
      if (distractors.length < 2) continue;
      const evidence = language === "fr" ? sentence.fr : sentence.en;
      const paraphrased = !normalizeForComparison(evidence).includes(normalizeForComparison(keyText));
      drafts.push({
        kind: language === "en" ? "comprehension-en" : "comprehension-fr",
        topicId: fact.id,
        language,
        stem: language === "fr" ? typesetFrench(template.fr) : template.en,
        stemEn: template.en,
        options: [keyText, ...distractors.map(text)].map((t) =>
          capitalize(language === "fr" ? typesetFrench(t) : t),
        ),
        answer: 0,
        optionsLanguage: language,
        support: key.fr,
        evidenceSentenceId: fact.sentenceId,
        // Says where the answer stands in the text and, for a paraphrased key, how the two match.
        explanation: {
          en: key.paraphrase
            ? `The article says “${key.en}”, that is, “${key.paraphrase.en}”: “${sentence.en}”`
            : `The article says “${key.en}”: “${sentence.en}”`,
          fr: key.paraphrase
            ? frenchText`L’article dit « ${key.fr} », autrement dit « ${typesetFrench(key.paraphrase.fr)} » : « ${sentence.fr} »`
            : frenchText`L’article dit « ${key.fr} » : « ${sentence.fr} »`,
        },
        difficulty: itemDifficulty({
          base: template.difficulty ?? fact.difficulty,
          frenchStem: language === "fr",
          paraphrasedKey: paraphrased,
          articleDistractors: distractors.filter((d) => d.source === "article").length,
          optionCount: distractors.length + 1,
        }),
        meta: { factId: fact.id, slot: template.ask, key, distractors },
      });
    }
  }
  return drafts;
}
