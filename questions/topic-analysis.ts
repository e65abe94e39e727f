/**
 * Item analysis per fact across levels. When a class takes one article at
 * several levels, each level has its own questions, but levels share their
 * fact ids (see `families.ts`), so the questions about one fact (its topic)
 * can be pooled: how the whole class did on that fact, and how each level
 * did. Pure functions over scored submissions, like `item-analysis.ts`.
 */
import { discriminationGroups, type AnalysedAnswer } from "./item-analysis";
import type { Question } from "./question-types";

export interface LevelQuestions<L extends string = string> {
  level: L;
  questions: readonly Pick<Question, "id" | "topicId" | "kind" | "prompt">[];
}

export interface LevelSubmission<L extends string = string> {
  level: L;
  score: number;
  percentage: number;
  answers: readonly AnalysedAnswer[];
}

export interface TopicLevelFigure<L extends string = string> {
  level: L;
  questionId: string;
  kind: Question["kind"];
  prompt: string;
  /** Students of this level, whether or not they answered. */
  responses: number;
  correctCount: number;
  /** Null while nobody at this level has submitted. */
  percentCorrect: number | null;
}

export interface TopicAnalysis<L extends string = string> {
  /** The fact id, `term:…`, `paragraph:…`: the same at every level that asks it. */
  topicId: string;
  /** How the topic is asked at the first level that asks it (levels in the order given). */
  kind: Question["kind"];
  prompt: string;
  /** Students of every level that asks this topic. */
  responses: number;
  correctCount: number;
  percentCorrect: number | null;
  /**
   * Upper–lower discrimination over the whole class (Kelley's 27 % groups by
   * percentage), counting each student on their own level's question; null
   * below 10 submissions or when no member of a group was asked the topic.
   */
  discrimination: number | null;
  negativeDiscrimination: boolean;
  /** One figure per level that asks the topic, in the order the levels were given. */
  levels: TopicLevelFigure<L>[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

/** The first answer to each question, as scoring counts it. */
function firstAnswers(answers: readonly AnalysedAnswer[]): Map<string, AnalysedAnswer> {
  const byQuestion = new Map<string, AnalysedAnswer>();
  for (const answer of answers)
    if (!byQuestion.has(answer.questionId)) byQuestion.set(answer.questionId, answer);
  return byQuestion;
}

/**
 * Every topic asked at any level, most-missed first (ties keep the order in
 * which topics first appear, level by level). A topic asked twice at one
 * level is counted on its first question there.
 */
export function analyseTopics<L extends string>(
  levels: readonly LevelQuestions<L>[],
  submissions: readonly LevelSubmission<L>[],
): TopicAnalysis<L>[] {
  const answers = submissions.map((s) => firstAnswers(s.answers));
  const questionOf = new Map<string, Map<L, LevelQuestions<L>["questions"][number]>>();
  for (const { level, questions } of levels) {
    for (const question of questions) {
      const byLevel = questionOf.get(question.topicId) ?? new Map();
      if (!byLevel.has(level)) byLevel.set(level, question);
      questionOf.set(question.topicId, byLevel);
    }
  }
  const groups = discriminationGroups(submissions);
  /** Whether submission i got this topic right, or undefined when its level does not ask it. */
  const correctOn = (i: number, byLevel: Map<L, { id: string }>): boolean | undefined => {
    const submission = submissions[i];
    const question = submission ? byLevel.get(submission.level) : undefined;
    return question ? answers[i]?.get(question.id)?.correct === true : undefined;
  };
  const shareIn = (members: readonly number[], byLevel: Map<L, { id: string }>): number | null => {
    const asked = members.map((i) => correctOn(i, byLevel)).filter((c) => c !== undefined);
    return asked.length ? asked.filter(Boolean).length / asked.length : null;
  };

  const topics = [...questionOf].map(([topicId, byLevel]): TopicAnalysis<L> => {
    const figures = levels.flatMap(({ level }): TopicLevelFigure<L>[] => {
      const question = byLevel.get(level);
      if (!question) return [];
      const taken = submissions.flatMap((s, i) => (s.level === level ? [i] : []));
      const correctCount = taken.filter((i) => answers[i]?.get(question.id)?.correct === true).length;
      return [
        {
          level,
          questionId: question.id,
          kind: question.kind,
          prompt: question.prompt,
          responses: taken.length,
          correctCount,
          percentCorrect: taken.length ? round1((correctCount / taken.length) * 100) : null,
        },
      ];
    });
    const responses = figures.reduce((n, f) => n + f.responses, 0);
    const correctCount = figures.reduce((n, f) => n + f.correctCount, 0);
    const upper = groups ? shareIn(groups.upper, byLevel) : null;
    const lower = groups ? shareIn(groups.lower, byLevel) : null;
    const discrimination = upper !== null && lower !== null ? round2(upper - lower) : null;
    const first = figures[0];
    return {
      topicId,
      kind: first?.kind ?? "comprehension-en",
      prompt: first?.prompt ?? "",
      responses,
      correctCount,
      percentCorrect: responses ? round1((correctCount / responses) * 100) : null,
      discrimination,
      negativeDiscrimination: discrimination !== null && discrimination < 0,
      levels: figures,
    };
  });
  // Array.sort is stable: ties keep the order in which topics first appear.
  return topics.sort((a, b) => (a.percentCorrect ?? 0) - (b.percentCorrect ?? 0));
}
