/**
 * Quality figures that the fourth review asked for (issue 12): what a blind
 * reviewer found giving answers away in the third round.
 * - ground: quizzes of ten, and the quizzes of a review sample, holding two
 *   items on one sentence or fact (`sharesGround`) or two that answer each
 *   other; a 10-question quiz that falls short of what its kinds can hold;
 * - headlines: items asking, blanking or swapping what the news reported;
 * - main ideas: wrong answers that swap who did what to whom (read as reversals);
 * - references: wrong answers and antecedents not found earlier in the text;
 * - true/false: which kinds of value the false statements swap;
 * - distractors: items sharing two wrong answers or more.
 */
import { conflictingPairs, sameGroundPairs, sentencesOf } from "./conflicts";
import type { Discourse } from "./discourse-schema";
import type { Facts } from "./fact-schema";
import type { GeneratedQuestion } from "./generators/types";
import { normalizeForComparison } from "./normalize";
import { QUESTION_KINDS, type QuestionKind } from "./question-kinds";
import { buildQuiz, itemKey } from "./quiz";
import { FORM_SIZE, reviewForms } from "./review-sample";
import type { Article } from "./schema";

export interface GroundFigures {
  /** 10-question quizzes of the setup's kinds (one comprehension language), both languages. */
  tenTried: number;
  /** …holding two items that answer each other (0), or two on one sentence or fact. */
  tenWithConflicts: number;
  tenWithSameGround: number;
  /** Every selection of kinds, both languages, a few seeds: 10-question quizzes shorter than "all" allows. */
  selectionsTried: number;
  selectionsShort: number;
  /** The review sample of the whole bank as quizzes of `FORM_SIZE`, over several seeds. */
  sample: { forms: number; largest: number; conflicts: number; sameGroundPairs: number };
  /** Items that ask, blank or swap a slot marked as a headline (0), and the slots marked. */
  headlineItems: number;
  headlineSlots: string[];
  /** Wrong main ideas offered that swap who did what to whom (trap "roles"). */
  mainIdeaRolesOffered: number;
  /** References asked, and those whose key or wrong answers do not all stand in earlier sentences. */
  references: number;
  referencesNotEarlier: number;
  /** What the false statements swap, by slot type ("exchange" for a pair traded). */
  swappedTypes: Record<string, number>;
  /** Pairs of items (a translation counted once) that share two wrong answers or more. */
  sharedDistractorPairs: string[];
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

function slotOf(facts: Facts, g: GeneratedQuestion) {
  const fact = facts.find((f) => f.id === g.meta.factId);
  return fact?.slots[g.meta.slot ?? ""];
}

export function auditGround(
  article: Article,
  facts: Facts,
  generated: readonly GeneratedQuestion[],
  discourse: Discourse | undefined,
): GroundFigures {
  const bank = generated.map((g) => g.question);
  const present = QUESTION_KINDS.filter((k) => bank.some((q) => q.kind === k));

  let tenTried = 0;
  let tenWithConflicts = 0;
  let tenWithSameGround = 0;
  for (const language of ["en", "fr"] as const) {
    const setupKinds = present.filter(
      (k) => !k.startsWith("comprehension") || k === `comprehension-${language}`,
    );
    for (const seed of SEEDS) {
      const quiz = buildQuiz(bank, { seed, count: 10, kinds: setupKinds, language });
      tenTried++;
      if (conflictingPairs(quiz).length) tenWithConflicts++;
      if (sameGroundPairs(quiz).length) tenWithSameGround++;
    }
  }

  let selectionsTried = 0;
  let selectionsShort = 0;
  for (let mask = 1; mask < 1 << present.length; mask++) {
    const kinds: QuestionKind[] = present.filter((_, i) => mask & (1 << i));
    for (const language of ["en", "fr"] as const) {
      for (const seed of SEEDS.slice(0, 2)) {
        selectionsTried++;
        const all = buildQuiz(bank, { seed, count: "all", kinds, language }).length;
        if (buildQuiz(bank, { seed, count: 10, kinds, language }).length < Math.min(10, all))
          selectionsShort++;
      }
    }
  }

  const sample = { forms: 0, largest: 0, conflicts: 0, sameGroundPairs: 0 };
  for (const seed of SEEDS.slice(0, 5)) {
    const forms = reviewForms(generated, generated.length, seed);
    sample.forms = Math.max(sample.forms, forms.length);
    for (const form of forms) {
      sample.largest = Math.max(sample.largest, form.length);
      sample.conflicts += conflictingPairs(form).length;
      sample.sameGroundPairs += sameGroundPairs(form).length;
    }
  }

  const headlineSlots = facts.flatMap((f) =>
    Object.entries(f.slots)
      .filter(([, slot]) => slot.headline)
      .map(([name]) => `${f.id}/${name}`),
  );
  const headlineItems = generated.filter((g) => {
    if (slotOf(facts, g)?.headline) return true;
    // An exchange turns on both slots of its pair.
    const fact = facts.find((f) => f.id === g.meta.factId);
    const pair = fact?.exchange?.find(([a]) => a === g.meta.slot);
    return g.meta.truth === false && pair !== undefined && pair.some((name) => fact?.slots[name]?.headline);
  }).length;

  const roles = new Set(
    (discourse?.paragraphs ?? []).flatMap((p) =>
      (p.distractors ?? []).filter((d) => d.trap === "roles").flatMap((d) => [d.en, d.fr]),
    ),
  );
  const mainIdeaRolesOffered = bank.filter(
    (q) => q.kind === "main-idea" && q.options.some((o) => roles.has(o.text)),
  ).length;

  const order = article.paragraphs.flatMap((p) => p.sentences.map((s) => s.id));
  const before = (a: string | undefined, b: string) =>
    a !== undefined && order.indexOf(a) >= 0 && order.indexOf(a) < order.indexOf(b);
  const asked = generated.filter((g) => g.question.kind === "reference" && g.question.language === "en");
  const referencesNotEarlier = asked.filter((g) => {
    const reference = discourse?.references.find((r) => `reference:${r.id}` === g.question.topicId);
    if (!reference) return true;
    const offered = reference.distractors.filter((d) => g.question.options.some((o) => o.text === d.en));
    return (
      !before(reference.antecedentSentenceId, reference.sentenceId) ||
      offered.some((d) => !before(d.sentenceId, reference.sentenceId))
    );
  }).length;

  const swappedTypes: Record<string, number> = {};
  for (const g of generated) {
    if (g.question.kind !== "true-false" || g.meta.truth !== false || g.question.language !== "fr") continue;
    const fact = facts.find((f) => f.id === g.meta.factId);
    const exchanged = fact?.exchange?.some(([a]) => a === g.meta.slot);
    const type = exchanged ? "exchange" : (g.meta.swapped?.type ?? "?");
    swappedTypes[type] = (swappedTypes[type] ?? 0) + 1;
  }

  const withWrong = new Map<string, { id: string; wrong: Set<string> }>();
  for (const g of generated) {
    const wrong = (g.meta.distractors ?? []).map((d) => normalizeForComparison(d.fr));
    if (wrong.length === 0) continue;
    const key = itemKey(g.question);
    if (!withWrong.has(key))
      withWrong.set(key, { id: `${g.question.topicId}/${g.question.kind}`, wrong: new Set(wrong) });
  }
  const items = [...withWrong.values()];
  const sharedDistractorPairs = items.flatMap((a, i) =>
    items
      .slice(i + 1)
      .filter((b) => [...a.wrong].filter((w) => b.wrong.has(w)).length >= 2)
      .map((b) => `${a.id} × ${b.id}`),
  );

  return {
    tenTried,
    tenWithConflicts,
    tenWithSameGround,
    selectionsTried,
    selectionsShort,
    sample,
    headlineItems,
    headlineSlots,
    mainIdeaRolesOffered,
    references: asked.length,
    referencesNotEarlier,
    swappedTypes,
    sharedDistractorPairs,
  };
}

/** Distinct items on each body sentence, an item counted on every sentence it stands on. */
export function groundLoad(article: Article, generated: readonly GeneratedQuestion[]): Map<string, number> {
  const load = new Map(
    article.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, 0] as [string, number])),
  );
  const seen = new Set<string>();
  for (const { question: q } of generated) {
    const key = q.kind === "true-false" ? `${q.topicId}\u0000tf` : itemKey(q);
    if (seen.has(key)) continue;
    seen.add(key);
    for (const id of sentencesOf(q).on) if (load.has(id)) load.set(id, (load.get(id) ?? 0) + 1);
  }
  return load;
}

