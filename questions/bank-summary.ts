/**
 * Figures about a bank, for `npm run questions` and the tests: how many
 * questions of each kind, which facts and sentences they cover, and how many
 * variants a fact has for "retry my mistakes".
 */
import { allSentences } from "./article";
import type { Facts } from "./fact-schema";
import { QUESTION_KINDS, type Question, type QuestionKind } from "./question-types";
import type { Article, Vocabulary } from "./schema";

export interface Spread {
  min: number;
  avg: number;
  max: number;
}

export interface BankSummary {
  slug: string;
  questions: number;
  byKind: Record<QuestionKind, { en: number; fr: number; total: number }>;
  facts: { covered: number; total: number; uncovered: string[] };
  terms: { covered: number; total: number };
  /** Questions per fact, all kinds and languages together. */
  questionsPerFact: Spread;
  /** Variants per fact, kind and language: what a retry can choose from. */
  variantsPerFactKind: Spread;
  sentences: { covered: number; total: number; uncovered: string[] };
  paragraphs: { covered: number; total: number };
}

function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { min: 0, avg: 0, max: 0 };
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    min: Math.min(...values),
    avg: Math.round((sum / values.length) * 10) / 10,
    max: Math.max(...values),
  };
}

export function summarizeBank(
  article: Article,
  facts: Facts,
  vocabulary: Vocabulary,
  bank: readonly Question[],
): BankSummary {
  const byKind = Object.fromEntries(
    QUESTION_KINDS.map((k) => [k, { en: 0, fr: 0, total: 0 }]),
  ) as BankSummary["byKind"];
  const perTopic = new Map<string, number>();
  const perGroup = new Map<string, number>();
  for (const q of bank) {
    const entry = byKind[q.kind];
    entry[q.language]++;
    entry.total++;
    perTopic.set(q.topicId, (perTopic.get(q.topicId) ?? 0) + 1);
    if (!q.topicId.startsWith("term:")) {
      const group = `${q.topicId}/${q.kind}/${q.language}`;
      perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
    }
  }
  // A fact that asks nothing (world knowledge, or values for other facts) is not missing.
  const askable = facts.filter(
    (f) => f.questions.length + f.trueFalse.length + (f.exchange ?? []).length + f.cloze.length > 0,
  ).length;
  const uncoveredFacts = facts
    .filter(
      (f) =>
        f.questions.length + f.trueFalse.length + (f.exchange ?? []).length + f.cloze.length > 0 &&
        !perTopic.has(f.id),
    )
    .map((f) => f.id);
  // A sentence is covered when some question takes its evidence there, whatever the kind.
  const coveredSentences = new Set(bank.map((q) => q.evidenceSentenceId));
  const sentenceIds = allSentences(article).map((s) => s.id);
  const paragraphsCovered = article.paragraphs.filter((p) =>
    p.sentences.some((s) => coveredSentences.has(s.id)),
  );
  return {
    slug: article.slug,
    questions: bank.length,
    byKind,
    // Facts that ask nothing (world knowledge, values for other facts) are not counted.
    facts: { covered: askable - uncoveredFacts.length, total: askable, uncovered: uncoveredFacts },
    terms: {
      covered: vocabulary.filter((t) => perTopic.has(`term:${t.id}`)).length,
      total: vocabulary.length,
    },
    questionsPerFact: spread(facts.map((f) => perTopic.get(f.id) ?? 0)),
    variantsPerFactKind: spread([...perGroup.values()]),
    sentences: {
      covered: sentenceIds.filter((id) => coveredSentences.has(id)).length,
      total: sentenceIds.length,
      uncovered: sentenceIds.filter((id) => !coveredSentences.has(id)),
    },
    paragraphs: { covered: paragraphsCovered.length, total: article.paragraphs.length },
  };
}
