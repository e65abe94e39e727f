import "server-only";
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import * as z from "zod/mini";
import {
  dueDateProblem,
  type ClosedAssignment,
  type CreateAssignmentInput,
  type CreatedAssignment,
  type StudentView,
  type SubmissionInput,
  type SubmissionResponse,
} from "@/app/api/contract";
import type { CefrLevel } from "@/questions/levels";
import { buildLevelQuizzes } from "@/questions/level-quiz";
import { QUESTION_KINDS, questionSchema, type Question } from "@/questions/question-types";
import { buildQuiz } from "@/questions/quiz";
import { scoreAnswers } from "@/questions/scoring";
import { getArticleFamily, loadArticle } from "../content";
import {
  getStore,
  type AssignmentLevel,
  type GloseStore,
  type NewSubmission,
  type StoredAssignment,
} from "../db";
import { getQuestionBank, questionBankOf } from "../question-bank";
import { Refusal } from "../refusal";
import { nameKey } from "./text";
import { versionOf, type AssignmentVersion } from "./versions";
import { isClosed, studentView, submissionResponse, teacherResults, type TeacherResults } from "./views";

/**
 * Teacher assignments: what the route handlers and pages call once a request
 * is validated. Freezes questions, scores submissions on the server and
 * decides who may see what. Storage is reached only through `GloseStore`;
 * refusals are thrown as `Refusal`s with a code of the wire contract, and
 * nothing here knows about HTTP.
 */

/** The article of a request that names none: the seed, as before an assignment could choose. */
export const DEFAULT_ARTICLE = "ai-talent-race";

export interface ServiceDeps {
  store: GloseStore;
  /** Injected so tests can move time past a due date. */
  now: () => Date;
}

function defaultDeps(): ServiceDeps {
  return { store: getStore(), now: () => new Date() };
}

const assignmentIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{6,32}$/));

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/** ~64 random bits in 11 URL-safe characters: unguessable, short enough to read out in class. */
function newAssignmentId(): string {
  return randomBytes(8).toString("base64url");
}

function newTeacherKey(): string {
  return randomBytes(32).toString("base64url");
}

const notFound = () => new Refusal("assignment_not_found");

const frozenQuestionsSchema = z.array(questionSchema).check(
  z.superRefine((questions, ctx) => {
    const ids = new Set<string>();
    for (const question of questions) {
      if (ids.has(question.id))
        ctx.addIssue({ code: "custom", message: `question id ${question.id} appears twice` });
      ids.add(question.id);
      if (!question.options.some((o) => o.id === question.answerId)) {
        ctx.addIssue({ code: "custom", message: `question ${question.id} has no option for its key` });
      }
    }
  }),
);

