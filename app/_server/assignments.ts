/**
 * Teacher assignments: what the route handlers call. Validates requests,
 * freezes questions, scores submissions on the server and turns stored
 * results into the views each audience may see. Storage is reached only
 * through `GloseStore`; refusals are thrown as HttpError.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { spreadsheetText } from "../../questions/spreadsheet";
import { z } from "zod";
import { i18nConfig } from "../../i18n-config";
import { toGift } from "../../questions/gift";
import { analyseItems, summariseClass } from "../../questions/item-analysis";
import {
  QUESTION_KINDS,
  questionKindSchema,
  questionLanguageSchema,
  questionSchema,
  type Question,
} from "../../questions/question-types";
import { buildQuiz } from "../../questions/quiz";
import { scoreAnswers } from "../../questions/scoring";
import { getQuestionBank } from "./question-bank";
import {
  getStore,
  type GloseStore,
  type NewSubmission,
  type StoredAssignment,
  type StoredSubmission,
} from "./db";
import { HttpError, parseRequest } from "./http";

/** The one article assignments are drawn from, for now. */
export const ASSIGNMENT_ARTICLE = "ai-talent-race";
export const MAX_QUESTIONS = 50;
export const TITLE_MAX = 120;
export const NAME_MAX = 40;
export const MAX_ANSWER_MS = 3_600_000;
/** Far enough for a term's homework, near enough to catch a mistyped year. */
export const MAX_DUE_DAYS = 366;

const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------
// Request schemas
// ---------------------------------------------------------------------------

// Control characters would break CSV rows and terminals; bidirectional
// overrides could make one name display as another in the teacher's list.
// Zero-width joiners stay allowed: emoji and several scripts need them.
const UNSAFE_TEXT = /[\p{Cc}\u200B\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;

/** A short line of human text: NFC so that "É" typed two ways is stored once, trimmed, no control characters. */
function lineOfText(max: number) {
  return z
    .string()
    .normalize("NFC")
    .trim()
    .min(1, { error: `must not be empty` })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((text) => !UNSAFE_TEXT.test(text), { error: `must not contain control or invisible characters` });
}

const dueAtSchema = z.iso
  .datetime({
    offset: true,
    error: (issue) =>
      issue.input === undefined
        ? "is required (null for no due date)"
        : "must be an ISO 8601 date and time with a time zone, like 2026-06-30T18:00:00+02:00",
  })
  .nullable();

export const createAssignmentSchema = z.strictObject({
  title: lineOfText(TITLE_MAX),
  // Duplicates are harmless, so they are dropped rather than refused.
  kinds: z
    .array(questionKindSchema)
    .min(1, { error: "must name at least one kind of question" })
    .max(QUESTION_KINDS.length * 2, { error: "lists too many kinds" })
    .transform((kinds) => [...new Set(kinds)])
    .optional(),
  count: z
    .number()
    .int({ error: "must be a whole number" })
    .min(1, { error: `must be between 1 and ${MAX_QUESTIONS}` })
    .max(MAX_QUESTIONS, { error: `must be between 1 and ${MAX_QUESTIONS}` }),
  language: questionLanguageSchema,
  /** The teacher's interface language, for the links; defaults to `language`. */
  interfaceLanguage: z.enum(i18nConfig.locales).optional(),
  mode: z.enum(["practice", "test"]),
  helpsAllowed: z.boolean(),
  dueAt: dueAtSchema,
  maxAttempts: z
    .literal(1, {
      error: (issue) => (issue.input === undefined ? "is required" : "must be 1 or null (unlimited)"),
    })
    .nullable(),
});
export type CreateAssignmentRequest = z.infer<typeof createAssignmentSchema>;

const answerSchema = z.strictObject({
  questionId: z.string().min(1).max(200),
  /** null: the question was shown but left unanswered. */
  optionId: z.string().min(1).max(200).nullable(),
  helpUsed: z.boolean(),
  ms: z
    .number()
    .int({ error: "must be a whole number of milliseconds" })
    .min(0, { error: `must be between 0 and ${MAX_ANSWER_MS}` })
    .max(MAX_ANSWER_MS, { error: `must be between 0 and ${MAX_ANSWER_MS}` }),
});

export const submissionSchema = z.strictObject({
  // UUIDs are case-insensitive; one spelling keeps re-sends idempotent.
  attemptId: z.uuid({ error: "must be a UUID" }).transform((id) => id.toLowerCase()),
  name: lineOfText(NAME_MAX),
  // The assignment's own question count is checked once it is loaded; this
  // bound only keeps an absurd list from being validated item by item.
  answers: z.array(answerSchema).max(MAX_QUESTIONS, { error: `must have at most ${MAX_QUESTIONS} answers` }),
});
export type SubmissionRequest = z.infer<typeof submissionSchema>;

const assignmentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,32}$/);

