/**
 * The quiz store: one attempt at a quiz, its answers, and the history of
 * finished attempts, persisted on the device.
 *
 * A factory rather than a module-level store (zustand's Next.js guide): a
 * learner has a self-study quiz and assignment quizzes, each with its own
 * persisted attempt, and a store must never be shared between server requests.
 * The store receives questions from outside; building them is `questions/`'s job.
 */
import { persist, type PersistStorage } from "zustand/middleware";
import { createStore } from "zustand/vanilla";
import { quizStorageName } from "./quiz-storage-name";
import { QUESTION_KINDS, type QuestionKind } from "@/questions/question-kinds";
import type { Question } from "@/questions/question-types";
import type * as PersistenceChecksModule from "./quiz-store-schemas";
import type { AnswerEntry, HistoryEntry, PersistedAttempt, QuizSettings } from "./quiz-store-schemas";
import { scoreAnswers, type AnswerRecord, type QuizScore } from "@/questions/scoring";

/* ------------------------------------------------------------------------ */
/* Types, inferred from the schemas that guard the storage boundary          */
/* ------------------------------------------------------------------------ */

export const QUIZ_STORE_VERSION = 1;
export const HISTORY_LIMIT = 50;

/** The localStorage key of a store: one per self-study quiz or assignment. */
export { quizStorageName };

export const QUIZ_STATUSES = ["idle", "answering", "feedback", "finished"] as const;
export type QuizStatus = (typeof QUIZ_STATUSES)[number];

// The persisted shapes are defined by their schemas (quiz-store-schemas.ts);
// type-only imports, so the schemas load only when saved progress is read.
export type { AnswerEntry, HistoryEntry, QuizMode, QuizSettings } from "./quiz-store-schemas";

export const HELP_KINDS = ["evidence", "question"] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

export const STORAGE_NOTICES = ["corrupted", "outdated", "unavailable", "full", "notLoaded"] as const;
/**
 * Why saved progress was reset or cannot be saved; the UI words it in the learner's language.
 * `notLoaded`: the code that checks saved progress could not load (offline, not yet cached),
 * so what was saved is kept unread and untouched until the next visit.
 */
export type StorageNotice = (typeof STORAGE_NOTICES)[number];

