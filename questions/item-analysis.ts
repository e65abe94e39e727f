/**
 * Class results for a teacher: how the class did, and how each question
 * worked. Pure functions over scored submissions; no I/O.
 */
import type { Question } from "./question-types";

/** A distractor chosen by fewer than this share of the class is not doing its job (Tarrant et al. 2009). */
export const WORKING_DISTRACTOR_SHARE = 0.05;
/** Kelley's upper and lower groups: the top and bottom 27 % of the class by score. */
export const DISCRIMINATION_GROUP_SHARE = 0.27;
/** Below this many submissions the groups hold two students or fewer: no index is given. */
export const MIN_SUBMISSIONS_FOR_DISCRIMINATION = 10;
export const HISTOGRAM_BUCKETS = 10;

export interface AnalysedAnswer {
  questionId: string;
  optionId: string | null;
  correct: boolean;
}

export interface AnalysedSubmission {
  score: number;
  percentage: number;
  answers: readonly AnalysedAnswer[];
}

export type AnalysedQuestion = Pick<Question, "id" | "kind" | "prompt" | "options" | "answerId">;

export interface HistogramBucket {
  /** Lower bound in percent, included. */
  from: number;
  /** Upper bound in percent: excluded, except 100 in the last bucket. */
  to: number;
  count: number;
}

export interface ClassSummary {
  submissionCount: number;
  /** Null until someone has submitted: there is no mean of nothing. */
  meanScore: number | null;
  medianScore: number | null;
  meanPercentage: number | null;
  medianPercentage: number | null;
  histogram: HistogramBucket[];
}

export interface OptionAnalysis {
  id: string;
  text: string;
  isKey: boolean;
  /** How many students chose this option. */
  count: number;
  /** Share of the class that chose it, in percent (one decimal). */
  percent: number;
  /**
   * Share of the upper group that chose this option minus share of the lower
   * group, from −1 to 1; null for a class too small to split. For the key it
   * is the item's discrimination; a working distractor has a negative one.
   */
  discrimination: number | null;
  /**
   * A weak distractor: fewer than 5 % chose it, or the upper group chose it
   * more often than the lower one (Tarrant et al. 2009). Always false for the
   * key. The field keeps its first name for the API's sake.
   */
  notWorking: boolean;
  /** Why it is weak: rarely chosen, or chosen more by stronger students. */
  weakReasons: WeakReason[];
}

export type WeakReason = "rarely-chosen" | "chosen-by-stronger";

export interface ItemAnalysis {
  questionId: string;
  /** 1-based place in the assignment, as students saw it. */
  position: number;
  kind: Question["kind"];
  prompt: string;
  answerId: string;
  /** Submissions counted: everyone, whether or not they answered this one. */
  responses: number;
  correctCount: number;
  /** Null when nobody has submitted. */
  percentCorrect: number | null;
  /** Submissions with no option chosen for this question. */
  skipped: number;
  /**
   * Upper–lower discrimination index (Kelley's 27 % groups by total score):
   * share correct in the upper group minus share correct in the lower one,
   * from −1 to 1. Null below 10 submissions.
   */
  discrimination: number | null;
  /** The lower group did better than the upper one: the key may be wrong or the item misleading. */
  negativeDiscrimination: boolean;
  /** In the order students saw them. */
  options: OptionAnalysis[];
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Indices (into `submissions`) of the upper and lower 27 % by percentage;
 * ties keep submission order, so the split is the same on every run.
 */
export function discriminationGroups(
  submissions: readonly AnalysedSubmission[],
): { upper: number[]; lower: number[] } | null {
  if (submissions.length < MIN_SUBMISSIONS_FOR_DISCRIMINATION) return null;
  const size = Math.max(1, Math.round(submissions.length * DISCRIMINATION_GROUP_SHARE));
  const order = submissions
    .map((s, index) => ({ index, percentage: s.percentage }))
    .sort((a, b) => b.percentage - a.percentage || a.index - b.index)
    .map((s) => s.index);
  return { upper: order.slice(0, size), lower: order.slice(-size) };
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return round1(values.reduce((sum, v) => sum + v, 0) / values.length);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  if (sorted.length % 2 === 1) return round1(upper);
  const lower = sorted[middle - 1] ?? upper;
  return round1((lower + upper) / 2);
}

/** Ten buckets of 10 %: 0–10, 10–20 … 90–100, a perfect score in the last one. */
export function histogram(percentages: readonly number[]): HistogramBucket[] {
  const width = 100 / HISTOGRAM_BUCKETS;
  const buckets = Array.from({ length: HISTOGRAM_BUCKETS }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width,
    count: 0,
  }));
  for (const percentage of percentages) {
    const index = Math.min(HISTOGRAM_BUCKETS - 1, Math.max(0, Math.floor(percentage / width)));
    const bucket = buckets[index];
    if (bucket) bucket.count += 1;
  }
  return buckets;
}

