/**
 * Builds the whole question bank of one article from its fact base and its
 * vocabulary. Pure and deterministic: no I/O, no clock, no Math.random; the
 * same content always gives the same questions, ids and option order.
 */
import { allSentences } from "./article";
import { CEFR_LEVELS } from "./levels";
import { promptText } from "./french";
import { typographicApostrophes } from "./typography";
import type { ExportedQuestion, Question, QuestionKind, QuestionLanguage } from "./question-types";
import { knownNames } from "./names";
import { normalizeForComparison } from "./normalize";
import { createRandom, hashString, shuffle } from "./random";
import { clozeDrafts } from "./generators/cloze";
import { comprehensionDrafts } from "./generators/comprehension";
import { buildPools, DistractorUsage } from "./generators/distractors";
import { feasibleWith, planForms } from "./generators/forms";
import { trueFalseDrafts } from "./generators/true-false";
import {
  anchorOf,
  type ArticleContent,
  type GeneratedQuestion,
  type GenerationContext,
  type QuestionDraft,
} from "./generators/types";
import { vocabularyDrafts } from "./generators/vocabulary";
import { connectorDrafts, mainIdeaDrafts, referenceDrafts } from "./generators/discourse";

export type { ArticleContent, GeneratedQuestion, QuestionMeta } from "./generators/types";

const OPTION_IDS = ["a", "b", "c", "d"] as const;

export function createContext(content: ArticleContent): GenerationContext {
  const pools = buildPools(content.facts, content.outsiders);
  return {
    content,
    pools,
    sentences: new Map(allSentences(content.article).map((s) => [s.id, s])),
    names: knownNames(content.facts, content.outsiders),
    forms: planForms(content.facts, feasibleWith(pools)),
    usage: new DistractorUsage(),
  };
}

/**
 * A question's id: the article, the topic (fact or term), the kind, the
 * language and the variant. Readable in teachers' exports, and the same on
 * every run as long as the fact's data is unchanged.
 */
export function questionId(
  slug: string,
  topicId: string,
  kind: QuestionKind,
  language: QuestionLanguage,
  variant: number,
): string {
  return `${slug}/${topicId}/${kind}/${language}/${variant}`;
}

/**
 * Same stem, passage and key once normalised: the same question for a
 * learner, whatever its wrong answers (the review's DUPLICATE). Across
 * languages an item is a translation, not a duplicate: a quiz asks in one.
 */
function signature(draft: QuestionDraft): string {
  const key = draft.options[draft.answer] ?? "";
  return [draft.language, draft.stem, draft.passage ?? "", key].map(normalizeForComparison).join("\u0000");
}

/**
 * Places the key. Within one language and number of options the key walks
 * through the positions from a hashed start, so positions are evenly
 * spread over the bank and in any filtered part of it, and the position of a
 * given question never changes from run to run. The distractors are shuffled
 * by the id.
 */
function arrange(
  draft: QuestionDraft,
  id: string,
  slot: number,
): { options: Question["options"]; answerId: string } {
  const key = draft.options[draft.answer] ?? "";
  let texts: string[];
  if (draft.fixedOrder) {
    texts = draft.options;
  } else {
    const others = shuffle(
      draft.options.filter((_, i) => i !== draft.answer),
      createRandom(id),
    );
    const position = slot % draft.options.length;
    texts = [...others.slice(0, position), key, ...others.slice(position)];
  }
  const options = texts.map((text, i) => ({ id: OPTION_IDS[i] ?? `o${i}`, text }));
  const answer = draft.fixedOrder ? draft.answer : texts.indexOf(key);
  return { options, answerId: options[answer]?.id ?? "a" };
}

function drafts(context: GenerationContext): QuestionDraft[] {
  const { facts, vocabulary, discourse } = context.content;
  return [
    ...facts.flatMap((fact) => [
      ...comprehensionDrafts(context, fact),
      ...trueFalseDrafts(context, fact),
      ...clozeDrafts(context, fact),
    ]),
    ...vocabulary.flatMap((term) => vocabularyDrafts(context, term)),
    ...(discourse?.paragraphs ?? []).flatMap((gist) => mainIdeaDrafts(context, gist)),
    ...(discourse?.references ?? []).flatMap((reference) => referenceDrafts(context, reference)),
    ...(discourse?.connectors ?? []).flatMap((connector) => connectorDrafts(context, connector)),
  ];
}