export interface QuizState {
  status: QuizStatus;
  settings: QuizSettings | null;
  questions: Question[];
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

export interface QuizActions {
  /** From idle or finished; an attempt in progress must be `reset()` first. */
  start: (questions: readonly Question[], settings: QuizSettings) => void;
  /** While answering; may change the choice until confirmed. */
  choose: (optionId: string) => void;
  /** While answering with a choice: practice → feedback, test → next question (or finished). */
  confirm: () => void;
  /** In feedback: next question, or finished after the last. */
  next: () => void;
  /** While answering, if helps are allowed. */
  useHelp: (kind: HelpKind) => void;
  /** While answering or in feedback: ends early, unanswered questions count as wrong. */
  finish: () => void;
  /** When finished with mistakes: a new attempt on the retry questions, same settings, next seed. */
  retryMistakes: () => void;
  /** Accepts the resume offer; restarts the clock of the current question. */
  resume: () => void;
  /** Back to idle; keeps history. */
  reset: () => void;
  dismissStorageNotice: () => void;
}

export type QuizStoreState = QuizState & QuizActions;

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

/* ------------------------------------------------------------------------ */
/* Selectors: plain functions, memoised on immutable inputs                  */
/* ------------------------------------------------------------------------ */

/*
 * zustand 5 hands selectors to useSyncExternalStore, which loops forever if a
 * selector returns a new object for the same state. Derived objects are
 * therefore cached on the (immutable) `questions` and `answers` they come from.
 */
function memoOn<R extends object>(
  compute: (questions: Question[], answers: Record<string, AnswerEntry>) => R,
): (state: Pick<QuizState, "questions" | "answers">) => R {
  const cache = new WeakMap<Question[], WeakMap<Record<string, AnswerEntry>, R>>();
  return ({ questions, answers }) => {
    let byAnswers = cache.get(questions);
    if (!byAnswers) {
      byAnswers = new WeakMap();
      cache.set(questions, byAnswers);
    }
    const hit = byAnswers.get(answers);
    if (hit) return hit;
    const result = compute(questions, answers);
    byAnswers.set(answers, result);
    return result;
  };
}

function isInProgress(status: QuizStatus): status is "answering" | "feedback" {
  return status === "answering" || status === "feedback";
}

export function selectCurrentQuestion(state: QuizState): Question | null {
  if (!isInProgress(state.status)) return null;
  return state.questions[state.index] ?? null;
}

/** The current question's entry: its confirmed option (in feedback) and the help used. */
export function selectCurrentAnswer(state: QuizState): AnswerEntry | null {
  const question = selectCurrentQuestion(state);
  return question ? (state.answers[question.id] ?? null) : null;
}

/** What a submission sends and `scoreAnswers` reads; time from timestamps, never a ticking timer. */
export const selectAnswerRecords = memoOn((questions, answers): AnswerRecord[] =>
  questions.flatMap((question) => {
    const entry = answers[question.id];
    if (!entry) return [];
    const answered = entry.answeredAt !== null;
    return [
      {
        questionId: question.id,
        optionId: answered ? entry.optionId : null,
        helpUsed: entry.help.evidence || entry.help.question,
        ms: entry.answeredAt !== null ? Math.max(0, entry.answeredAt - entry.startedAt) : 0,
      },
    ];
  }),
);

export interface QuizProgress {
  answered: number;
  total: number;
}

export const selectProgress = memoOn((questions, answers): QuizProgress => ({
  answered: questions.filter((question) => answers[question.id]?.answeredAt != null).length,
  total: questions.length,
}));

export const selectScore = memoOn((questions, answers): QuizScore =>
  scoreAnswers(questions, selectAnswerRecords({ questions, answers })),
);

/** Questions not answered correctly (wrong or unanswered); the "retry my mistakes" set once finished. */
export const selectMistakes = memoOn((questions, answers): Question[] => {
  const correct = new Set(
    selectScore({ questions, answers })
      .perQuestion.filter((result) => result.correct)
      .map((result) => result.questionId),
  );
  return questions.filter((question) => !correct.has(question.id));
});

/** After hydration, an attempt in progress came back from storage: offer to resume or start afresh. */
export function selectIsResumable(state: QuizState): boolean {
  return state.hasHydrated && state.awaitingResume && isInProgress(state.status);
}

/* ------------------------------------------------------------------------ */
/* Storage that never throws                                                 */
/* ------------------------------------------------------------------------ */

/** The synchronous subset of the Web Storage API: with nothing saved, hydration ends in the same tick as `rehydrate()`. */
export type SyncStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function createMemoryStorage(): SyncStorage {
  const items = new Map<string, string>();
  return {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => {
      items.set(name, String(value));
    },
    removeItem: (name) => {
      items.delete(name);
    },
  };
}

function defaultStorage(): SyncStorage {
  // On the server there is nothing to persist to, and nothing to tell anyone.
  if (typeof window === "undefined") return createMemoryStorage();
  return window.localStorage;
}

function isQuotaExceeded(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const name = "name" in error ? error.name : undefined;
  const code = "code" in error ? error.code : undefined;
  // Firefox used its own name; old WebKit only set the legacy code.
  return (
    name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22 || code === 1014
  );
}

type StorageProblem = Extract<StorageNotice, "unavailable" | "full">;

/**
 * Wraps a Web Storage so it never throws: reading `localStorage` itself throws
 * a SecurityError when cookies are blocked or in sandboxed frames, and some
 * WebViews return `null`. Unavailable → an in-memory fallback for the rest of
 * the session; quota exceeded on write → the write is dropped (the previous
 * save stays intact) and the store keeps working in memory.
 */
function createSafeStorage(
  source: SyncStorage | (() => SyncStorage),
  onProblem: (problem: StorageProblem) => void,
): SyncStorage {
  const memory = createMemoryStorage();
  let backend: SyncStorage | null = null;

  const fallBack = (): SyncStorage => {
    backend = memory;
    onProblem("unavailable");
    return memory;
  };
  const resolve = (): SyncStorage => {
    if (backend) return backend;
    let resolved: SyncStorage | null | undefined;
    try {
      resolved = typeof source === "function" ? source() : source;
    } catch {
      return fallBack();
    }
    if (!resolved) return fallBack();
    backend = resolved;
    return resolved;
  };

  return {
    getItem(name) {
      const storage = resolve();
      try {
        return storage.getItem(name);
      } catch {
        fallBack();
        return null;
      }
    },
    setItem(name, value) {
      const storage = resolve();
      try {
        storage.setItem(name, value);
      } catch (error) {
        if (isQuotaExceeded(error)) {
          onProblem("full");
          return;
        }
        fallBack().setItem(name, value);
      }
    },
    removeItem(name) {
      try {
        resolve().removeItem(name);
      } catch {
        // Nothing stored where nothing can be stored.
      }
    },
  };
}

/** Stands for stored text that is not JSON or not a persist envelope; `merge` reports it as corrupted. */
const CORRUPTED = Symbol("corrupted");

type PersistenceChecks = typeof PersistenceChecksModule;
/** Set once the checks have loaded; `migrate` and `merge` only run after `getItem` loaded them. */
let persistenceChecks: PersistenceChecks | null = null;

function loadPersistenceChecks(): Promise<PersistenceChecks> {
  return import("./quiz-store-schemas").then((checks) => (persistenceChecks = checks));
}

function requirePersistenceChecks(): PersistenceChecks {
  if (!persistenceChecks) throw new Error("Saved quiz progress was merged before its checks loaded.");
  return persistenceChecks;
}

/** The persist envelope in stored text, or CORRUPTED when the text is not JSON or not an envelope. */
function envelopeOf(text: string): { state: unknown; version: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { state: CORRUPTED, version: QUIZ_STORE_VERSION };
  }
  if (!isRecord(parsed) || !("state" in parsed) || !Number.isInteger(parsed.version))
    return { state: CORRUPTED, version: QUIZ_STORE_VERSION };
  return { state: parsed.state, version: parsed.version as number };
}

