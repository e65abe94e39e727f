/**
 * Checks across facts.json, article.json and outsiders.json. The schema sees
 * one file at a time; these make sure every fact stands on its sentence and
 * that every slot a question uses has enough wrong values to draw from.
 * Messages name the entry and the field, like `formatIssues` does.
 */
import { allSentences, indexOfWord } from "./article";
import type { Facts, Outsiders, Quantity } from "./fact-schema";
import { buildPools, candidatesFor, type Pools } from "./generators/distractors";
import { normalizeForComparison } from "./normalize";
import { formatQuantity } from "./quantity";
import type { Article } from "./schema";

/**
 * Three options need two distractors (a fourth is added only when a plausible
 * one exists); vrai ou faux needs one value that the article itself gives.
 */
const NEEDED = { question: 2, cloze: 2, trueFalse: 1 } as const;

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
    const uses: {
      field: string;
      slot: string;
      needed: number;
      agreement: boolean;
      articleOnly?: boolean;
    }[] = [
      ...fact.questions.map((q, i) => ({
        field: `questions.${i}.ask`,
        slot: q.ask,
        needed: NEEDED.question,
        agreement: false,
      })),
      ...fact.cloze.map((slot, i) => ({ field: `cloze.${i}`, slot, needed: NEEDED.cloze, agreement: true })),
      ...fact.trueFalse.map((slot, i) => ({
        field: `trueFalse.${i}`,
        slot,
        needed: NEEDED.trueFalse,
        agreement: true,
        articleOnly: true,
      })),
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
      const found = candidatesFor({
        fact,
        slotName: use.slot,
        pools: allPools,
        agreement: use.agreement,
        articleOnly: use.articleOnly,
      }).length;
      if (found < use.needed) {
        const category = slot.category ? ` and category "${slot.category}"` : "";
        const where = use.articleOnly ? "the article gives no other value" : "add values to outsiders.json";
        problems.push(
          `${entry}: field "${use.field}": slot "${use.slot}" has ${found} usable wrong value(s) of type "${slot.type}"${category}, ` +
            `needs ${use.needed}: ${where}`,
        );
      }
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
