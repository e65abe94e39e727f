/**
 * The checks on quiz progress read back from storage: zod schemas of what
 * `quiz-store.ts` persists. A module of its own, loaded by the store only
 * when something was saved, so a first visit to the quiz page never loads
 * zod at all.
 */
import * as z from "zod/mini";
import {
  publicQuestionSchema,
  questionKindSchema,
  questionSchema,
  quizOptionsSchema,
} from "@/questions/question-types";

const quizModeSchema = z.enum(["practice", "test"]);
export type QuizMode = z.infer<typeof quizModeSchema>;

const quizSettingsSchema = z.lazy(() =>
  z.strictObject({
    /** The options the questions were built with; a retry keeps them with a new seed. */
    options: quizOptionsSchema,
    mode: quizModeSchema,
    helpsAllowed: z.boolean(),
    articleSlug: z.string().check(z.minLength(1)),
  }),
);
export type QuizSettings = z.infer<typeof quizSettingsSchema>;

const timestampSchema = z.number().check(z.nonnegative());

/** Exists from the moment a question is shown, so help and start time can be recorded before answering. */
const answerEntrySchema = z.lazy(() =>
  z.strictObject({
    /** The confirmed option; `null` until confirmed. */
    optionId: z.nullable(z.string().check(z.minLength(1))),
    help: z.strictObject({ evidence: z.boolean(), question: z.boolean() }),
    startedAt: timestampSchema,
    answeredAt: z.nullable(timestampSchema),
  }),
);
export type AnswerEntry = z.infer<typeof answerEntrySchema>;

const historyEntrySchema = z.lazy(() =>
  z.strictObject({
    attemptId: z.string().check(z.minLength(1)),
    /** Epoch milliseconds. */
    finishedAt: timestampSchema,
    mode: quizModeSchema,
    articleSlug: z.string().check(z.minLength(1)),
    score: z.number().check(z.nonnegative()),
    maxScore: z.int().check(z.positive()),
    percentage: z.number().check(z.minimum(0), z.maximum(100)),
    /** The kinds the quiz asked, in `QUESTION_KINDS` order. */
    kinds: z.array(questionKindSchema).check(z.minLength(1)),
    /** A "retry my mistakes" round: a trend chart may leave these out. */
    isRetry: z.boolean(),
  }),
);
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** A saved attempt, checked for consistency as well as shape. */
const attemptSchema = z.lazy(() =>
  z
    .strictObject({
      status: z.enum(["answering", "feedback", "finished"]),
      settings: quizSettingsSchema,
      // Self-study questions come with their keys; an assignment's are public.
      questions: z.array(z.union([questionSchema, publicQuestionSchema])).check(z.minLength(1)),
      index: z.int().check(z.nonnegative()),
      answers: z.record(z.string(), answerEntrySchema),
      selectedOptionId: z.nullable(z.string().check(z.minLength(1))),
      attemptId: z.string().check(z.minLength(1)),
      retryOf: z.nullable(z.string().check(z.minLength(1))),
      startedAt: timestampSchema,
      finishedAt: z.nullable(timestampSchema),
    })
    // Well-typed but inconsistent data would break the screens just as surely as bad JSON.
    .check(
      z.superRefine((attempt, ctx) => {
        const issue = (message: string) => ctx.addIssue({ code: "custom", message });
        const ids = new Set(attempt.questions.map((question) => question.id));
        if (ids.size !== attempt.questions.length) issue("duplicate question ids");
        for (const [id, entry] of Object.entries(attempt.answers)) {
          if (!ids.has(id)) issue(`answer for unknown question ${id}`);
          if ((entry.answeredAt === null) !== (entry.optionId === null)) issue(`half-recorded answer ${id}`);
        }
        if (attempt.status === "finished") {
          if (attempt.finishedAt === null) issue("finished without finishedAt");
          return;
        }
        const current = attempt.questions[attempt.index];
        const entry = current ? attempt.answers[current.id] : undefined;
        if (!current || !entry) return issue("no current question");
        if (attempt.finishedAt !== null) issue("in progress with finishedAt");
        if (attempt.status === "answering" && entry.answeredAt !== null)
          issue("answering an answered question");
        if (attempt.status === "feedback" && entry.answeredAt === null) issue("feedback without an answer");
        if (
          attempt.selectedOptionId !== null &&
          !current.options.some((option) => option.id === attempt.selectedOptionId)
        ) {
          issue("selected option not in the current question");
        }
      }),
    ),
);
export type PersistedAttempt = z.infer<typeof attemptSchema>;

/** A saved attempt (`null`: none was in progress), or `valid: false` when it does not validate. */
export function parseAttempt(
  raw: unknown,
): { valid: true; attempt: PersistedAttempt | null } | { valid: false } {
  const parsed = z.nullable(attemptSchema).safeParse(raw);
  return parsed.success ? { valid: true, attempt: parsed.data } : { valid: false };
}

/** Keeps every valid entry: one bad entry must not cost the learner their whole trend. */
export function salvageHistory(
  raw: unknown,
  limit: number,
): { entries: HistoryEntry[]; intact: boolean } | null {
  if (!Array.isArray(raw)) return null;
  const entries = raw.flatMap((item) => {
    const parsed = historyEntrySchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  return { entries: entries.slice(-limit), intact: entries.length === raw.length };
}