export function summariseClass(submissions: readonly AnalysedSubmission[]): ClassSummary {
  const scores = submissions.map((s) => s.score);
  const percentages = submissions.map((s) => s.percentage);
  return {
    submissionCount: submissions.length,
    meanScore: mean(scores),
    medianScore: median(scores),
    meanPercentage: mean(percentages),
    medianPercentage: median(percentages),
    histogram: histogram(percentages),
  };
}

/**
 * Per question: share correct, the upper–lower discrimination index, how
 * many chose each option, and weak distractors flagged (fewer than 5 % chose
 * them, or stronger students chose them more). Most-missed first, so the teacher's eye lands
 * on what to go over in class; ties keep the assignment's order.
 */
export function analyseItems(
  questions: readonly AnalysedQuestion[],
  submissions: readonly AnalysedSubmission[],
): ItemAnalysis[] {
  const responses = submissions.length;
  // First answer per question wins, as in scoring.
  const answerMaps = submissions.map((submission) => {
    const byQuestion = new Map<string, AnalysedAnswer>();
    for (const answer of submission.answers) {
      if (!byQuestion.has(answer.questionId)) byQuestion.set(answer.questionId, answer);
    }
    return byQuestion;
  });
  const groups = discriminationGroups(submissions);
  const shareIn = (members: readonly number[], questionId: string, test: (a: AnalysedAnswer) => boolean) =>
    members.filter((i) => {
      const answer = answerMaps[i]?.get(questionId);
      return answer !== undefined && test(answer);
    }).length / Math.max(1, members.length);
  const discriminationOf = (questionId: string, test: (a: AnalysedAnswer) => boolean): number | null =>
    groups ? round2(shareIn(groups.upper, questionId, test) - shareIn(groups.lower, questionId, test)) : null;

  const items = questions.map((question, index): ItemAnalysis => {
    const counts = new Map<string, number>(question.options.map((o) => [o.id, 0]));
    let correctCount = 0;
    let skipped = 0;
    for (const answers of answerMaps) {
      const answer = answers.get(question.id);
      if (answer?.correct) correctCount += 1;
      if (!answer || answer.optionId === null) {
        skipped += 1;
      } else {
        const count = counts.get(answer.optionId);
        if (count !== undefined) counts.set(answer.optionId, count + 1);
      }
    }
    const itemDiscrimination = discriminationOf(question.id, (a) => a.correct);
    return {
      questionId: question.id,
      position: index + 1,
      kind: question.kind,
      prompt: question.prompt,
      answerId: question.answerId,
      responses,
      correctCount,
      percentCorrect: responses ? round1((correctCount / responses) * 100) : null,
      skipped,
      discrimination: itemDiscrimination,
      negativeDiscrimination: itemDiscrimination !== null && itemDiscrimination < 0,
      options: question.options.map((option) => {
        const count = counts.get(option.id) ?? 0;
        const isKey = option.id === question.answerId;
        const discrimination = discriminationOf(question.id, (a) => a.optionId === option.id);
        const weakReasons: WeakReason[] = [];
        if (!isKey && responses > 0) {
          if (count / responses < WORKING_DISTRACTOR_SHARE) weakReasons.push("rarely-chosen");
          if (discrimination !== null && discrimination > 0) weakReasons.push("chosen-by-stronger");
        }
        return {
          id: option.id,
          text: option.text,
          isKey,
          count,
          percent: responses ? round1((count / responses) * 100) : 0,
          discrimination,
          notWorking: weakReasons.length > 0,
          weakReasons,
        };
      }),
    };
  });
  return items.sort((a, b) => (a.percentCorrect ?? 0) - (b.percentCorrect ?? 0) || a.position - b.position);
}