// ---------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------

/**
 * The name as compared for "attempts per student": accents, case and spacing
 * ignored, so "Élodie" and "elodie " are one student. NFKD rather than NFD
 * also folds look-alike forms (full-width letters, ligatures), and invisible
 * format characters are dropped so that none of them makes a second student.
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\p{M}\p{Cf}]/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

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

function isClosed(assignment: Pick<StoredAssignment, "dueAt">, now: Date): boolean {
  return assignment.dueAt !== null && now.getTime() > Date.parse(assignment.dueAt);
}

/** Practice shows the answers at once; a test only once nobody can submit any more. */
function reviewVisible(assignment: StoredAssignment, now: Date): boolean {
  return assignment.mode === "practice" || isClosed(assignment, now);
}

// ---------------------------------------------------------------------------
// Service
// ---------------------------------------------------------------------------

export interface ServiceDeps {
  store: GloseStore;
  /** Injected so tests can move time past a due date. */
  now: () => Date;
}

function defaultDeps(): ServiceDeps {
  return { store: getStore(), now: () => new Date() };
}

const NOT_FOUND_MESSAGE = "There is no assignment at this address.";
const notFound = () => new HttpError(404, NOT_FOUND_MESSAGE);

const frozenQuestionsSchema = z.array(questionSchema).superRefine((questions, ctx) => {
  const ids = new Set<string>();
  for (const question of questions) {
    if (ids.has(question.id))
      ctx.addIssue({ code: "custom", message: `question id ${question.id} appears twice` });
    ids.add(question.id);
    if (!question.options.some((o) => o.id === question.answerId)) {
      ctx.addIssue({ code: "custom", message: `question ${question.id} has no option for its key` });
    }
  }
});

export interface CreatedAssignment {
  id: string;
  teacherKey: string;
  studentUrl: string;
  teacherUrl: string;
  questionCount: number;
}