interface JsonStorage extends PersistStorage<unknown> {
  /** True once the checks failed to load: nothing is written, so saved progress is never overwritten unread. */
  readOnly: () => boolean;
}

/**
 * JSON over the safe storage. Not `createJSONStorage`: its `JSON.parse` throws
 * on corrupted text, and a throwing `getItem` aborts persist's rehydration
 * before it has merged anything or marked the store hydrated.
 * Typed `unknown` because nothing read back is trusted before `merge` validates it.
 *
 * Synchronous when nothing is saved (a first visit loads no validation code);
 * when something is, it waits for the schemas (zod) to load before handing
 * the envelope to persist.
 */
function createJsonStorage(storage: SyncStorage): JsonStorage {
  let readOnly = false;
  return {
    getItem(name) {
      const text = storage.getItem(name);
      if (text === null) return null;
      return loadPersistenceChecks().then(
        () => envelopeOf(text),
        (error: unknown) => {
          readOnly = true;
          throw error;
        },
      );
    },
    setItem(name, value) {
      if (!readOnly) storage.setItem(name, JSON.stringify(value));
    },
    removeItem(name) {
      if (!readOnly) storage.removeItem(name);
    },
    readOnly: () => readOnly,
  };
}

/* ------------------------------------------------------------------------ */
/* What is persisted, and how it is checked on the way back                  */
/* ------------------------------------------------------------------------ */