/** Every draft once: a second one with the same stem, passage and key is dropped. */
function uniqueDrafts(context: GenerationContext): QuestionDraft[] {
  const seen = new Set<string>();
  return drafts(context).filter((draft) => {
    const sig = signature(draft);
    if (seen.has(sig)) return false;
    seen.add(sig);
    return true;
  });
}

/**
 * No sentence carries more than twice the mean number of items (each item
 * counted on the sentence it is about, `anchorOf`): a quiz drawn
 * from the bank then covers the whole text, not the one sentence that holds
 * the most slots. Items are dropped from the heaviest sentence, the topic
 * with the most items there first, its last variant first, until the rule
 * holds; every topic keeps at least one item in each language, and true/false
 * statements are never split from their pair.
 */
export const MAX_ITEMS_PER_SENTENCE_RATIO = 2;

function spread(items: QuestionDraft[], sentenceCount: number): QuestionDraft[] {
  const kept = [...items];
  for (;;) {
    const perSentence = new Map<string, QuestionDraft[]>();
    for (const item of kept) {
      const list = perSentence.get(anchorOf(item)) ?? [];
      list.push(item);
      perSentence.set(anchorOf(item), list);
    }
    const cap = (MAX_ITEMS_PER_SENTENCE_RATIO * kept.length) / Math.max(1, sentenceCount);
    const heaviest = [...perSentence.values()].sort((a, b) => b.length - a.length)[0];
    if (!heaviest || heaviest.length <= cap) return kept;
    const perGroup = new Map<string, QuestionDraft[]>();
    // True/false keeps its pairs: a topic left with only its true statement would always be "True".
    for (const item of heaviest.filter((i) => i.kind !== "true-false")) {
      const group = `${item.topicId}/${item.language}`;
      perGroup.set(group, [...(perGroup.get(group) ?? []), item]);
    }
    const biggest = [...perGroup.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    const victim = biggest.length > 1 ? biggest[biggest.length - 1] : undefined;
    if (!victim) return kept;
    kept.splice(kept.indexOf(victim), 1);
  }
}

/**
 * No sentence bears more distinct items than a quarter over the mean (an
 * item counted once whatever its language or side, on every sentence it is
 * about or shows, a main idea on its whole paragraph, and on every sentence
 * whose sight answers it). A quiz keeps apart two items on one sentence while
 * it can, and a review sample of quizzes of ten can only do so when no
 * sentence is asked much more than the others. A heavy sentence sheds
 * vocabulary, the easiest first: a word without a false friend among its
 * options before one with, a lower level before a higher. Facts, text-level
 * items and the other sentences keep all they have.
 */
export const MAX_LOAD_OVER_MEAN = 1.25;

function balanceLoad(items: QuestionDraft[], context: GenerationContext): QuestionDraft[] {
  const levelOf = new Map(context.content.vocabulary.map((t) => [t.id, CEFR_LEVELS.indexOf(t.level)]));
  const itemOf = (d: QuestionDraft) => `${d.topicId}\u0000${d.kind}\u0000${d.evidenceSentenceId}`;
  const bodySentences = [...context.sentences.keys()].filter((id) => id !== "title").length;
  const loadsOf = (drafts: readonly QuestionDraft[]) => {
    const onSentence = new Map<string, Set<string>>();
    for (const d of drafts)
      for (const id of new Set([...d.sentences.on, ...d.sentences.answeredBy]))
        onSentence.set(id, (onSentence.get(id) ?? new Set()).add(itemOf(d)));
    return onSentence;
  };
  // The cap is set once, on the whole bank: recomputed after each shed item, it fell with the mean and
  // made one shed item cost several (stopping one B1 word shed four others in round 10).
  const total = [...loadsOf(items).values()].reduce((sum, set) => sum + set.size, 0);
  const cap = Math.ceil((MAX_LOAD_OVER_MEAN * total) / Math.max(1, bodySentences));
  let kept = [...items];
  for (;;) {
    const onSentence = loadsOf(kept);
    const heavy = [...onSentence].filter(([, set]) => set.size > cap).sort((a, b) => b[1].size - a[1].size);
    const shed = heavy
      .map(
        ([sentenceId]) =>
          kept
            .filter((d) => d.kind === "vocabulary" && d.sentences.on.includes(sentenceId))
            .sort(
              (a, b) =>
                Number(a.meta.falseFriendShown ?? false) - Number(b.meta.falseFriendShown ?? false) ||
                (levelOf.get(a.meta.termId ?? "") ?? 0) - (levelOf.get(b.meta.termId ?? "") ?? 0) ||
                a.topicId.localeCompare(b.topicId),
            )[0],
      )
      .find((d) => d !== undefined);
    if (!shed) return kept;
    const victim = itemOf(shed);
    kept = kept.filter((d) => itemOf(d) !== victim);
  }
}

/** The vocabulary topics a heavy sentence sheds (`balanceLoad`): worth asking, yet left out. */
export function shedVocabulary(content: ArticleContent): string[] {
  const context = createContext(content);
  const all = uniqueDrafts(context);
  const kept = new Set(balanceLoad(all, context).map((d) => d.topicId));
  // A term asked in two sentences is shed only when both of its items are.
  return [
    ...new Set(all.filter((d) => d.kind === "vocabulary" && !kept.has(d.topicId)).map((d) => d.topicId)),
  ];
}

/** The bank with how each question was made (kept out of the public question). */
export function generateQuestionBank(content: ArticleContent): GeneratedQuestion[] {
  const context = createContext(content);
  const slug = content.article.slug;
  const variants = new Map<string, number>();
  const slots = new Map<string, number>();
  const out: GeneratedQuestion[] = [];
  for (const draft of spread(balanceLoad(uniqueDrafts(context), context), context.sentences.size)) {
    const group = `${draft.topicId}/${draft.kind}/${draft.language}`;

    const variant = variants.get(group) ?? 0;
    variants.set(group, variant + 1);
    // One walk through the positions per language and number of options: even over the bank.
    const slotGroup = `${draft.language}/${draft.options.length}`;
    const slot = slots.get(slotGroup) ?? hashString(slotGroup);
    slots.set(slotGroup, slot + 1);

    const id = questionId(slug, draft.topicId, draft.kind, draft.language, variant);
    const { options, answerId } = arrange(draft, id, slot);
    const stem = typographicApostrophes(draft.stem);
    const passage = draft.passage === undefined ? undefined : typographicApostrophes(draft.passage);
    const question: Question = {
      id,
      kind: draft.kind,
      topicId: draft.topicId,
      variant,
      language: draft.language,
      prompt: promptText(stem, passage),
      stem,
      ...(passage ? { passage } : {}),
      stemEn: typographicApostrophes(draft.stemEn),
      options: options.map((o) => ({ ...o, text: typographicApostrophes(o.text) })),
      optionsLanguage: draft.optionsLanguage,
      answerId,
      // Support and target stay as the article writes them: they are found in its sentences.
      support: draft.support,
      ...(draft.target ? { target: draft.target } : {}),
      evidenceSentenceId: draft.evidenceSentenceId,
      sentences: draft.sentences,
      explanation: {
        en: typographicApostrophes(draft.explanation.en),
        fr: typographicApostrophes(draft.explanation.fr),
      },
      difficulty: draft.difficulty,
    };
    out.push({ question, meta: draft.meta });
  }
  return out;
}

/** Every question of an article: all kinds, all variants, both languages where a kind has two. */
export function buildQuestionBank(content: ArticleContent): Question[] {
  return generateQuestionBank(content).map((generated) => generated.question);
}

/**
 * The exported form of a question (`npm run -s questions -- --json`), keys in
 * the order teachers' exports and the assignment API read them.
 */
export function toExportedQuestion(q: Question): ExportedQuestion {
  return {
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    options: q.options.map((o) => ({ id: o.id, text: o.text })),
    answerId: q.answerId,
    evidenceSentenceId: q.evidenceSentenceId,
    explanation: { en: q.explanation.en, fr: q.explanation.fr },
    difficulty: q.difficulty,
  };
}
