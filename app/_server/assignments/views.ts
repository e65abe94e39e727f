import "server-only";
import type { AssignmentSummary, ReviewItem, StudentView, SubmissionResponse } from "@/app/api/contract";
import { analyseItems, summariseClass } from "@/questions/item-analysis";
import { toPublicQuestion, type Question } from "@/questions/question-types";
import type { StoredAssignment, StoredSubmission } from "../db";

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

function summarise(assignment: StoredAssignment, now: Date): AssignmentSummary {
  return {
    id: assignment.id,
    title: assignment.title,
    language: assignment.language,
    mode: assignment.mode,
    helpsAllowed: assignment.helpsAllowed,
    dueAt: assignment.dueAt,
    maxAttempts: assignment.maxAttempts,
    closed: isClosed(assignment, now),
    questionCount: assignment.questions.length,
  };
}

export function studentView(assignment: StoredAssignment, now: Date): StudentView {
  return {
    ...summarise(assignment, now),
    questions: assignment.questions.map((q) => toPublicQuestion(q, { hints: assignment.helpsAllowed })),
  };
}

export function submissionResponse(
  assignment: StoredAssignment,
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
    body.review = assignment.questions.map((question): ReviewItem => {
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

export interface TeacherResults {
  assignment: AssignmentSummary & {
    kinds: StoredAssignment["kinds"];
    requestedCount: number;
    createdAt: string;
  };
  summary: ReturnType<typeof summariseClass>;
  submissions: {
    attemptId: string;
    name: string;
    score: number;
    maxScore: number;
    percentage: number;
    correctCount: number;
    helpsUsed: number;
    totalMs: number;
    submittedAt: string;
    answers: StoredSubmission["answers"];
  }[];
  /** Item analysis, most-missed first. */
  questions: (ReturnType<typeof analyseItems>[number] & { explanation: Question["explanation"] })[];
}

export function teacherResults(
  assignment: StoredAssignment,
  submissions: StoredSubmission[],
  now: Date,
): TeacherResults {
  const explanations = new Map(assignment.questions.map((q) => [q.id, q.explanation]));
  return {
    assignment: {
      ...summarise(assignment, now),
      kinds: assignment.kinds,
      requestedCount: assignment.requestedCount,
      createdAt: assignment.createdAt,
    },
    summary: summariseClass(submissions),
    submissions: submissions.map((s) => ({
      attemptId: s.attemptId,
      name: s.name,
      score: s.score,
      maxScore: s.maxScore,
      percentage: s.percentage,
      correctCount: s.correctCount,
      helpsUsed: s.helpsUsed,
      totalMs: s.totalMs,
      submittedAt: s.submittedAt,
      answers: s.answers,
    })),
    questions: analyseItems(assignment.questions, submissions).map((item) => ({
      ...item,
      explanation: explanations.get(item.questionId) ?? { en: "", fr: "" },
    })),
  };
}