/** The only part of the state written to storage. */
interface PersistedSlice {
  attempt: PersistedAttempt | null;
  history: HistoryEntry[];
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
type AttemptFields = Pick<QuizState, (typeof ATTEMPT_FIELDS)[number]>;

function pickAttemptFields(state: QuizState): AttemptFields {
  return Object.fromEntries(ATTEMPT_FIELDS.map((field) => [field, state[field]])) as AttemptFields;
}

const idleAttempt: AttemptFields = pickAttemptFields(initialQuizState);

function toPersistedAttempt(state: QuizState): PersistedAttempt | null {
  const { status, settings, attemptId, startedAt } = state;
  if (status === "idle" || settings === null || attemptId === null || startedAt === null) return null;
  return {
    status,
    settings,
    questions: state.questions,
    index: state.index,
    answers: state.answers,
    selectedOptionId: state.selectedOptionId,
    attemptId,
    retryOf: state.retryOf,
    startedAt,
    finishedAt: state.finishedAt,
  };
}

function partialize(state: QuizState): PersistedSlice {
  return { attempt: toPersistedAttempt(state), history: state.history };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Validates each part of what was read on its own: a broken attempt resets to
 * idle while a valid history survives, and the other way round.
 */
function mergePersisted(persisted: unknown, current: QuizStoreState, outdated: boolean): QuizStoreState {
  if (persisted === undefined) return current; // nothing saved yet
  const { parseAttempt, salvageHistory } = requirePersistenceChecks();
  const slice = isRecord(persisted) ? persisted : {};
  const attempt = parseAttempt(slice.attempt);
  const history = salvageHistory(slice.history, HISTORY_LIMIT);
  // Reading saved progress waits for its checks to load: a quiz the learner
  // started in the meantime is what they are doing now, and it stays.
  const startedMeanwhile = current.status !== "idle";
  const attemptFields: AttemptFields =
    attempt.valid && !startedMeanwhile ? (attempt.attempt ?? idleAttempt) : pickAttemptFields(current);
  const corrupted = !attempt.valid || !history?.intact;
  return {
    ...current,
    ...attemptFields,
    history: history?.entries ?? current.history,
    awaitingResume: !startedMeanwhile && isInProgress(attemptFields.status),
    storageNotice: outdated ? "outdated" : corrupted ? "corrupted" : current.storageNotice,
  };
}

/* ------------------------------------------------------------------------ */
/* Transitions, as pure functions of the state                               */
/* ------------------------------------------------------------------------ */

function newEntry(at: number): AnswerEntry {
  return { optionId: null, help: { evidence: false, question: false }, startedAt: at, answeredAt: null };
}

function kindsOf(questions: readonly Question[]): QuestionKind[] {
  const present = new Set(questions.map((question) => question.kind));
  return QUESTION_KINDS.filter((kind) => present.has(kind));
}

function finishAttempt(state: QuizState, at: number): Partial<QuizState> {
  const finished: Partial<QuizState> = {
    status: "finished",
    finishedAt: at,
    selectedOptionId: null,
    awaitingResume: false,
  };
  const { settings, attemptId } = state;
  if (!settings || !attemptId || state.history.some((entry) => entry.attemptId === attemptId)) {
    return finished;
  }
  const score = selectScore(state);
  const entry: HistoryEntry = {
    attemptId,
    finishedAt: at,
    mode: settings.mode,
    articleSlug: settings.articleSlug,
    score: score.score,
    maxScore: score.maxScore,
    percentage: score.percentage,
    kinds: kindsOf(state.questions),
    isRetry: state.retryOf !== null,
  };
  return { ...finished, history: [...state.history, entry].slice(-HISTORY_LIMIT) };
}

function advance(state: QuizState, at: number): Partial<QuizState> {
  const index = state.index + 1;
  const question = state.questions[index];
  if (!question) return finishAttempt(state, at);
  return {
    status: "answering",
    index,
    selectedOptionId: null,
    answers: { ...state.answers, [question.id]: newEntry(at) },
  };
}

function beginAttempt(
  questions: readonly Question[],
  settings: QuizSettings,
  ids: { attemptId: string; retryOf: string | null },
  at: number,
): Partial<QuizState> | null {
  // Answers are keyed by question id, so a duplicate would share its twin's answer.
  const unique = questions.filter((question, i) => questions.findIndex((q) => q.id === question.id) === i);
  const first = unique[0];
  if (!first) return null;
  return {
    ...idleAttempt,
    status: "answering",
    settings,
    questions: unique,
    answers: { [first.id]: newEntry(at) },
    attemptId: ids.attemptId,
    retryOf: ids.retryOf,
    startedAt: at,
    awaitingResume: false,
  };
}

/* ------------------------------------------------------------------------ */
/* The store                                                                 */
/* ------------------------------------------------------------------------ */

export interface CreateQuizStoreOptions {
  /** Unique per quiz: "self-study", `assignment:${id}`… The storage key is `glose-quiz:${persistKey}`. */
  persistKey: string;
  /** Defaults to `window.localStorage`; a getter is called lazily so a throwing getter is caught. */
  storage?: SyncStorage | (() => SyncStorage);
  /** Builds the retry round; defaults to asking the missed questions again. */
  getRetryQuestions?: (missed: Question[], seed: number) => Question[];
  now?: () => number;
  createId?: () => string;
}

/** `crypto.randomUUID` exists only in secure contexts; a phone on the dev server over plain http has only `getRandomValues`. */
export function randomId(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function createQuizStore({
  persistKey,
  storage = defaultStorage,
  getRetryQuestions = (missed) => missed,
  now = Date.now,
  createId = randomId,
}: CreateQuizStoreOptions) {
  // Notices are raised from inside storage calls, which only happen once the store exists.
  const report = (notice: StorageNotice) => {
    // Setting the notice writes to storage again; when that fails the same way, the notice
    // is already set and this returns, so a full storage cannot recurse.
    if (store.getState().storageNotice !== notice) store.setState({ storageNotice: notice });
  };
  // Lets `merge` tell a slice `migrate` produced (→ "outdated") from one read as is.
  const migratedSlices = new WeakSet<object>();
  const jsonStorage = createJsonStorage(createSafeStorage(storage, report));

  const store = createStore<QuizStoreState>()(
    persist<QuizStoreState, [], [], unknown>(
      (set, get) => ({
        ...initialQuizState,

        start: (questions, settings) => {
          const { status } = get();
          if (status !== "idle" && status !== "finished") return;
          const attempt = beginAttempt(questions, settings, { attemptId: createId(), retryOf: null }, now());
          if (attempt) set(attempt);
        },

        choose: (optionId) => {
          const state = get();
          const question = selectCurrentQuestion(state);
          if (state.status !== "answering" || !question) return;
          if (!question.options.some((option) => option.id === optionId)) return;
          set({ selectedOptionId: optionId });
        },

        confirm: () => {
          const state = get();
          const question = selectCurrentQuestion(state);
          const entry = selectCurrentAnswer(state);
          const optionId = state.selectedOptionId;
          if (state.status !== "answering" || !question || !entry || optionId === null) return;
          const at = now();
          const answered: QuizState = {
            ...state,
            selectedOptionId: null,
            answers: { ...state.answers, [question.id]: { ...entry, optionId, answeredAt: at } },
          };
          if (state.settings?.mode === "test") {
            set({ answers: answered.answers, ...advance(answered, at) });
          } else {
            set({ answers: answered.answers, selectedOptionId: null, status: "feedback" });
          }
        },

        next: () => {
          const state = get();
          if (state.status !== "feedback") return;
          set(advance(state, now()));
        },

        useHelp: (kind) => {
          const state = get();
          const question = selectCurrentQuestion(state);
          const entry = selectCurrentAnswer(state);
          if (state.status !== "answering" || !state.settings?.helpsAllowed || !question || !entry) return;
          // The stem is already English: revealing it again reveals nothing and must not cost half a point.
          if (kind === "question" && question.language === "en") return;
          if (entry.help[kind]) return;
          set({
            answers: { ...state.answers, [question.id]: { ...entry, help: { ...entry.help, [kind]: true } } },
          });
        },

        finish: () => {
          const state = get();
          if (!isInProgress(state.status)) return;
          set(finishAttempt(state, now()));
        },

        retryMistakes: () => {
          const state = get();
          const { settings, attemptId } = state;
          if (state.status !== "finished" || !settings || !attemptId) return;
          const missed = selectMistakes(state);
          if (missed.length === 0) return;
          // A new seed so the generator picks other variants (and another order) for the same topics.
          const seed = settings.options.seed + 1;
          const questions = getRetryQuestions(missed, seed);
          const attempt = beginAttempt(
            questions,
            { ...settings, options: { ...settings.options, seed } },
            { attemptId: createId(), retryOf: attemptId },
            now(),
          );
          if (attempt) set(attempt);
        },

        resume: () => {
          const state = get();
          if (!state.awaitingResume) return;
          const question = selectCurrentQuestion(state);
          const entry = selectCurrentAnswer(state);
          if (state.status !== "answering" || !question || !entry) {
            set({ awaitingResume: false });
            return;
          }
          // Time away (a closed tab, a night) is not time on the question; what was spent
          // before the interruption is unknown, so the question's clock starts again.
          set({
            awaitingResume: false,
            answers: { ...state.answers, [question.id]: { ...entry, startedAt: now() } },
          });
        },

        reset: () => {
          set({ ...idleAttempt, awaitingResume: false });
        },

        dismissStorageNotice: () => {
          if (get().storageNotice !== null) set({ storageNotice: null });
        },
      }),
      {
        name: quizStorageName(persistKey),
        version: QUIZ_STORE_VERSION,
        storage: jsonStorage,
        // Server HTML and the first client render must agree: the UI rehydrates in an effect.
        skipHydration: true,
        partialize,
        migrate: (persisted) => {
          // Version 1 is the first that shipped: any other version has a shape this code cannot
          // read, so the attempt resets and only history entries that still validate are kept.
          const history = requirePersistenceChecks().salvageHistory(
            isRecord(persisted) ? persisted.history : undefined,
            HISTORY_LIMIT,
          );
          const slice: PersistedSlice = { attempt: null, history: history?.entries ?? [] };
          migratedSlices.add(slice);
          return slice;
        },
        merge: (persisted, current) =>
          mergePersisted(persisted, current, isRecord(persisted) && migratedSlices.has(persisted)),
        onRehydrateStorage: () => (_state, error) => {
          // Also writes the validated state back, replacing corrupted or outdated data,
          // and marks the store hydrated even if rehydration failed, so the UI is never stuck.
          // When the checks could not load (offline, not yet cached), what was saved is kept
          // untouched and the learner is told it waits for a visit online.
          const notice: StorageNotice = jsonStorage.readOnly() ? "notLoaded" : "corrupted";
          store.setState(error ? { hasHydrated: true, storageNotice: notice } : { hasHydrated: true });
        },
      },
    ),
  );
  return store;
}

export type QuizStore = ReturnType<typeof createQuizStore>;
