/**
 * Vrai ou faux: the fact restated in French (a paraphrase, not the sentence),
 * either as it is or with one single-valued slot swapped for another value of
 * the same fine category that the article itself gives elsewhere, so that the
 * text contradicts the false statement. Never a value the article does not
 * mention (that would be false by omission), never a negation ("ne … pas"
 * tests grammar, not understanding).
 */
import { indexOfWord } from "../article";
import { templateSlots, type Fact, type SlotValue } from "../fact-schema";
import { frenchText } from "../french";
import type { QuestionLanguage } from "../question-types";
import { candidatesFor, orderByForm, type Candidate } from "./distractors";
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

/** Words between two values in a sentence at most for them to read as one pairing ("David Horn de Brex"). */
const PAIRING_GAP = 3;

function wordsBetween(sentence: string, a: string, b: string): number | undefined {
  const [i, j] = [indexOfWord(sentence, a), indexOfWord(sentence, b)];
  if (i < 0 || j < 0) return undefined;
  const between = i < j ? sentence.slice(i + a.length, j) : sentence.slice(j + b.length, i);
  return between.split(/[\s'’]+/).filter((w) => /\p{L}/u.test(w)).length;
}

/**
 * A slot whose value stands right beside another value of the statement in
 * the sentence ("David Horn de Brex", "Alexandr Wang, PDG de Scale AI"): a
 * statement pairing them is checked by finding one name and reading the
 * next words, which is scanning, not reading. Such a slot is not swapped.
 */
export function isSideBySide(fact: Fact, slotName: string, sentence: string): boolean {
  const key = fact.slots[slotName];
  if (!key) return false;
  const others = templateSlots(fact.statement.fr).filter((name) => name !== slotName);
  return others.some((name) => {
    const other = fact.slots[name];
    const gap = other ? wordsBetween(sentence, key.fr, other.fr) : undefined;
    return gap !== undefined && gap <= PAIRING_GAP;
  });
}

/**
 * The words of the sentence an exchanged pair turns on: from one value to
 * the other ("OpenAI a récemment subi des départs suite aux offres
 * alléchantes de Meta"), what a passage must show to decide the statement.
 */
function spanOf(sentence: string, a: string, b: string): string | undefined {
  const [i, j] = [indexOfWord(sentence, a), indexOfWord(sentence, b)];
  if (i < 0 || j < 0) return undefined;
  return i < j ? sentence.slice(i, j + b.length) : sentence.slice(j, i + a.length);
}

interface FalseVersion {
  /** The slot the statement turns on (the first of an exchanged pair). */
  slotName: string;
  key: SlotValue;
  replace: Record<string, Candidate | SlotValue>;
  /** What the false statement says instead of the key. */
  swap: Pick<Candidate, "fr" | "en" | "type" | "source" | "quantity">;
  /** The sentence's words that decide it. */
  support: string;
}

export function trueFalseDrafts(context: GenerationContext, fact: Fact): QuestionDraft[] {
  const sentence = context.sentences.get(fact.sentenceId);
  // A slot already asked as a comprehension question or a cloze is not asked a third way.
  const swappable = fact.trueFalse.filter(
    (slotName) =>
      formOf(context.forms, fact, slotName) === "trueFalse" &&
      !(sentence && isSideBySide(fact, slotName, sentence.fr)),
  );
  const exchanges = (fact.exchange ?? []).filter(([a, b]) => fact.slots[a] && fact.slots[b]);
  if (!sentence || swappable.length + exchanges.length === 0) return [];
  const trueStatement = renderStatement(fact, "fr");
  const focusName = swappable[0] ?? exchanges[0]?.[0] ?? fact.subject;
  const focus = fact.slots[focusName];
  if (!focus) return [];

  const swaps: FalseVersion[] = swappable.flatMap((slotName) => {
    const key = fact.slots[slotName];
    if (!key) return [];
    const found = candidatesFor({ fact, slotName, pools: context.pools, agreement: true, articleOnly: true });
    /*
     * A precise number is best contradicted by another amount the article gives (attached to the
     * wrong claim, it tests which figure goes with what), then by a misreading of its own digits; a
     * vague magnitude by the misreading, since the article's precise amounts may fall inside it.
     */
    const from = (source: Candidate["source"]) => found.filter((c) => c.source === source);
    const ordered = !key.quantity
      ? found
      : key.quantity.format === "decimal"
        ? [...from("article"), ...from("rescaled"), ...from("outsider")]
        : [...from("rescaled"), ...from("article"), ...from("outsider")];
    const candidates = orderByForm(key.fr, ordered, (c) => c.fr);
    return candidates
      .slice(0, SWAPS_PER_SLOT)
      .map((swap) => ({ slotName, key, replace: { [slotName]: swap }, swap, support: key.fr }));
  });
  for (const [a, b] of exchanges) {
    const [first, second] = [fact.slots[a], fact.slots[b]];
    if (!first || !second) continue;
    swaps.push({
      slotName: a,
      key: first,
      replace: { [a]: second, [b]: first },
      swap: { ...second, source: "article" },
      support: spanOf(sentence.fr, first.fr, second.fr) ?? first.fr,
    });
  }
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
      support: swaps.find((v) => v.slotName === focusName)?.support ?? focus.fr,
      explanation: {
        en: `True: the article says “${sentence.en}”`,
        fr: frenchText`Vrai : l’article dit « ${sentence.fr} »`,
      },
      difficulty: difficulty(true),
      meta: { factId: fact.id, slot: focusName, key: focus, truth: true },
    });
    for (const { slotName, key, replace, swap, support } of swaps) {
      const passage = renderStatement(fact, "fr", replace);
      if (passage === trueStatement) continue;
      drafts.push({
        ...common,
        passage,
        answer: 1,
        support,
        explanation: {
          en: `False: the article says “${key.en}”, not “${swap.en}”: “${sentence.en}”`,
          fr: frenchText`Faux : l’article dit « ${key.fr} », et non « ${swap.fr} » : « ${sentence.fr} »`,
        },
        difficulty: difficulty(false),
        meta: { factId: fact.id, slot: slotName, key, truth: false, swapped: { ...swap } },
      });
    }
  }
  return drafts;
}