export async function createAssignment(
  input: CreateAssignmentInput,
  origin: string,
  deps: ServiceDeps = defaultDeps(),
): Promise<CreatedAssignment> {
  const now = deps.now();
  let dueAt: string | null = null;
  if (input.dueAt !== null) {
    const problem = dueDateProblem(input.dueAt, now.getTime());
    if (problem) throw new Refusal(problem, { field: "dueAt" });
    dueAt = new Date(input.dueAt).toISOString();
  }

  const articleSlug = input.articleSlug ?? DEFAULT_ARTICLE;
  // The repository's articles, or one a teacher published in the studio (its latest version).
  const article = await loadArticle(articleSlug, undefined, deps.store);
  if (!article) throw new Refusal("article_not_found", { field: "articleSlug" });
  const level = article.bundle.article.level;
  const kinds = input.kinds ?? [...QUESTION_KINDS];
  const seed = randomInt(2 ** 31);
  const options = { seed, count: input.count, kinds, language: input.language };
  // At every level, the same facts in the same order: drawn at the teacher's level, matched at the others.
  const family = input.everyLevel ? (getArticleFamily(articleSlug)?.levels ?? []) : [];
  const drawn = family.length
    ? buildLevelQuizzes(
        family.map((l) => ({ level: l.level, bank: getQuestionBank(l.slug) })),
        level,
        options,
      )
    : [{ level, questions: buildQuiz(questionBankOf(article), options) }];
  // A generator bug must not freeze broken questions into an assignment.
  const frozen = drawn.map((quiz) => ({ ...quiz, questions: frozenQuestionsSchema.parse(quiz.questions) }));
  if (frozen.some((quiz) => quiz.questions.length === 0))
    throw new Refusal("no_questions", { field: "kinds" });
  const questions = frozen.find((quiz) => quiz.level === level)?.questions ?? [];
  const otherLevels = frozen.flatMap(({ level: other, questions: theirs }): AssignmentLevel[] => {
    const slug = family.find((l) => l.level === other)?.slug;
    return other === level || !slug ? [] : [{ level: other, articleSlug: slug, seed, questions: theirs }];
  });

  const teacherKey = newTeacherKey();
  const base = {
    teacherKeyHash: sha256(teacherKey),
    title: input.title,
    articleSlug,
    // The version whose sentences the frozen questions quote: later versions never change it.
    articleVersion: article.version,
    level,
    otherLevels,
    kinds,
    requestedCount: input.count,
    language: input.language,
    mode: input.mode,
    helpsAllowed: input.helpsAllowed,
    dueAt,
    maxAttempts: input.maxAttempts,
    seed,
    questions,
    createdAt: now.toISOString(),
  };
  // 64-bit ids practically never collide, but a collision must not overwrite a class's results.
  for (let tries = 0; tries < 5; tries++) {
    const id = newAssignmentId();
    if (await deps.store.createAssignment({ id, ...base })) {
      const lng = input.interfaceLanguage ?? input.language;
      const studentUrl = `${origin}/${lng}/a/${id}`;
      return {
        id,
        teacherKey,
        studentUrl,
        teacherUrl: `${origin}/${lng}/teach/${id}?key=${teacherKey}`,
        questionCount: questions.length,
        levels: otherLevels.length
          ? frozen.map((quiz) => ({
              level: quiz.level,
              studentUrl: `${studentUrl}?level=${quiz.level}`,
              questionCount: quiz.questions.length,
            }))
          : [],
      };
    }
  }
  throw new Error("Could not draw an unused assignment id.");
}

async function loadAssignment(id: string, store: GloseStore): Promise<StoredAssignment> {
  if (!assignmentIdSchema.safeParse(id).success) throw notFound();
  const assignment = await store.getAssignment(id);
  if (!assignment) throw notFound();
  return assignment;
}

/** The student's view at `level` (the assignment's own level when absent). */
export async function getStudentView(
  id: string,
  level?: CefrLevel,
  deps: ServiceDeps = defaultDeps(),
): Promise<StudentView> {
  const assignment = await loadAssignment(id, deps.store);
  return studentView(assignment, offeredVersion(assignment, level), deps.now());
}

/** The questions of one level of the assignment, or the refusal a student is shown. */
function offeredVersion(assignment: StoredAssignment, level: CefrLevel | undefined): AssignmentVersion {
  const version = versionOf(assignment, level);
  if (!version) throw new Refusal("level_not_offered", { field: "level" });
  return version;
}

/** The answers must fit the questions of their level: known questions, their own options, each once. */
function checkAnswersFit(version: AssignmentVersion, answers: SubmissionInput["answers"]): void {
  const total = version.questions.length;
  const refuse = (detail: string) => new Refusal("invalid_request", { detail });
  if (answers.length > total) throw refuse(`Too many answers: ${answers.length} for ${total} questions.`);
  const questions = new Map<string, Question>(version.questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    const question = questions.get(answer.questionId);
    if (!question) throw refuse(`answers[${index}].questionId is not a question of this assignment.`);
    if (seen.has(answer.questionId)) {
      throw refuse(`answers[${index}] answers the same question as an earlier answer.`);
    }
    seen.add(answer.questionId);
    if (answer.optionId !== null && !question.options.some((o) => o.id === answer.optionId)) {
      throw refuse(`answers[${index}].optionId is not an option of that question.`);
    }
  });
}

export interface SubmitResult {
  /** `duplicate`: this attempt was already stored; the response is the first one's. */
  outcome: "created" | "duplicate";
  response: SubmissionResponse;
}

