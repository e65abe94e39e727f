/**
 * Scoring of a quiz attempt: pure, no React, no I/O. The same function scores
 * the learner's screen and, on the server, an assignment submission — the
 * server never trusts a score sent by the client, only the answers.
 */
import type { Question, QuestionKind } from "./question-types";

/** One answer as the client records it and as a submission carries it. */
export interface AnswerRecord {
  questionId: string;
  /** `null`: the question was shown but not answered (the attempt ended early). */
  optionId: string | null;
  /** Whether any help (English of the evidence sentence or of the question) was revealed. */
  helpUsed: boolean;
  /** Time on the question, from timestamps; negative or non-finite values count as 0. */
  ms: number;
}

export type Points = 0 | 0.5 | 1;

export interface QuestionResult {
  questionId: string;
  optionId: string | null;
  correct: boolean;
  helpUsed: boolean;
  points: Points;
  ms: number;
}

export interface KindScore {
  score: number;
  max: number;
  correct: number;
  count: number;
}

export interface QuizScore {
  score: number;
  maxScore: number;
  /** 0–100, rounded to one decimal (2.5 / 3 → 83.3); 0 for an empty quiz. */
  percentage: number;
  correctCount: number;
  /** Questions on which help was revealed, answered or not. */
  helpsUsed: number;
  /** Longest run of consecutive correct answers, with or without help, in quiz order. */
  bestStreak: number;
  /** Sum of `ms` over the scored questions. */
  totalMs: number;
  /**
   * Every kind is present, with zeros when the quiz has none of it, so the
   * record is total and callers filter on `count > 0` to display a breakdown.
   */
  byKind: Record<QuestionKind, KindScore>;
  /** One entry per question, in quiz order. */
  perQuestion: QuestionResult[];
}

export const POINTS_CORRECT = 1;
export const POINTS_CORRECT_WITH_HELP = 0.5;

function emptyByKind(): Record<QuestionKind, KindScore> {
  // Spelled out rather than built from QUESTION_KINDS so that a new kind is a
  // compile error here instead of a missing key at run time.
  const zero = (): KindScore => ({ score: 0, max: 0, correct: 0, count: 0 });
  return {
    "comprehension-en": zero(),
    "comprehension-fr": zero(),
    vocabulary: zero(),
    "true-false": zero(),
    cloze: zero(),
    "main-idea": zero(),
    reference: zero(),
    connector: zero(),
  };
}

function cleanMs(ms: number): number {
  // The client's clock can jump backwards and a submission can carry anything.
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : 0;
}

/** Rounds to one decimal place: enough to tell 83.3 % from 83.4 %, no float noise. */
function toPercentage(score: number, maxScore: number): number {
  if (maxScore <= 0) return 0;
  return Math.round((score / maxScore) * 1000) / 10;
}

/**
 * Scores `answers` against `questions`, in the order of `questions`.
 * - 1 point for the right option without help, ½ with help, 0 otherwise.
 * - An answer for an id not in `questions` is ignored; a question with no
 *   answer counts as unanswered (0 points, breaks the streak).
 * - If a question has several answers, the first one counts: a submission
 *   cannot try options until one is right.
 */
export function scoreAnswers(questions: readonly Question[], answers: readonly AnswerRecord[]): QuizScore {
  const byId = new Map<string, AnswerRecord>();
  for (const answer of answers) {
    if (!byId.has(answer.questionId)) byId.set(answer.questionId, answer);
  }

  const byKind = emptyByKind();
  const perQuestion: QuestionResult[] = [];
  let score = 0;
  let correctCount = 0;
  let helpsUsed = 0;
  let streak = 0;
  let bestStreak = 0;
  let totalMs = 0;

  for (const question of questions) {
    const answer = byId.get(question.id);
    const optionId = answer?.optionId ?? null;
    const helpUsed = answer?.helpUsed ?? false;
    const ms = answer ? cleanMs(answer.ms) : 0;
    const correct = optionId !== null && optionId === question.answerId;
    const points: Points = !correct ? 0 : helpUsed ? POINTS_CORRECT_WITH_HELP : POINTS_CORRECT;

    score += points;
    totalMs += ms;
    if (helpUsed) helpsUsed += 1;
    if (correct) {
      correctCount += 1;
      streak += 1;
      bestStreak = Math.max(bestStreak, streak);
    } else {
      streak = 0;
    }

    const kind = byKind[question.kind];
    kind.score += points;
    kind.max += 1;
    kind.count += 1;
    if (correct) kind.correct += 1;

    perQuestion.push({ questionId: question.id, optionId, correct, helpUsed, points, ms });
  }

  const maxScore = questions.length;
  return {
    score,
    maxScore,
    percentage: toPercentage(score, maxScore),
    correctCount,
    helpsUsed,
    bestStreak,
    totalMs,
    byKind,
    perQuestion,
  };
}

export const SCORE_BANDS = ["excellent", "good", "fair", "keep-practising"] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** ≥ 90 excellent, ≥ 70 good, ≥ 50 fair, below: keep practising. */
export function scoreBand(percentage: number): ScoreBand {
  if (percentage >= 90) return "excellent";
  if (percentage >= 70) return "good";
  if (percentage >= 50) return "fair";
  return "keep-practising";
}
