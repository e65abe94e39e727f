/**
 * A random sample of the bank for a blind review (`shared/item-review.md`):
 * stratified by kind (as equal a share per kind as the bank allows), drawn
 * with a seed the caller chooses and never hand-picked, written as Markdown
 * showing exactly what the learner sees and the key. It is drawn as quizzes
 * are, in forms of a usual quiz's length: an item asked in either language is
 * drawn once, in one of them; a true/false statement on one side only;
 * never two items of one form that answer each other, nor two on one
 * sentence or fact while another choice exists (`conflicts.ts`); and over
 * the text's sentences evenly.
 */
import { createRandom, shuffle } from "./random";
import { dealForms } from "./deal-forms";
import type { GeneratedQuestion } from "./generators/types";
import type { Question } from "./question-types";
import { QUESTION_KINDS } from "./question-kinds";
import { itemKey, kindFamily } from "./quiz";
import type { Article } from "./schema";

const LETTERS = ["A", "B", "C", "D", "E"];

/** What one draw may pick from: an item in its languages, or both sides of one true/false statement. */
function drawKey(question: Question): string {
  return question.kind === "true-false" ? `${question.topicId}\u0000true-false` : itemKey(question);
}

/** One entry per item a learner could meet, whatever its language or side, by kind family. */
function itemGroups(generated: readonly GeneratedQuestion[]): Map<string, Question[][]> {
  const groups = new Map<string, Question[]>();
  for (const { question } of generated) {
    const key = drawKey(question);
    groups.set(key, [...(groups.get(key) ?? []), question]);
  }
  const byFamily = new Map<string, Question[][]>();
  for (const group of groups.values()) {
    const kind = group[0]?.kind;
    if (kind) byFamily.set(kindFamily(kind), [...(byFamily.get(kindFamily(kind)) ?? []), group]);
  }
  return byFamily;
}

/** How many items each kind gets: equal shares, what a small kind cannot fill going to the others. */
export function allocate<K>(sizes: ReadonlyMap<K, number>, total: number): Map<K, number> {
  const out = new Map<K, number>([...sizes.keys()].map((k) => [k, 0]));
  let left = Math.min(
    total,
    [...sizes.values()].reduce((a, b) => a + b, 0),
  );
  while (left > 0) {
    const open = [...sizes.entries()].filter(([k, n]) => (out.get(k) ?? 0) < n);
    if (open.length === 0) break;
    const share = Math.max(1, Math.floor(left / open.length));
    for (const [kind, size] of open) {
      if (left === 0) break;
      const add = Math.min(share, size - (out.get(kind) ?? 0), left);
      out.set(kind, (out.get(kind) ?? 0) + add);
      left -= add;
    }
  }
  return out;
}

/** How many items a form of the sample holds at most: a quiz as a learner usually takes it. */
export const FORM_SIZE = 10;

/**
 * The sample, as the quizzes ("forms") a learner could meet, of at most
 * `formSize` items each. The items come stratified by family (`allocate`),
 * each drawn once, in one of its languages (a true/false statement on one
 * side), and are dealt out over as few forms as `formSize` allows
 * (`dealForms`): none holding two items that answer each other, as few as
 * can be holding two on one sentence or fact.
 */
export function reviewForms(
  generated: readonly GeneratedQuestion[],
  size: number,
  seed: number,
  formSize = FORM_SIZE,
): Question[][] {
  const random = createRandom(`review-sample:${seed}`);
  const byFamily = itemGroups(generated);
  const families = [...new Set(QUESTION_KINDS.map(kindFamily))].filter((f) => byFamily.has(f));
  const sizes = new Map(families.map((f) => [f, byFamily.get(f)?.length ?? 0]));
  const shares = allocate(sizes, size);
  const drawn = families.flatMap((f) => shuffle(byFamily.get(f) ?? [], random).slice(0, shares.get(f) ?? 0));
  return dealForms(drawn, formSize, `review-sample:${seed}`).map((form) => shuffle(form, random));
}

/** The sample's items, form after form. */
export function reviewSample(
  generated: readonly GeneratedQuestion[],
  size: number,
  seed: number,
): Question[] {
  return reviewForms(generated, size, seed).flat();
}

function quote(text: string): string {
  return text.replace(/\|/g, "\\|");
}

export function sampleMarkdown(
  article: Article,
  forms: readonly (readonly Question[])[],
  seed: number,
): string {
  const items = forms.flat();
  const perKind = QUESTION_KINDS.map((k) => [k, items.filter((q) => q.kind === k).length] as const).filter(
    ([, n]) => n > 0,
  );
  const lines = [
    `# Blind review sample — ${article.slug}`,
    "",
    `${items.length} items drawn at random with seed ${seed}, stratified by kind: ` +
      perKind.map(([k, n]) => `${k} ${n}`).join(", ") +
      ".",
    "",
    `They come as ${forms.length} quizzes, drawn as a learner would meet them: the items of one quiz ` +
      "are met together, those of different quizzes never.",
    "Each item shows what the learner sees (instruction, French passage, options) and the key.",
    "Review each against the rubric and record its flags in the table at the end.",
    "",
  ];
  let index = 0;
  forms.forEach((form, f) => {
    lines.push(`## Quiz ${f + 1} of ${forms.length}`, "");
    for (const q of form) {
      index++;
      const keyIndex = q.options.findIndex((o) => o.id === q.answerId);
      lines.push(`### ${index}. \`${q.id}\``, "");
      lines.push(
        `- kind: ${q.kind} · instruction language: ${q.language} · options in: ${q.optionsLanguage}`,
      );
      lines.push(`- instruction: ${q.stem}`);
      // As the quiz shows it: a block of its own, no guillemets added (a passage that opens or ends with
      // a quotation read « « … » » in review 7, which no learner sees).
      if (q.passage) lines.push("- passage:", "", `  > ${q.passage}`, "");
      lines.push("- options:");
      q.options.forEach((o, i) => lines.push(`  - ${LETTERS[i]}. ${o.text}`));
      lines.push(`- key: **${LETTERS[keyIndex]}** (${q.options[keyIndex]?.text ?? ""})`, "");
    }
  });
  lines.push(
    "## Flags",
    "",
    "| # | id | flags (none = accepted unchanged) | note |",
    "| ---: | --- | --- | --- |",
    ...items.map((q, i) => `| ${i + 1} | ${quote(q.id)} |  |  |`),
    "",
  );
  return lines.join("\n");
}
