/**
 * Vrai ou faux: the fact restated in French, either as it is or with one slot
 * swapped for another value of the same type. A statement is never made false
 * by adding a negation: "ne … pas" tests grammar, not understanding.
 */
import type { Fact } from "../fact-schema";
import { frenchText } from "../french";
import type { QuestionLanguage } from "../question-types";
import { candidatesFor, orderByForm } from "./distractors";
import { renderStatement } from "./render";
import {
  DISTRACTOR_SETS,
  LANGUAGES,
  clampDifficulty,
  type GenerationContext,
  type QuestionDraft,
} from "./types";

const STEMS: Record<QuestionLanguage, string> = { en: "True or false?", fr: frenchText`Vrai ou faux ?` };
const LABELS: Record<QuestionLanguage, { true: string; false: string }> = {
  en: { true: "True", false: "False" },
  fr: { true: "Vrai", false: "Faux" },
};

export function trueFalseDrafts(context: GenerationContext, fact: Fact): QuestionDraft[] {
  const sentence = context.sentences.get(fact.sentenceId);
  if (!sentence || fact.trueFalse.length === 0) return [];
  const trueStatement = renderStatement(fact, "fr");
  const focusName = fact.trueFalse[0] ?? fact.subject;
  const focus = fact.slots[focusName];
  if (!focus) return [];

  const swaps = fact.trueFalse.flatMap((slotName) => {
    const key = fact.slots[slotName];
    if (!key) return [];
    const candidates = orderByForm(
      key.fr,
      candidatesFor({ fact, slotName, pools: context.pools, agreement: true }),
      "fr",
    );
    return candidates.slice(0, DISTRACTOR_SETS).map((swap) => ({ slotName, key, swap }));
  });

  const drafts: QuestionDraft[] = [];
  for (const language of LANGUAGES) {
    const labels = LABELS[language];
    const common = {
      kind: "true-false" as const,
      topicId: fact.id,
      language,
      stem: STEMS[language],
      stemEn: STEMS.en,
      options: [labels.true, labels.false],
      fixedOrder: true,
      optionsLanguage: language,
      evidenceSentenceId: fact.sentenceId,
      difficulty: clampDifficulty(fact.difficulty),
    };
    drafts.push({
      ...common,
      passage: trueStatement,
      answer: 0,
      support: focus.fr,
      explanation: {
        en: `True. The article says: “${sentence.en}”`,
        fr: frenchText`Vrai. L'article dit : « ${sentence.fr} »`,
      },
      meta: { factId: fact.id, slot: focusName, key: focus, truth: true },
    });
    for (const { slotName, key, swap } of swaps) {
      const passage = renderStatement(fact, "fr", { [slotName]: swap });
      if (passage === trueStatement) continue;
      drafts.push({
        ...common,
        passage,
        answer: 1,
        support: key.fr,
        explanation: {
          en: `False. The article says “${key.en}”, not “${swap.en}”: “${sentence.en}”`,
          fr: frenchText`Faux. L'article dit « ${key.fr} », et non « ${swap.fr} » : « ${sentence.fr} »`,
        },
        meta: { factId: fact.id, slot: slotName, key, truth: false, swapped: swap },
      });
    }
  }
  return drafts;
}
