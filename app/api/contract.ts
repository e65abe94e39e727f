/**
 * The HTTP API's wire contract, written once: limits, request and response
 * shapes, and the machine-readable error codes. Route handlers validate with
 * these schemas; the teacher form, the assignment quiz and the outbox check
 * what they send and read with the same ones; the tests import them too.
 *
 * zod/mini, not classic zod: the browser loads this module (the teach form,
 * the assignment page, the outbox), and mini tree-shakes to a fraction of
 * classic's size. Nothing here may import server code.
 *
 * A person-fixable problem with a field (a title too long, a name with an
 * invisible character) is reported with its error code as the zod message,
 * so one `safeParse` gives the browser the same code the server would answer.
 */
import * as z from "zod/mini";
import { i18nConfig } from "@/i18n-config";
import { CEFR_LEVELS } from "@/questions/levels";
import { QUESTION_KINDS } from "@/questions/question-kinds";
import { publicQuestionSchema, questionKindSchema, questionLanguageSchema } from "@/questions/question-types";

/* ------------------------------------------------------------------------ */
/* Limits                                                                    */
/* ------------------------------------------------------------------------ */

export const LIMITS = {
  /** Request bodies, in bytes (413 beyond). */
  bodyBytes: 64 * 1024,
  titleLength: 120,
  nameLength: 40,
  questions: 50,
  /** Time on one question, in milliseconds. */
  answerMs: 3_600_000,
  /** Far enough for a term's homework, near enough to catch a mistyped year. */
  dueDays: 366,
} as const;

/** The studio's limits (its wire contract is `studio-contract.ts`). */
export const STUDIO_LIMITS = {
  /** Request bodies, in bytes: a 5,000-word text with its translation and every gloss fits. */
  bodyBytes: 1024 * 1024,
  titleLength: 200,
  /** The analysis pipeline's own limit (`MAX_WORDS`; a test keeps them equal). */
  words: 5_000,
  /** Checked before the words are counted, so a pasted book is refused at once. */
  characters: 60_000,
  sourceLength: 500,
  licenceLength: 300,
  /** The longest sentence a span can be looked up in. */
  sentenceLength: 3_000,
} as const;

/* ------------------------------------------------------------------------ */
/* Error codes                                                               */
/* ------------------------------------------------------------------------ */

/*
 * Every refusal carries one of these codes: clients translate the code, never
 * the English sentence beside it. Codes name the thing and the problem
 * (`title_too_long`, `assignment_closed`), in snake_case, so that new features
 * extend the list without clashing (`article_not_found`, `draft_conflict`…).
 *
 * Adding a code: add it to a list here, give it a status and an English
 * sentence in `app/_server/http.ts` (the compiler asks for both), and a
 * message in `locales/{en,fr}/errors.json` (a test asks for both).
 */

/** Any request can meet these. */
const GENERAL_CODES = ["invalid_request", "body_too_large", "rate_limited", "server_error"] as const;

/** Creating, taking and closing assignments. */
const ASSIGNMENT_CODES = [
  "assignment_not_found",
  "title_required",
  "title_too_long",
  "title_invalid_characters",
  "kinds_required",
  "due_date_invalid",
  "due_date_past",
  "due_date_too_far",
  "no_questions",
  "name_required",
  "name_too_long",
  "name_invalid_characters",
  "assignment_closed",
  "attempts_used",
  // An article and its levels (issue 14).
  "article_not_found",
  "level_not_offered",
] as const;

/** The studio: pasting, editing, publishing and importing a teacher's own article. */
const STUDIO_CODES = [
  "article_title_required",
  "article_title_too_long",
  "article_title_invalid_characters",
  "text_required",
  "text_too_long",
  "text_unreadable",
  "text_not_french",
  "translation_too_long",
  "translation_unreadable",
  "translation_too_short",
  "translation_not_english",
  "source_too_long",
  "source_invalid_characters",
  "licence_too_long",
  "licence_invalid_characters",
  "draft_not_found",
  "draft_conflict",
  "draft_invalid",
  "import_invalid",
  "analysis_unavailable",
] as const;

export const ERROR_CODES = [...GENERAL_CODES, ...ASSIGNMENT_CODES, ...STUDIO_CODES] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The limit a refusal's message names (`{{max}}` in errors.json), by code. */
export const LIMIT_OF_CODE: Partial<Record<ErrorCode, number>> = {
  title_too_long: LIMITS.titleLength,
  name_too_long: LIMITS.nameLength,
  article_title_too_long: STUDIO_LIMITS.titleLength,
  text_too_long: STUDIO_LIMITS.words,
  translation_too_long: STUDIO_LIMITS.words,
  source_too_long: STUDIO_LIMITS.sourceLength,
  licence_too_long: STUDIO_LIMITS.licenceLength,
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

/** The body of every refusal. */
export interface ApiError {
  /** A plain English sentence for whoever reads the raw response; clients show `code` translated. */
  error: string;
  code: ErrorCode;
  /** The request field the refusal is about, when it is about one (`title`, `dueAt`, `name`). */
  field?: string;
  /** With `rate_limited`: seconds to wait, as in the `Retry-After` header. */
  retryAfter?: number;
  /** With `draft_conflict`: the revision the draft is at now (another tab or device saved it). */
  revision?: number;
}

/**
 * The refusal in a response body, or null when the body is not one. A code
 * this client does not know (a newer server) reads as `server_error`.
 */
export function readApiError(body: unknown): Omit<ApiError, "error"> | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const { code, field, retryAfter, revision } = body as Record<string, unknown>;
  return {
    code: isErrorCode(code) ? code : "server_error",
    ...(typeof field === "string" ? { field } : {}),
    ...(typeof retryAfter === "number" && retryAfter >= 0 ? { retryAfter } : {}),
    ...(typeof revision === "number" && revision >= 1 ? { revision } : {}),
  };
}

