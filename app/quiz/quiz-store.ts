/**
 * The quiz store: one attempt at a quiz, its answers, and the history of
 * finished attempts, persisted on the device.
 *
 * A factory rather than a module-level store (zustand's Next.js guide): a
 * learner has a self-study quiz and assignment quizzes, each with its own
 * persisted attempt, and a store must never be shared between server requests.
 * The store receives questions from outside; building them is `questions/`'s job.
 *
 * This file only wires actions to the pure transitions of `quiz-transitions.ts`;
 * the state is described in `quiz-state.ts`, what screens read in
 * `quiz-selectors.ts`, and what is kept on the device in `quiz-persistence.ts`.
 */
import { persist } from "zustand/middleware";
import { createStore } from "zustand/vanilla";
import type { SyncStorage } from "@/app/_lib/safe-storage";
import type { Question } from "@/questions/question-types";
import { quizPersistOptions } from "./quiz-persistence";
import {
  initialQuizState,
  type HelpKind,
  type QuizQuestion,
  type QuizSettings,
  type QuizState,
  type StorageNotice,
} from "./quiz-state";
import * as transitions from "./quiz-transitions";

export interface QuizActions {
  /** From idle or finished; an attempt in progress must be `reset()` first. */
  start: (questions: readonly QuizQuestion[], settings: QuizSettings) => void;
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
function randomId(): string {
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
  storage,
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
  const onHydrated = (notice: StorageNotice | null) =>
    store.setState(notice ? { hasHydrated: true, storageNotice: notice } : { hasHydrated: true });

  const store = createStore<QuizStoreState>()(
    persist<QuizStoreState, [], [], unknown>((set, get) => {
      /** Applies a transition; `null` means the action made no sense now and is ignored. */
      const apply = (change: Partial<QuizState> | null) => {
        if (change) set(change);
      };
      return {
        ...initialQuizState,
        start: (questions, settings) => apply(transitions.start(get(), questions, settings, createId, now())),
        choose: (optionId) => apply(transitions.choose(get(), optionId)),
        confirm: () => apply(transitions.confirm(get(), now())),
        next: () => apply(transitions.next(get(), now())),
        useHelp: (kind) => apply(transitions.revealHelp(get(), kind)),
        finish: () => apply(transitions.finish(get(), now())),
        retryMistakes: () => apply(transitions.retryMistakes(get(), getRetryQuestions, createId, now())),
        resume: () => apply(transitions.resume(get(), now())),
        reset: () => apply(transitions.reset()),
        dismissStorageNotice: () => {
          if (get().storageNotice !== null) set({ storageNotice: null });
        },
      };
    }, quizPersistOptions<QuizStoreState>({ persistKey, storage, report, onHydrated })),
  );
  return store;
}

export type QuizStore = ReturnType<typeof createQuizStore>;
