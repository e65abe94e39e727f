/**
 * Checks across facts.json, article.json and outsiders.json. The schema sees
 * one file at a time; these make sure every fact stands on its sentence and
 * that every slot a question uses has enough wrong values to draw from.
 * Messages name the entry and the field, like `formatIssues` does.
 */
import { allSentences, indexOfWord } from "./article";
import type { Facts, Outsiders, Quantity } from "./fact-schema";
import { buildPools, candidatesFor, type Pools } from "./generators/distractors";
import { feasibleWith, listedForms, NEEDED, type SlotForm } from "./generators/forms";
import { normalizeForComparison } from "./normalize";
import { formatQuantity } from "./quantity";
import type { Article } from "./schema";

/** `field "<field>": …` for each language whose words disagree with the number. */
function quantityProblems(field: string, value: { fr: string; en: string; quantity?: Quantity }): string[] {
  if (!value.quantity) return [];
  const problems: string[] = [];
  for (const language of ["fr", "en"] as const) {
    const expected = formatQuantity(value.quantity, language);
    if (
      expected !== undefined &&
      normalizeForComparison(expected) !== normalizeForComparison(value[language])
    ) {
      problems.push(
        `field "${field}": ${language} "${value[language]}" does not match its value, which reads "${expected}"`,
      );
    }
  }
  return problems;
}

export function checkFacts(article: Article, facts: Facts, outsiders: Outsiders, pools?: Pools): string[] {
  const problems: string[] = [];
  const sentences = new Map(allSentences(article).map((s) => [s.id, s.fr]));
  const allPools = pools ?? buildPools(facts, outsiders);
  const feasible = feasibleWith(allPools);

  facts.forEach((fact, index) => {
    const entry = `entry ${index} (id "${fact.id}")`;
    const sentence = sentences.get(fact.sentenceId);
    if (sentence === undefined) {
      problems.push(`${entry}: field "sentenceId": no sentence "${fact.sentenceId}" in article.json`);
    }
    for (const [name, slot] of Object.entries(fact.slots)) {
      if (sentence !== undefined && indexOfWord(sentence, slot.fr) < 0) {
        problems.push(
          `${entry}: field "slots.${name}.fr": "${slot.fr}" does not occur in sentence "${fact.sentenceId}"`,
        );
      }
      problems.push(...quantityProblems(`slots.${name}.quantity`, slot).map((p) => `${entry}: ${p}`));
    }
    const uses: { field: string; slot: string; form: SlotForm }[] = [
      ...fact.questions.map((q, i) => ({
        field: `questions.${i}.ask`,
        slot: q.ask,
        form: "question" as const,
      })),
      ...fact.cloze.map((slot, i) => ({ field: `cloze.${i}`, slot, form: "cloze" as const })),
      ...fact.trueFalse.map((slot, i) => ({ field: `trueFalse.${i}`, slot, form: "trueFalse" as const })),
    ];
    for (const use of uses) {
      const slot = fact.slots[use.slot];
      if (!slot) continue;
      if (slot.worldKnowledge) {
        problems.push(
          `${entry}: field "${use.field}": slot "${use.slot}" is world knowledge and cannot be asked, blanked or swapped`,
        );
        continue;
      }
      // A point is asked in one of the forms it lists (generators/forms.ts): only a point that
      // can be asked in none of them is broken.
      if (listedForms(fact, use.slot).some((form) => feasible(fact, use.slot, form))) continue;
      if (slot.quantity?.format === "magnitude" && use.form !== "trueFalse") {
        problems.push(
          `${entry}: field "${use.field}": slot "${use.slot}" is a vague magnitude, only swapped in a false statement (list it in trueFalse)`,
        );
        continue;
      }
      const found = candidatesFor({
        fact,
        slotName: use.slot,
        pools: allPools,
        agreement: use.form !== "question",
        articleOnly: use.form === "trueFalse",
      }).length;
      const category = slot.category ? ` and category "${slot.category}"` : "";
      const where =
        use.form === "trueFalse" ? "the article gives no other value" : "add values to outsiders.json";
      problems.push(
        `${entry}: field "${use.field}": slot "${use.slot}" has ${found} usable wrong value(s) of type "${slot.type}"${category}, ` +
          `needs ${NEEDED[use.form]}: ${where}`,
      );
    }
  });
  return problems;
}

/** Outsiders with a quantity must say the same number in words. */
export function checkOutsiders(outsiders: Outsiders): string[] {
  return Object.entries(outsiders).flatMap(([type, values]) =>
    values.flatMap((value, i) =>
      quantityProblems("quantity", value).map((p) => `field "${type}", entry ${i}: ${p}`),
    ),
  );
}
