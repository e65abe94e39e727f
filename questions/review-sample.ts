/**
 * A random sample of the bank for a blind review (`shared/item-review.md`):
 * stratified by kind (as equal a share per kind as the bank allows), drawn
 * with a seed the caller chooses and never hand-picked, written as Markdown
 * showing exactly what the learner sees and the key. An item asked in either
 * language (the same French passage and options with the instruction
 * translated, or one comprehension question asked in English and in French)
 * is drawn once, in one of its languages, as a quiz would draw it.
 */
import { createRandom, shuffle } from "./random";
import type { GeneratedQuestion } from "./generators/types";
import type { Question } from "./question-types";
import { QUESTION_KINDS } from "./question-kinds";
import { itemKey, kindFamily } from "./quiz";
import type { Article } from "./schema";

const LETTERS = ["A", "B", "C", "D", "E"];

/** One entry per item a learner could meet, whatever its language, by kind family. */
function itemGroups(generated: readonly GeneratedQuestion[]): Map<string, Question[][]> {
  const groups = new Map<string, Question[]>();
  for (const { question } of generated) {
    const key = itemKey(question);
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

export function reviewSample(
  generated: readonly GeneratedQuestion[],
  size: number,
  seed: number,
): Question[] {
  const random = createRandom(`review-sample:${seed}`);
  const byFamily = itemGroups(generated);
  const families = [...new Set(QUESTION_KINDS.map(kindFamily))].filter((f) => byFamily.has(f));
  const sizes = new Map(families.map((f) => [f, byFamily.get(f)?.length ?? 0]));
  const counts = allocate(sizes, size);
  const drawn: Question[] = [];
  for (const [family, count] of counts) {
    for (const group of shuffle(byFamily.get(family) ?? [], random).slice(0, count)) {
      const pick = group[Math.floor(random() * group.length)];
      if (pick) drawn.push(pick);
    }
  }
  return shuffle(drawn, random);
}

function quote(text: string): string {
  return text.replace(/\|/g, "\\|");
}

export function sampleMarkdown(article: Article, items: readonly Question[], seed: number): string {
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
    "Each item shows what the learner sees (instruction, French passage, options) and the key.",
    "Review each against the rubric and record its flags in the table at the end.",
    "",
  ];
  items.forEach((q, index) => {
    const keyIndex = q.options.findIndex((o) => o.id === q.answerId);
    lines.push(`## ${index + 1}. \`${q.id}\``, "");
    lines.push(`- kind: ${q.kind} · instruction language: ${q.language} · options in: ${q.optionsLanguage}`);
    lines.push(`- instruction: ${q.stem}`);
    if (q.passage) lines.push(`- passage: « ${q.passage} »`);
    lines.push("- options:");
    q.options.forEach((o, i) => lines.push(`  - ${LETTERS[i]}. ${o.text}`));
    lines.push(`- key: **${LETTERS[keyIndex]}** (${q.options[keyIndex]?.text ?? ""})`, "");
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
