/**
 * How the quiz store is kept on the device: what is written (the attempt and
 * the history, nothing else), how stored text is read back, and how what is
 * read is checked before it reaches the screens. The checks (zod) load only
 * when something was saved, so a first visit loads no validation code.
 */
import type { PersistOptions, PersistStorage } from "zustand/middleware";
import { createSafeStorage, type StorageProblem, type SyncStorage } from "@/app/_lib/safe-storage";
import type * as PersistenceChecksModule from "./quiz-store-schemas";
import type { PersistedAttempt } from "./quiz-store-schemas";
import { quizStorageName } from "./quiz-storage-name";
import {
  HISTORY_LIMIT,
  idleAttempt,
  isInProgress,
  pickAttemptFields,
  type AttemptFields,
  type HistoryEntry,
  type QuizState,
  type StorageNotice,
} from "./quiz-state";

export const QUIZ_STORE_VERSION = 1;

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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

/** The only part of the state written to storage. */
interface PersistedSlice {
  attempt: PersistedAttempt | null;
  history: HistoryEntry[];
}

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

/**
 * Validates each part of what was read on its own: a broken attempt resets to
 * idle while a valid history survives, and the other way round.
 */
function mergePersisted<S extends QuizState>(persisted: unknown, current: S, outdated: boolean): S {
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

export interface QuizPersistenceOptions {
  persistKey: string;
  /** Defaults to the browser's `localStorage` (memory on the server). */
  storage?: SyncStorage | (() => SyncStorage);
  /** Raises a notice on the store; called from storage calls, once the store exists. */
  report: (notice: StorageNotice) => void;
  /** Rehydration ended, with the notice to show when it failed. */
  onHydrated: (notice: StorageNotice | null) => void;
}

/** zustand `persist` options for one quiz store. */
export function quizPersistOptions<S extends QuizState>({
  persistKey,
  storage,
  report,
  onHydrated,
}: QuizPersistenceOptions): PersistOptions<S, unknown> {
  // Lets `merge` tell a slice `migrate` produced (→ "outdated") from one read as is.
  const migratedSlices = new WeakSet<object>();
  const jsonStorage = createJsonStorage(
    createSafeStorage(storage, (problem: StorageProblem) => report(problem)),
  );
  return {
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
      onHydrated(error ? (jsonStorage.readOnly() ? "notLoaded" : "corrupted") : null);
    },
  };
}
