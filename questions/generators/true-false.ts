/**
 * Vrai ou faux: the fact restated in French (a paraphrase, not the sentence),
 * either as it is or with one single-valued slot swapped for another value of
 * the same fine category that the article itself gives elsewhere, so that the
 * text contradicts the false statement. Never a value the article does not
 * mention (that would be false by omission), never a negation ("ne … pas"
 * tests grammar, not understanding).
 */
import type { Fact } from "../fact-schema";
import { frenchText } from "../french";
import type { QuestionLanguage } from "../question-types";
import { candidatesFor, orderByForm } from "./distractors";
import { itemDifficulty } from "./difficulty";
import { formOf } from "./forms";
import { renderStatement } from "./render";
import { LANGUAGES, type GenerationContext, type QuestionDraft } from "./types";

const STEMS: Record<QuestionLanguage, string> = {
  en: "True or false, according to the article?",
  fr: frenchText`Vrai ou faux, d’après l’article ?`,
};
const LABELS: Record<QuestionLanguage, { true: string; false: string }> = {
  en: { true: "True", false: "False" },
  fr: { true: "Vrai", false: "Faux" },
};

/** How many false statements a fact gives at most: one per swappable slot, one value each. */
const SWAPS_PER_SLOT = 1;

export function trueFalseDrafts(context: GenerationContext, fact: Fact): QuestionDraft[] {
  const sentence = context.sentences.get(fact.sentenceId);
  // A slot already asked as a comprehension question or a cloze is not asked a third way.
  const swappable = fact.trueFalse.filter(
    (slotName) => formOf(context.forms, fact, slotName) === "trueFalse",
  );
  if (!sentence || swappable.length === 0) return [];
  const trueStatement = renderStatement(fact, "fr");
  const focusName = swappable[0] ?? fact.subject;
  const focus = fact.slots[focusName];
  if (!focus) return [];

  const swaps = swappable.flatMap((slotName) => {
    const key = fact.slots[slotName];
    if (!key) return [];
    const found = candidatesFor({ fact, slotName, pools: context.pools, agreement: true, articleOnly: true });
    // A number is best contradicted by the tempting misreadings of the key (a misplaced comma, half, double).
    const ordered = key.quantity
      ? [...found.filter((c) => c.source === "rescaled"), ...found.filter((c) => c.source !== "rescaled")]
      : found;
    const candidates = orderByForm(key.fr, ordered, (c) => c.fr);
    return candidates.slice(0, SWAPS_PER_SLOT).map((swap) => ({ slotName, key, swap }));
  });
  if (swaps.length === 0) return [];

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
    };
    const difficulty = (paraphrased: boolean) =>
      itemDifficulty({
        base: fact.difficulty,
        frenchStem: language === "fr",
        paraphrasedKey: paraphrased,
        articleDistractors: 0,
        optionCount: 2,
      });
    drafts.push({
      ...common,
      passage: trueStatement,
      answer: 0,
      support: focus.fr,
      explanation: {
        en: `True: the article says “${sentence.en}”`,
        fr: frenchText`Vrai : l’article dit « ${sentence.fr} »`,
      },
      difficulty: difficulty(true),
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
          en: `False: the article says “${key.en}”, not “${swap.en}”: “${sentence.en}”`,
          fr: frenchText`Faux : l’article dit « ${key.fr} », et non « ${swap.fr} » : « ${sentence.fr} »`,
        },
        difficulty: difficulty(false),
        meta: { factId: fact.id, slot: slotName, key, truth: false, swapped: swap },
      });
    }
  }
  return drafts;
}
