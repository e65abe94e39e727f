import "server-only";
import type { AssignmentSummary, ReviewItem, StudentView, SubmissionResponse } from "@/app/api/contract";
import { analyseItems, summariseClass } from "@/questions/item-analysis";
import type { CefrLevel } from "@/questions/levels";
import { toPublicQuestion, type Question } from "@/questions/question-types";
import { analyseTopics, type TopicAnalysis } from "@/questions/topic-analysis";
import type { StoredAssignment, StoredSubmission } from "../db";
import { isAtEveryLevel, ownVersion, versionsOf, type AssignmentVersion } from "./versions";

/**
 * What each audience may see of a stored assignment: the student's view
 * (public questions only), the response to a submission (the answers only
 * when they may be shown), and the teacher's results.
 */

export function isClosed(assignment: Pick<StoredAssignment, "dueAt">, now: Date): boolean {
  return assignment.dueAt !== null && now.getTime() > Date.parse(assignment.dueAt);
}

/** Practice shows the answers at once; a test only once nobody can submit any more. */
function reviewVisible(assignment: StoredAssignment, now: Date): boolean {
  return assignment.mode === "practice" || isClosed(assignment, now);
}

function summarise(assignment: StoredAssignment, version: AssignmentVersion, now: Date): AssignmentSummary {
  return {
    id: assignment.id,
    title: assignment.title,
    language: assignment.language,
    mode: assignment.mode,
    helpsAllowed: assignment.helpsAllowed,
    dueAt: assignment.dueAt,
    maxAttempts: assignment.maxAttempts,
    closed: isClosed(assignment, now),
    questionCount: version.questions.length,
  };
}

/** The levels a student may choose; none unless the assignment is at every level. */
function offeredLevels(assignment: StoredAssignment) {
  if (!isAtEveryLevel(assignment)) return [];
  return versionsOf(assignment).flatMap((v) =>
    v.level === null
      ? []
      : [{ level: v.level, articleSlug: v.articleSlug, questionCount: v.questions.length }],
  );
}

export function studentView(
  assignment: StoredAssignment,
  version: AssignmentVersion,
  now: Date,
): StudentView {
  return {
    ...summarise(assignment, version, now),
    articleSlug: version.articleSlug,
    // Only the assignment's own article can be a studio article: families are the repository's.
    articleVersion: version.articleSlug === assignment.articleSlug ? assignment.articleVersion : null,
    level: version.level,
    levels: offeredLevels(assignment),
    questions: version.questions.map((q) => toPublicQuestion(q, { hints: assignment.helpsAllowed })),
  };
}

export function submissionResponse(
  assignment: StoredAssignment,
  version: AssignmentVersion,
  submission: StoredSubmission,
  now: Date,
): SubmissionResponse {
  const body: SubmissionResponse = {
    attemptId: submission.attemptId,
    score: submission.score,
    maxScore: submission.maxScore,
    percentage: submission.percentage,
    correctCount: submission.correctCount,
    helpsUsed: submission.helpsUsed,
    submittedAt: submission.submittedAt,
  };
  if (reviewVisible(assignment, now)) {
    const answers = new Map(submission.answers.map((a) => [a.questionId, a]));
    body.review = version.questions.map((question): ReviewItem => {
      const answer = answers.get(question.id);
      return {
        questionId: question.id,
        chosen: answer?.optionId ?? null,
        answerId: question.answerId,
        correct: answer?.correct ?? false,
        explanation: question.explanation,
      };
    });
  }
  return body;
}

/** One question's item analysis, with the level it was asked at and its explanation. */
export type AnalysedItem = ReturnType<typeof analyseItems>[number] & {
  level: CefrLevel | null;
  explanation: Question["explanation"];
};

export interface TeacherResults {
  assignment: AssignmentSummary & {
    kinds: StoredAssignment["kinds"];
    requestedCount: number;
    createdAt: string;
    articleSlug: string;
    /** The level of the article the teacher chose; null for assignments made before levels. */
    level: CefrLevel | null;
    /** At every level: each level with its article and question count, easiest first; empty otherwise. */
    levels: { level: CefrLevel; articleSlug: string; questionCount: number }[];
  };
  /** The whole class, every level together. */
  summary: ReturnType<typeof summariseClass>;
  /** At every level: each level's own summary, easiest first; empty otherwise. */
  levelSummaries: ({ level: CefrLevel } & ReturnType<typeof summariseClass>)[];
  submissions: {
    attemptId: string;
    name: string;
    /** The level the student took; null before levels were recorded. */
    level: CefrLevel | null;
    score: number;
    maxScore: number;
    percentage: number;
    correctCount: number;
    helpsUsed: number;
    totalMs: number;
    submittedAt: string;
    answers: StoredSubmission["answers"];
  }[];
  /** Item analysis of every question of every level, level by level (easiest first), most-missed first within one. */
  questions: AnalysedItem[];
  /**
   * At every level: the item analysis per fact across levels, each fact's
   * questions at every level pooled, with each level's figure; most-missed
   * first. Empty for an assignment at one level.
   */
  topics: TopicAnalysis<CefrLevel>[];
}

/** The submissions made at `version`'s level (before levels were recorded, all of them were). */
function takenAt(
  version: AssignmentVersion,
  submissions: StoredSubmission[],
  own: boolean,
): StoredSubmission[] {
  return submissions.filter((s) => s.level === version.level || (s.level === null && own));
}

export function teacherResults(
  assignment: StoredAssignment,
  submissions: StoredSubmission[],
  now: Date,
): TeacherResults {
  const versions = versionsOf(assignment);
  const own = (v: AssignmentVersion) => v.articleSlug === assignment.articleSlug;
  const everyLevel = isAtEveryLevel(assignment);
  const levelled = versions.flatMap((v) => (v.level === null ? [] : [{ ...v, level: v.level }]));
  return {
    assignment: {
      ...summarise(assignment, ownVersion(assignment), now),
      kinds: assignment.kinds,
      requestedCount: assignment.requestedCount,
      createdAt: assignment.createdAt,
      articleSlug: assignment.articleSlug,
      level: assignment.level,
      levels: everyLevel
        ? levelled.map((v) => ({
            level: v.level,
            articleSlug: v.articleSlug,
            questionCount: v.questions.length,
          }))
        : [],
    },
    summary: summariseClass(submissions),
    levelSummaries: everyLevel
      ? levelled.map((v) => ({ level: v.level, ...summariseClass(takenAt(v, submissions, own(v))) }))
      : [],
    submissions: submissions.map((s) => ({
      attemptId: s.attemptId,
      name: s.name,
      level: s.level,
      score: s.score,
      maxScore: s.maxScore,
      percentage: s.percentage,
      correctCount: s.correctCount,
      helpsUsed: s.helpsUsed,
      totalMs: s.totalMs,
      submittedAt: s.submittedAt,
      answers: s.answers,
    })),
    questions: versions.flatMap((version) => {
      const explanations = new Map(version.questions.map((q) => [q.id, q.explanation]));
      return analyseItems(version.questions, takenAt(version, submissions, own(version))).map((item) => ({
        ...item,
        level: version.level,
        explanation: explanations.get(item.questionId) ?? { en: "", fr: "" },
      }));
    }),
    topics: everyLevel
      ? analyseTopics(
          levelled,
          submissions.flatMap((s) => (s.level === null ? [] : [{ ...s, level: s.level }])),
        )
      : [],
  };
}