/** A message for a wrong value; a missing one keeps the route's plain "is required". */
const unlessMissing = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? undefined : message;

/* ------------------------------------------------------------------------ */
/* Text a person types                                                       */
/* ------------------------------------------------------------------------ */

// Control characters would break CSV rows and terminals; bidirectional
// overrides could make one name display as another in the teacher's list.
// Zero-width joiners stay allowed: emoji and several scripts need them.
const UNSAFE_TEXT = /[\p{Cc}\u200B\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;

/**
 * A short line of human text: NFC so that "É" typed two ways is stored once,
 * trimmed, not empty, not too long, no control or invisible characters.
 */
export function lineOfText(
  max: number,
  codes: { required: ErrorCode; tooLong: ErrorCode; invalidCharacters: ErrorCode },
) {
  return z.string().check(
    z.normalize("NFC"),
    z.trim(),
    z.minLength(1, { error: codes.required }),
    z.maxLength(max, { error: codes.tooLong }),
    z.refine((text) => !UNSAFE_TEXT.test(text), { error: codes.invalidCharacters }),
  );
}

/** The student's name as the server checks it; the name form checks it the same way. */
export const studentNameSchema = lineOfText(LIMITS.nameLength, {
  required: "name_required",
  tooLong: "name_too_long",
  invalidCharacters: "name_invalid_characters",
});

/* ------------------------------------------------------------------------ */
/* POST /api/assignments                                                     */
/* ------------------------------------------------------------------------ */

const assignmentModeSchema = z.enum(["practice", "test"]);

/** A CEFR level, A1 to C2: each level of an article is an article of its own (its own slug). */
export const levelSchema = z.enum(CEFR_LEVELS, { error: unlessMissing("level_not_offered") });

/** The shape of a slug; whether an article has it is the service's to say (`article_not_found`). */
const articleSlugSchema = z
  .string()
  .check(
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "article_not_found" }),
    z.maxLength(100, { error: "article_not_found" }),
  );

export const createAssignmentRequestSchema = z.strictObject({
  /**
   * The article, at the level the teacher chose (each level has its own
   * slug: `ai-talent-race-a2`), or one published in the studio. Absent: the
   * seed article, as before levels.
   */
  articleSlug: z.optional(articleSlugSchema),
  /**
   * Offer every level of the article: each student takes it at the level
   * they pick, or the one their link names. The questions are frozen for
   * every level at creation, asking the same facts in the same order.
   */
  everyLevel: z.optional(z.boolean()),
  title: lineOfText(LIMITS.titleLength, {
    required: "title_required",
    tooLong: "title_too_long",
    invalidCharacters: "title_invalid_characters",
  }),
  // Duplicates are harmless, so they are dropped rather than refused.
  kinds: z.optional(
    z.pipe(
      z
        .array(questionKindSchema)
        .check(
          z.minLength(1, { error: "kinds_required" }),
          z.maxLength(QUESTION_KINDS.length * 2, { error: "lists too many kinds" }),
        ),
      z.transform((kinds) => [...new Set(kinds)]),
    ),
  ),
  count: z
    .int({ error: unlessMissing("must be a whole number") })
    .check(
      z.minimum(1, { error: `must be between 1 and ${LIMITS.questions}` }),
      z.maximum(LIMITS.questions, { error: `must be between 1 and ${LIMITS.questions}` }),
    ),
  language: questionLanguageSchema,
  /** The teacher's interface language, for the links; defaults to `language`. */
  interfaceLanguage: z.optional(z.enum(i18nConfig.locales)),
  mode: assignmentModeSchema,
  helpsAllowed: z.boolean(),
  /** ISO 8601 with a time zone, or null for no due date; `dueDateProblem` checks it against the clock. */
  dueAt: z.nullable(
    z.iso.datetime({
      offset: true,
      error: unlessMissing("due_date_invalid"),
    }),
  ),
  maxAttempts: z.nullable(z.literal(1, { error: unlessMissing("must be 1 or null (unlimited)") })),
});
export type CreateAssignmentRequest = z.input<typeof createAssignmentRequestSchema>;
export type CreateAssignmentInput = z.output<typeof createAssignmentRequestSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What is wrong with a valid ISO due date at time `now`, or null: in the future, within `LIMITS.dueDays`. */
export function dueDateProblem(dueAt: string, now: number): ErrorCode | null {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return "due_date_invalid";
  if (due <= now) return "due_date_past";
  if (due > now + LIMITS.dueDays * DAY_MS) return "due_date_too_far";
  return null;
}