export function formatGround(g: GroundFigures): string[] {
  const types = Object.entries(g.swappedTypes)
    .map(([type, n]) => `${type} ${n}`)
    .join(", ");
  return [
    `  10-question quizzes (setup's kinds): answering each other ${g.tenWithConflicts} of ${g.tenTried}; two on one sentence or fact ${g.tenWithSameGround} of ${g.tenTried}`,
    `  10-question quizzes shorter than their kinds allow ("all"): ${g.selectionsShort} of ${g.selectionsTried} (every selection of kinds, both languages)`,
    `  review sample of the whole bank as quizzes of ${FORM_SIZE}: ${g.sample.forms} quizzes, largest ${g.sample.largest}; answering each other ${g.sample.conflicts}, two on one sentence or fact ${g.sample.sameGroundPairs} (5 seeds)`,
    `  headlines marked: ${g.headlineSlots.length} slots; items asking, blanking or swapping one: ${g.headlineItems}`,
    `  wrong main ideas swapping who did what to whom, offered: ${g.mainIdeaRolesOffered}; references ${g.references}, with a key or wrong answer not earlier in the text: ${g.referencesNotEarlier}`,
    `  false statements swap: ${types || "nothing"}`,
    `  items sharing two wrong answers or more: ${g.sharedDistractorPairs.length ? g.sharedDistractorPairs.join("; ") : "none"}`,
  ];
}