export async function submitAttempt(
  id: string,
  input: SubmissionInput,
  deps: ServiceDeps = defaultDeps(),
): Promise<SubmitResult> {
  const assignment = await loadAssignment(id, deps.store);
  const version = offeredVersion(assignment, input.level);
  checkAnswersFit(version, input.answers);

  // Only the answers are trusted; the score is computed here. A help the
  // assignment does not offer cannot have been used, whatever the client says.
  const answers = input.answers.map((a) => ({ ...a, helpUsed: assignment.helpsAllowed && a.helpUsed }));
  const score = scoreAnswers(version.questions, answers);
  const now = deps.now();
  const submission: NewSubmission = {
    assignmentId: assignment.id,
    attemptId: input.attemptId,
    name: input.name,
    nameKey: nameKey(input.name),
    score: score.score,
    maxScore: score.maxScore,
    percentage: score.percentage,
    correctCount: score.correctCount,
    helpsUsed: score.helpsUsed,
    bestStreak: score.bestStreak,
    totalMs: score.totalMs,
    answers: score.perQuestion.map((q) => ({
      questionId: q.questionId,
      optionId: q.optionId,
      correct: q.correct,
      helpUsed: q.helpUsed,
      points: q.points,
      ms: q.ms,
    })),
    submittedAt: now.toISOString(),
    level: version.level,
  };

  const recorded = await deps.store.recordSubmission(submission);
  switch (recorded.status) {
    case "created":
    case "duplicate":
      return {
        outcome: recorded.status,
        // A re-sent attempt is answered with the questions it was first stored against.
        response: submissionResponse(
          assignment,
          versionOf(assignment, recorded.submission.level ?? undefined) ?? version,
          recorded.submission,
          now,
        ),
      };
    case "not-found":
      throw notFound();
    case "closed":
      throw new Refusal("assignment_closed");
    case "too-many-attempts":
      throw new Refusal("attempts_used", { field: "name" });
  }
}

// Compared against when the assignment does not exist, so that "no such
// assignment" and "wrong key" take the same time and give the same answer.
const ABSENT_KEY_HASH = sha256("no assignment has this key");

/** The assignment if `key` is its teacher key; otherwise the same refusal as a missing one. */
export async function assignmentForTeacher(
  id: string,
  key: string | null,
  store: GloseStore,
): Promise<StoredAssignment> {
  const assignment = assignmentIdSchema.safeParse(id).success ? await store.getAssignment(id) : null;
  const expected = assignment?.teacherKeyHash ?? ABSENT_KEY_HASH;
  const presented = sha256(key ?? "");
  const matches = expected.length === presented.length && timingSafeEqual(expected, presented);
  if (!assignment || key === null || !matches) throw notFound();
  return assignment;
}

export async function getResults(
  id: string,
  key: string | null,
  deps: ServiceDeps = defaultDeps(),
): Promise<TeacherResults> {
  const assignment = await assignmentForTeacher(id, key, deps.store);
  const submissions = await deps.store.listSubmissions(assignment.id);
  return teacherResults(assignment, submissions, deps.now());
}

/**
 * Closes the assignment now, for the teacher holding the key: no new attempts,
 * and a test's answers become visible to those who sent theirs. A test with no
 * due date stays open until this is done. Closing twice changes nothing.
 */
export async function closeAssignment(
  id: string,
  key: string | null,
  deps: ServiceDeps = defaultDeps(),
): Promise<ClosedAssignment> {
  const assignment = await assignmentForTeacher(id, key, deps.store);
  const now = deps.now();
  if (assignment.dueAt !== null && isClosed(assignment, now))
    return { closed: true, dueAt: assignment.dueAt };
  // The due instant itself still takes answers (the store refuses only after it),
  // so a close is dated one millisecond back: from now on, nothing more is taken.
  const dueAt = new Date(now.getTime() - 1).toISOString();
  if (!(await deps.store.updateDueAt(assignment.id, dueAt))) throw notFound();
  return { closed: true, dueAt };
}