export const createdAssignmentSchema = z.object({
  id: z.string(),
  /** Shown once: only its hash is stored. */
  teacherKey: z.string(),
  studentUrl: z.string(),
  teacherUrl: z.string(),
  questionCount: z.number(),
  /** At every level: each level with the link that gives it (`…/a/{id}?level=A2`); empty otherwise. */
  levels: z.array(z.object({ level: levelSchema, studentUrl: z.string(), questionCount: z.number() })),
});
export type CreatedAssignment = z.infer<typeof createdAssignmentSchema>;

/* ------------------------------------------------------------------------ */
/* GET /api/assignments/{id}: the student's view                            */
/* ------------------------------------------------------------------------ */

/** What both a student and the teacher see of an assignment's settings. */
const assignmentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  language: questionLanguageSchema,
  mode: assignmentModeSchema,
  helpsAllowed: z.boolean(),
  /** UTC, or null: then a test stays open until the teacher closes it. */
  dueAt: z.nullable(z.string()),
  maxAttempts: z.nullable(z.number()),
  closed: z.boolean(),
  questionCount: z.number(),
});
export type AssignmentSummary = z.infer<typeof assignmentSummarySchema>;

/** One level a student may choose, with the article as written at that level. */
const offeredLevelSchema = z.object({
  level: levelSchema,
  articleSlug: z.string(),
  questionCount: z.number(),
});

/**
 * Settings and public questions: no key, support or explanation, ever. The
 * questions are those of `level`; an assignment at every level lists in
 * `levels` what a student may choose (`GET …?level=A2`), and is empty otherwise.
 */
export const studentViewSchema = z.extend(assignmentSummarySchema, {
  articleSlug: z.string(),
  /** The published version of a studio article, whose sentences the questions quote; null for the repository's. */
  articleVersion: z.nullable(z.number()),
  /** Null for an assignment made before levels were recorded. */
  level: z.nullable(levelSchema),
  levels: z.array(offeredLevelSchema),
  questions: z.array(publicQuestionSchema),
});
export type StudentView = z.infer<typeof studentViewSchema>;

/* ------------------------------------------------------------------------ */
/* POST /api/assignments/{id}/submissions                                    */
/* ------------------------------------------------------------------------ */

/** One answer of a submission, as the quiz records it. */
const submittedAnswerSchema = z.strictObject({
  questionId: z.string().check(z.minLength(1), z.maxLength(200)),
  /** null: the question was shown but left unanswered. */
  optionId: z.nullable(z.string().check(z.minLength(1), z.maxLength(200))),
  helpUsed: z.boolean(),
  ms: z
    .int({ error: unlessMissing("must be a whole number of milliseconds") })
    .check(
      z.minimum(0, { error: `must be between 0 and ${LIMITS.answerMs}` }),
      z.maximum(LIMITS.answerMs, { error: `must be between 0 and ${LIMITS.answerMs}` }),
    ),
});

export const submissionRequestSchema = z.strictObject({
  // UUIDs are case-insensitive; one spelling keeps re-sends idempotent.
  attemptId: z.pipe(
    z.uuid({ error: unlessMissing("must be a UUID") }),
    z.transform((id) => id.toLowerCase()),
  ),
  name: studentNameSchema,
  /** The level whose questions were answered; absent: the assignment's own level. */
  level: z.optional(levelSchema),
  // The assignment's own question count is checked once it is loaded; this
  // bound only keeps an absurd list from being validated item by item.
  answers: z
    .array(submittedAnswerSchema)
    .check(z.maxLength(LIMITS.questions, { error: `must have at most ${LIMITS.questions} answers` })),
});
export type SubmissionRequest = z.input<typeof submissionRequestSchema>;
export type SubmissionInput = z.output<typeof submissionRequestSchema>;

const reviewItemSchema = z.object({
  questionId: z.string(),
  chosen: z.nullable(z.string()),
  answerId: z.string(),
  correct: z.boolean(),
  explanation: z.object({ en: z.string(), fr: z.string() }),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** 201 for a new attempt, 200 with the same body for one already stored. */
export const submissionResponseSchema = z.object({
  attemptId: z.string(),
  score: z.number(),
  maxScore: z.number(),
  percentage: z.number(),
  correctCount: z.number(),
  helpsUsed: z.number(),
  submittedAt: z.string(),
  /** In practice mode, and in a test once it is closed. */
  review: z.optional(z.array(reviewItemSchema)),
});
export type SubmissionResponse = z.infer<typeof submissionResponseSchema>;

/* ------------------------------------------------------------------------ */
/* POST /api/assignments/{id}/close (teacher)                                */
/* ------------------------------------------------------------------------ */

/**
 * The assignment no longer takes answers, from now (or from its due date, if
 * that came first); a test's answers are shown to the students who sent theirs.
 */
export const closedAssignmentSchema = z.object({ closed: z.literal(true), dueAt: z.string() });
export type ClosedAssignment = z.infer<typeof closedAssignmentSchema>;
