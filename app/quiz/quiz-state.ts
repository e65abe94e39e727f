/**
 * The quiz store's state: its shape, its statuses and where it starts. The
 * transitions (`quiz-transitions.ts`), selectors (`quiz-selectors.ts`) and
 * persistence (`quiz-persistence.ts`) all work on this one type.
 */
import type { PublicQuestion, Question } from "@/questions/question-types";
import type { AnswerEntry, HistoryEntry, QuizSettings } from "./quiz-store-schemas";

// The persisted shapes are defined by their schemas (quiz-store-schemas.ts);
// type-only imports, so the schemas load only when saved progress is read.
export type { AnswerEntry, HistoryEntry, QuizMode, QuizSettings } from "./quiz-store-schemas";

export const HISTORY_LIMIT = 50;

/**
 * Self-study questions carry their key and are scored in the browser; an
 * assignment's are public questions, which the server alone can score.
 */
export type QuizQuestion = Question | PublicQuestion;

/**
 * A self-study question, with its key, as opposed to an assignment's public
 * one. Here rather than beside the schemas in `questions/question-types.ts`,
 * which would bring zod to the quiz page's first load.
 */
export function hasKey(question: QuizQuestion): question is Question {
  return "answerId" in question;
}

export type QuizStatus = "idle" | "answering" | "feedback" | "finished";

export type HelpKind = "evidence" | "question";

/**
 * Why saved progress was reset or cannot be saved; the UI words it in the learner's language.
 * `notLoaded`: the code that checks saved progress could not load (offline, not yet cached),
 * so what was saved is kept unread and untouched until the next visit.
 */
export type StorageNotice = "corrupted" | "outdated" | "unavailable" | "full" | "notLoaded";

export interface QuizState {
  status: QuizStatus;
  settings: QuizSettings | null;
  questions: QuizQuestion[];
  /** The current question; meaningful while answering or in feedback. */
  index: number;
  /** By question id; an entry per question shown so far. */
  answers: Record<string, AnswerEntry>;
  /** Chosen but not yet confirmed. */
  selectedOptionId: string | null;
  /** Idempotency key of a later submission. */
  attemptId: string | null;
  /** The attempt whose mistakes this one retries. */
  retryOf: string | null;
  startedAt: number | null;
  finishedAt: number | null;
  /** Finished attempts, oldest first, at most `HISTORY_LIMIT`. */
  history: HistoryEntry[];
  storageNotice: StorageNotice | null;
  hasHydrated: boolean;
  /** An attempt in progress was restored from storage and the learner has not yet chosen to resume it. */
  awaitingResume: boolean;
}

export const initialQuizState: QuizState = {
  status: "idle",
  settings: null,
  questions: [],
  index: 0,
  answers: {},
  selectedOptionId: null,
  attemptId: null,
  retryOf: null,
  startedAt: null,
  finishedAt: null,
  history: [],
  storageNotice: null,
  hasHydrated: false,
  awaitingResume: false,
};

export function isInProgress(status: QuizStatus): status is "answering" | "feedback" {
  return status === "answering" || status === "feedback";
}

/** The fields of one attempt: what a reset clears and what storage brings back. */
const ATTEMPT_FIELDS = [
  "status",
  "settings",
  "questions",
  "index",
  "answers",
  "selectedOptionId",
  "attemptId",
  "retryOf",
  "startedAt",
  "finishedAt",
] as const satisfies readonly (keyof QuizState)[];
export type AttemptFields = Pick<QuizState, (typeof ATTEMPT_FIELDS)[number]>;

export function pickAttemptFields(state: QuizState): AttemptFields {
  return Object.fromEntries(ATTEMPT_FIELDS.map((field) => [field, state[field]])) as AttemptFields;
}

export const idleAttempt: AttemptFields = pickAttemptFields(initialQuizState);
