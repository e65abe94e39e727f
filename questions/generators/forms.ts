/**
 * One form per point. A slot of a fact (who was appointed, how much, which
 * sector) is asked in one form only: its comprehension question, else its
 * cloze, else a true/false swap. Asked three ways, one point fills a review
 * sample and a quiz with items that give each other away; one good item per
 * point leaves room for the rest of the text.
 *
 * A vague magnitude ("des dizaines de millions") is never offered among
 * options: its neighbours are arguable (tens or hundreds of millions?) and
 * the far ones absurd (thousands of dollars for the best-paid experts), so it
 * is only swapped in a false statement, which the text contradicts.
 */
import type { Fact } from "../fact-schema";

export type SlotForm = "question" | "cloze" | "trueFalse";

export function slotForm(fact: Fact, slotName: string): SlotForm | undefined {
  const slot = fact.slots[slotName];
  if (!slot || slot.worldKnowledge) return undefined;
  const choice = slot.quantity?.format !== "magnitude";
  if (choice && fact.questions.some((q) => q.ask === slotName)) return "question";
  if (choice && fact.cloze.includes(slotName)) return "cloze";
  if (fact.trueFalse.includes(slotName)) return "trueFalse";
  return undefined;
}