export async function createAssignment(
  body: unknown,
  origin: string,
  deps: ServiceDeps = defaultDeps(),
): Promise<CreatedAssignment> {
  const input = parseRequest(createAssignmentSchema, body);
  const now = deps.now();

  let dueAt: string | null = null;
  if (input.dueAt !== null) {
    const due = Date.parse(input.dueAt);
    if (due <= now.getTime()) throw new HttpError(400, "dueAt must be in the future.");
    if (due > now.getTime() + MAX_DUE_DAYS * DAY_MS) {
      throw new HttpError(400, `dueAt must be within ${MAX_DUE_DAYS} days.`);
    }
    dueAt = new Date(due).toISOString();
  }

  const kinds = input.kinds ?? [...QUESTION_KINDS];
  const seed = randomInt(2 ** 31);
  // A generator bug must not freeze broken questions into an assignment.
  const questions = frozenQuestionsSchema.parse(
    buildQuiz(getQuestionBank(ASSIGNMENT_ARTICLE), {
      seed,
      count: input.count,
      kinds,
      language: input.language,
    }),
  );
  if (questions.length === 0) {
    throw new HttpError(422, "No questions of those kinds exist in that language: choose other kinds.");
  }

  const teacherKey = newTeacherKey();
  const base = {
    teacherKeyHash: sha256(teacherKey),
    title: input.title,
    articleSlug: ASSIGNMENT_ARTICLE,
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
      return {
        id,
        teacherKey,
        studentUrl: `${origin}/${lng}/a/${id}`,
        teacherUrl: `${origin}/${lng}/teach/${id}?key=${teacherKey}`,
        questionCount: questions.length,
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

export interface StudentQuestion {
  id: string;
  kind: Question["kind"];
  prompt: string;
  stem: string;
  passage?: string;
  /** Only when helps are allowed. */
  stemEn?: string;
  options: Question["options"];
  optionsLanguage: Question["optionsLanguage"];
  /** Only when helps are allowed: the sentence whose English the help shows. */
  evidenceSentenceId?: string;
}

/** What both a student and the teacher see of an assignment's settings. */
export interface AssignmentSummary {
  id: string;
  title: string;
  language: Question["language"];
  mode: StoredAssignment["mode"];
  helpsAllowed: boolean;
  dueAt: string | null;
  maxAttempts: number | null;
  closed: boolean;
  questionCount: number;
}

export interface StudentView extends AssignmentSummary {
  questions: StudentQuestion[];
}

/**
 * Picks fields one by one instead of deleting secrets from a copy, so a field
 * added to `Question` later stays hidden until someone decides to show it.
 * The key, the support, the explanation and the topic/variant never leave.
 */
function studentQuestion(question: Question, helpsAllowed: boolean): StudentQuestion {
  return {
    id: question.id,
    kind: question.kind,
    prompt: question.prompt,
    stem: question.stem,
    ...(question.passage !== undefined ? { passage: question.passage } : {}),
    ...(helpsAllowed ? { stemEn: question.stemEn } : {}),
    options: question.options.map((o) => ({ id: o.id, text: o.text })),
    optionsLanguage: question.optionsLanguage,
    ...(helpsAllowed ? { evidenceSentenceId: question.evidenceSentenceId } : {}),
  };
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

export async function getStudentView(id: string, deps: ServiceDeps = defaultDeps()): Promise<StudentView> {
  const assignment = await loadAssignment(id, deps.store);
  return {
    ...summarise(assignment, deps.now()),
    questions: assignment.questions.map((q) => studentQuestion(q, assignment.helpsAllowed)),
  };
}

export interface ReviewItem {
  questionId: string;
  chosen: string | null;
  answerId: string;
  correct: boolean;
  explanation: Question["explanation"];
}

export interface SubmissionResponse {
  attemptId: string;
  score: number;
  maxScore: number;
  percentage: number;
  correctCount: number;
  helpsUsed: number;
  submittedAt: string;
  review?: ReviewItem[];
}

function submissionResponse(
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
    body.review = assignment.questions.map((question) => {
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

/** The answers must fit this assignment: known questions, their own options, each once. */
function checkAnswersFit(assignment: StoredAssignment, answers: SubmissionRequest["answers"]): void {
  const total = assignment.questions.length;
  if (answers.length > total) {
    throw new HttpError(400, `Too many answers: ${answers.length} for ${total} questions.`);
  }
  const questions = new Map(assignment.questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    const question = questions.get(answer.questionId);
    if (!question)
      throw new HttpError(400, `answers[${index}].questionId is not a question of this assignment.`);
    if (seen.has(answer.questionId)) {
      throw new HttpError(400, `answers[${index}] answers the same question as an earlier answer.`);
    }
    seen.add(answer.questionId);
    if (answer.optionId !== null && !question.options.some((o) => o.id === answer.optionId)) {
      throw new HttpError(400, `answers[${index}].optionId is not an option of that question.`);
    }
  });
}

export interface SubmitResult {
  /** 201 for a new attempt, 200 for one already stored. */
  status: 200 | 201;
  body: SubmissionResponse;
}

export async function submitAttempt(
  id: string,
  body: unknown,
  deps: ServiceDeps = defaultDeps(),
): Promise<SubmitResult> {
  const assignment = await loadAssignment(id, deps.store);
  const input = parseRequest(submissionSchema, body);
  checkAnswersFit(assignment, input.answers);

  // Only the answers are trusted; the score is computed here. A help the
  // assignment does not offer cannot have been used, whatever the client says.
  const answers = input.answers.map((a) => ({ ...a, helpUsed: assignment.helpsAllowed && a.helpUsed }));
  const score = scoreAnswers(assignment.questions, answers);
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
  };

  const outcome = await deps.store.recordSubmission(submission);
  switch (outcome.status) {
    case "created":
      return { status: 201, body: submissionResponse(assignment, outcome.submission, now) };
    case "duplicate":
      return { status: 200, body: submissionResponse(assignment, outcome.submission, now) };
    case "not-found":
      throw notFound();
    case "closed":
      throw new HttpError(409, "This assignment is closed: its due date has passed.");
    case "too-many-attempts":
      throw new HttpError(409, "This name has already used its attempt at this assignment.");
  }
}

// ---------------------------------------------------------------------------
// Teacher
// ---------------------------------------------------------------------------

// Compared against when the assignment does not exist, so that "no such
// assignment" and "wrong key" take the same time and give the same answer.
const ABSENT_KEY_HASH = sha256("no assignment has this key");

/** The assignment if `key` is its teacher key; otherwise the same 404 as a missing one. */
async function assignmentForTeacher(
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

export async function getResults(
  id: string,
  key: string | null,
  deps: ServiceDeps = defaultDeps(),
): Promise<TeacherResults> {
  const assignment = await assignmentForTeacher(id, key, deps.store);
  const submissions = await deps.store.listSubmissions(assignment.id);
  const explanations = new Map(assignment.questions.map((q) => [q.id, q.explanation]));
  return {
    assignment: {
      ...summarise(assignment, deps.now()),
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

export const CSV_COLUMNS = [
  "assignment_id",
  "student",
  "attempt_id",
  "submitted_at",
  "question_id",
  "question",
  "chosen_option",
  "correct_option",
  "correct",
  "help_used",
  "ms",
  "score",
  "max_score",
] as const;

/**
 * One row per student per question. RFC 4180 (CRLF, quotes doubled) with a
 * UTF-8 byte-order mark: without it, Excel reads "Élodie" as "Ã‰lodie".
 */
export async function getResultsCsv(
  id: string,
  key: string | null,
  deps: ServiceDeps = defaultDeps(),
): Promise<{ filename: string; csv: string }> {
  const assignment = await assignmentForTeacher(id, key, deps.store);
  const submissions = await deps.store.listSubmissions(assignment.id);
  const questions = new Map(assignment.questions.map((q) => [q.id, q]));
  const optionText = (question: Question | undefined, optionId: string | null) =>
    optionId === null ? "" : (question?.options.find((o) => o.id === optionId)?.text ?? optionId);

  const rows = submissions.flatMap((s) =>
    s.answers.map((answer) => {
      const question = questions.get(answer.questionId);
      return [
        assignment.id,
        spreadsheetText(s.name),
        s.attemptId,
        s.submittedAt,
        answer.questionId,
        question?.prompt ?? "",
        optionText(question, answer.optionId),
        optionText(question, question?.answerId ?? null),
        answer.correct ? 1 : 0,
        answer.helpUsed ? 1 : 0,
        answer.ms,
        s.score,
        s.maxScore,
      ];
    }),
  );
  const csv = stringify(rows, {
    bom: true,
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: "windows",
  });
  return { filename: `glose-${assignment.id}-results.csv`, csv };
}

export async function getGiftExport(
  id: string,
  key: string | null,
  deps: ServiceDeps = defaultDeps(),
): Promise<{ filename: string; gift: string }> {
  const assignment = await assignmentForTeacher(id, key, deps.store);
  return {
    filename: `glose-${assignment.id}.gift.txt`,
    gift: toGift(assignment.questions, { title: assignment.title }),
  };
}
