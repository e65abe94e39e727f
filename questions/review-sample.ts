/**
 * A random sample of the bank for a blind review (`shared/item-review.md`):
 * stratified by kind (as equal a share per kind as the bank allows), drawn
 * with a seed the caller chooses and never hand-picked, written as Markdown
 * showing exactly what the learner sees and the key. It is drawn as quizzes
 * are, in forms of a long quiz's length: an item asked in either language is
 * drawn once, in one of them; a true/false statement on one side only;
 * never two items of one form that answer each other
 * (`conflicts.ts`); and over the text's sentences evenly, the least drawn
 * sentence first.
 */
import { createRandom, shuffle } from "./random";
import { fitsWith } from "./conflicts";
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

/** How many items a form of the sample holds at most: a long quiz. */
export const FORM_SIZE = 16;

/**
 * The sample, as the quizzes ("forms") a learner could meet, each of at most
 * `formSize` items. Families take turns, the one furthest below its share
 * first; each takes, of its groups not drawn yet, one on the sentence its form
 * has drawn least, in a language (or side) that answers nothing in its form
 * and is answered by nothing there. Across the whole sample an item and a
 * true/false statement are drawn once (one side); the same words may be
 * tested in two forms, as a learner may meet them in two quizzes. Fewer
 * than `size` items only when nothing else fits.
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
  const remaining = new Map(families.map((f) => [f, shuffle(byFamily.get(f) ?? [], random)]));
  const taken = new Map(families.map((f) => [f, 0]));
  const all: Question[] = [];
  const wanted = Math.min(size, [...sizes.values()].reduce((a, b) => a + b, 0));
  const formCount = Math.max(1, Math.ceil(wanted / formSize));
  const forms: Question[][] = [];

  // Forms of even length; one more when items that conflict with every full form are left.
  for (let f = 0; all.length < wanted; f++) {
    const form: Question[] = [];
    const target = Math.min(formSize, Math.ceil((wanted - all.length) / Math.max(1, formCount - f)));
    const perSentence = new Map<string, number>();
    const sentenceOf = (group: Question[]) => group[0]?.evidenceSentenceId ?? "";
    const load = (group: Question[]) => perSentence.get(sentenceOf(group)) ?? 0;
    // Sentences with many items left go first, so that they spread over every form.
    const left = new Map<string, number>();
    for (const groups of remaining.values())
      for (const group of groups) left.set(sentenceOf(group), (left.get(sentenceOf(group)) ?? 0) + 1);
    const order = (a: Question[], b: Question[]) =>
      load(a) - load(b) || (left.get(sentenceOf(b)) ?? 0) - (left.get(sentenceOf(a)) ?? 0);
    const fits = (q: Question) => fitsWith(q, form);
    const drawOne = (family: string): boolean => {
      const groups = remaining.get(family) ?? [];
      for (const group of [...groups].sort(order)) {
        const pick = shuffle(group, random).find(fits);
        if (!pick) continue;
        form.push(pick);
        all.push(pick);
        groups.splice(groups.indexOf(group), 1);
        left.set(sentenceOf(group), (left.get(sentenceOf(group)) ?? 1) - 1);
        taken.set(family, (taken.get(family) ?? 0) + 1);
        perSentence.set(pick.evidenceSentenceId, (perSentence.get(pick.evidenceSentenceId) ?? 0) + 1);
        return true;
      }
      return false;
    };
    const behind = (family: string) => (taken.get(family) ?? 0) / Math.max(1, shares.get(family) ?? 0);
    for (const withinShare of [true, false]) {
      let progress = true;
      while (form.length < target && progress) {
        progress = false;
        for (const family of [...families].sort((a, b) => behind(a) - behind(b))) {
          if (withinShare && (taken.get(family) ?? 0) >= (shares.get(family) ?? 0)) continue;
          if (drawOne(family)) {
            progress = true;
            break;
          }
        }
      }
    }
    if (form.length === 0) break;
    forms.push(shuffle(form, random));
  }
  return forms;
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
      if (q.passage) lines.push(`- passage: « ${q.passage} »`);
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
