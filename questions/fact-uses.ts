/**
 * Which uses of a fact (cloze, true/false) can find their wrong values. Made
 * facts (the analysis pipeline's, the studio's) keep only the uses the text
 * and the outsiders can serve, so they pass the content checks by
 * construction instead of failing them.
 */
import type { Fact, Outsiders } from "./fact-schema";
import { buildPools, candidatesFor } from "./generators/distractors";

export interface UseNeeds {
  /** Wrong values a cloze needs. */
  cloze: number;
  /** Values the article gives elsewhere that a true/false swap needs. */
  trueFalse: number;
}

/**
 * Drops every use (cloze, true/false) that cannot find enough wrong values,
 * then the facts left with none, until nothing changes: dropping a fact also
 * takes its value out of the others' options.
 */
export function pruneFactUses(
  facts: Fact[],
  outsiders: Outsiders,
  needed: UseNeeds,
  /** Facts written by hand are checked, not pruned: they stay as they are, their values still offered. */
  prunable: (fact: Fact) => boolean = () => true,
): Fact[] {
  let current = facts;
  for (;;) {
    const pools = buildPools(current, outsiders);
    const next = current
      .map((fact) => {
        if (!prunable(fact)) return fact;
        const usable = (slotName: string, count: number, articleOnly: boolean) =>
          candidatesFor({ fact, slotName, pools, agreement: true, articleOnly }).length >= count;
        return {
          ...fact,
          cloze: fact.cloze.filter((s) => usable(s, needed.cloze, false)),
          trueFalse: fact.trueFalse.filter((s) => usable(s, needed.trueFalse, true)),
        };
      })
      .filter(
        (fact) => !prunable(fact) || fact.cloze.length + fact.trueFalse.length + fact.questions.length > 0,
      );
    const stable =
      next.length === current.length &&
      next.every(
        (f, i) =>
          f.cloze.length === current[i]?.cloze.length && f.trueFalse.length === current[i]?.trueFalse.length,
      );
    current = next;
    if (stable) return current;
  }
}
