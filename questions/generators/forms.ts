/**
 * One form per point. A slot of a fact (who was appointed, how much, which
 * sector) is asked in one form only: its comprehension question, its cloze
 * or a true/false swap. Asked three ways, one point fills a review sample
 * and a quiz with items that give each other away; one good item per point
 * leaves room for the rest of the text.
 *
 * A slot listed in one form keeps it. A slot listed in several goes to the
 * one the article has used least so far, so that the kinds stay balanced
 * whatever the fact base lists (a draft lists every form it can).
 *
 * A vague magnitude ("des dizaines de millions") is never offered among
 * options: its neighbours are arguable (tens or hundreds of millions?) and
 * the far ones absurd (thousands of dollars for the best-paid experts), so it
 * is only swapped in a false statement, which the text contradicts.
 */
import type { Fact, Facts } from "../fact-schema";
import { candidatesFor, type Pools } from "./distractors";

export const SLOT_FORMS = ["question", "cloze", "trueFalse"] as const;
export type SlotForm = (typeof SLOT_FORMS)[number];

/** The forms a slot is listed in and may take, in order of preference for a tie. */
export function listedForms(fact: Fact, slotName: string): SlotForm[] {
  const slot = fact.slots[slotName];
  if (!slot || slot.worldKnowledge) return [];
  const choice = slot.quantity?.format !== "magnitude";
  return SLOT_FORMS.filter((form) => {
    if (form === "question") return choice && fact.questions.some((q) => q.ask === slotName);
    if (form === "cloze") return choice && fact.cloze.includes(slotName);
    return fact.trueFalse.includes(slotName);
  });
}

/** Whether a form can be made for a slot at all (enough wrong values, for instance). */
export type Feasible = (fact: Fact, slotName: string, form: SlotForm) => boolean;

/**
 * Wrong values each form needs: two for three options (a fourth is added only
 * when a plausible one exists), one that the article itself gives for a swap.
 */
export const NEEDED: Readonly<Record<SlotForm, number>> = { question: 2, cloze: 2, trueFalse: 1 };

export function feasibleWith(pools: Pools): Feasible {
  return (fact, slotName, form) =>
    candidatesFor({
      fact,
      slotName,
      pools,
      agreement: form !== "question",
      articleOnly: form === "trueFalse",
    }).length >= NEEDED[form];
}

export type FormPlan = ReadonlyMap<string, SlotForm>;

const pointKey = (factId: string, slotName: string) => `${factId}\u0000${slotName}`;

export function planForms(facts: Facts, feasible: Feasible = () => true): FormPlan {
  const points = facts.flatMap((fact) =>
    Object.keys(fact.slots).map((slotName) => ({
      key: pointKey(fact.id, slotName),
      forms: listedForms(fact, slotName).filter((form) => feasible(fact, slotName, form)),
    })),
  );
  const plan = new Map<string, SlotForm>();
  const used = new Map<SlotForm, number>(SLOT_FORMS.map((form) => [form, 0]));
  const take = (key: string, form: SlotForm) => {
    plan.set(key, form);
    used.set(form, (used.get(form) ?? 0) + 1);
  };
  for (const { key, forms } of points) if (forms.length === 1 && forms[0]) take(key, forms[0]);
  for (const { key, forms } of points) {
    if (forms.length < 2) continue;
    const least = forms.reduce((a, b) => ((used.get(b) ?? 0) < (used.get(a) ?? 0) ? b : a));
    take(key, least);
  }
  return plan;
}

export function formOf(plan: FormPlan, fact: Fact, slotName: string): SlotForm | undefined {
  return plan.get(pointKey(fact.id, slotName));
}
