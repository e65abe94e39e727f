/**
 * The learner's words in IndexedDB, through `idb` (1.2 kB gzip: promises over
 * IndexedDB, nothing more). Every change is one read-modify-write transaction
 * on the record, so two tabs answering at once each add their answer to what
 * the other wrote: IndexedDB runs overlapping readwrite transactions on a
 * store one after the other.
 *
 * Nothing read back is trusted: a record that does not validate, or comes
 * from another version, is moved to the `aside` store (never deleted), the
 * learner is told, and it still goes out in the Glose JSON export.
 *
 * Where IndexedDB is missing, refused (private modes, blocked storage) or
 * holds a newer version, the same interface runs in memory for the session,
 * and the notice says so.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { mergeWords, type MergeResult } from "@/questions/words/merge";
import { parseSavedWord, type SavedWord } from "@/questions/words/word";

export const WORDS_DB_NAME = "glose-words";
/** The database layout (stores); record layouts have their own version (WORD_RECORD_VERSION). */
export const WORDS_DB_VERSION = 1;

export type AsideReason = "corrupted" | "outdated" | "newer";

export interface AsideRecord {
  raw: unknown;
  reason: AsideReason;
  at: number;
}

interface WordsSchema extends DBSchema {
  words: { key: string; value: SavedWord };
  aside: { key: number; value: AsideRecord };
  /** Gloss look-ups by glossary term id: three make a suggestion. */
  lookups: { key: string; value: number };
}

/** Why storage did not do what was asked; the UI words it in the learner's language. */
export type StorageProblem = "unavailable" | "full" | "newer" | "closed";

export class WordsStorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    options?: { cause?: unknown },
  ) {
    super(`words storage: ${problem}`, options);
    this.name = "WordsStorageError";
  }
}

export interface ReadResult {
  words: SavedWord[];
  /** Records moved aside by this read, by reason. */
  setAside: Partial<Record<AsideReason, number>>;
  /** All records kept aside, this read's and earlier ones. */
  asideCount: number;
}

export interface WordsRepository {
  /** "indexeddb", or "memory" when the words last only as long as the tab. */
  readonly kind: "indexeddb" | "memory";
  readAll(): Promise<ReadResult>;
  /**
   * Reads a word, lets `change` decide, writes the result: atomically.
   * `change` returns the word to store, or `null` to delete it, or the
   * same object to leave it alone. Resolves to what is stored afterwards.
   */
  update(
    id: string,
    change: (current: SavedWord | undefined) => SavedWord | null | undefined,
  ): Promise<SavedWord | undefined>;
  /** Several words in one transaction (mark all as known). */
  updateMany(
    ids: readonly string[],
    change: (current: SavedWord | undefined, id: string) => SavedWord | null | undefined,
  ): Promise<SavedWord[]>;
  /** An import: merged into what is stored, in one transaction. */
  merge(incoming: readonly SavedWord[]): Promise<MergeResult>;
  asideRecords(): Promise<AsideRecord[]>;
  /** Counts one more look-up of a glossary term; resolves to the new count. */
  countLookup(termId: string): Promise<number>;
  lookups(termId: string): Promise<number>;
  close(): void;
}

function errorName(error: unknown): unknown {
  return typeof error === "object" && error !== null && "name" in error ? error.name : undefined;
}

export function isQuotaExceeded(error: unknown): boolean {
  const name = errorName(error);
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED";
}

/** What the learner is told when a write fails: its storage problem, or that it failed. */
export function problemOf(error: unknown): StorageProblem | "failed" {
  const mapped = storageError(error);
  return mapped instanceof WordsStorageError ? mapped.problem : "failed";
}

/** Turns what IndexedDB throws into the problems the learner is told about. */
function storageError(error: unknown): unknown {
  if (error instanceof WordsStorageError) return error;
  if (isQuotaExceeded(error)) return new WordsStorageError("full", { cause: error });
  if (errorName(error) === "InvalidStateError") return new WordsStorageError("closed", { cause: error });
  return error;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storageError(error);
  }
}

/** What `change` asked for: a word to write, `null` to delete, or nothing to do. */
type Decision = { write: SavedWord } | { remove: true } | { keep: true };

function decide(current: SavedWord | undefined, next: SavedWord | null | undefined): Decision {
  if (next === undefined || next === current) return { keep: true };
  if (next === null) return current ? { remove: true } : { keep: true };
  return { write: next };
}

function idbRepository(db: IDBPDatabase<WordsSchema>, onClosed: () => void): WordsRepository {
  db.addEventListener("close", onClosed);

  type WordsTx = ReturnType<typeof wordsTransaction>;
  const wordsTransaction = () => db.transaction(["words", "aside"], "readwrite");

  /** The stored word; an unreadable record under its key is moved aside first, never overwritten. */
  async function readValid(tx: WordsTx, id: string): Promise<SavedWord | undefined> {
    const raw: unknown = await tx.objectStore("words").get(id);
    if (raw === undefined) return undefined;
    const parsed = parseSavedWord(raw);
    if (parsed.ok) return parsed.word;
    await tx.objectStore("aside").add({ raw, reason: parsed.reason, at: Date.now() });
    return undefined;
  }

  return {
    kind: "indexeddb",

    readAll: () =>
      guarded(async () => {
        const tx = wordsTransaction();
        const store = tx.objectStore("words");
        // getAll, not a cursor: one request for all records instead of one per record
        // (10,000 words read in a fraction of the time).
        const [records, keys] = await Promise.all([store.getAll(), store.getAllKeys()]);
        const words: SavedWord[] = [];
        const setAside: ReadResult["setAside"] = {};
        for (const [i, record] of records.entries()) {
          const parsed = parseSavedWord(record);
          if (parsed.ok) {
            words.push(parsed.word);
            continue;
          }
          const key = keys[i];
          await tx.objectStore("aside").add({ raw: record, reason: parsed.reason, at: Date.now() });
          if (key !== undefined) await store.delete(key);
          setAside[parsed.reason] = (setAside[parsed.reason] ?? 0) + 1;
        }
        const asideCount = await tx.objectStore("aside").count();
        await tx.done;
        return { words, setAside, asideCount };
      }),

    update: (id, change) =>
      guarded(async () => {
        const tx = wordsTransaction();
        const store = tx.objectStore("words");
        const current = await readValid(tx, id);
        const decision = decide(current, change(current));
        let stored = current;
        if ("write" in decision) {
          await store.put(decision.write);
          stored = decision.write;
        } else if ("remove" in decision) {
          await store.delete(id);
          stored = undefined;
        }
        await tx.done;
        return stored;
      }),

    updateMany: (ids, change) =>
      guarded(async () => {
        const tx = wordsTransaction();
        const store = tx.objectStore("words");
        const written: SavedWord[] = [];
        for (const id of ids) {
          const current = await readValid(tx, id);
          const decision = decide(current, change(current, id));
          if ("write" in decision) {
            await store.put(decision.write);
            written.push(decision.write);
          } else if ("remove" in decision) await store.delete(id);
        }
        await tx.done;
        return written;
      }),

    merge: (incoming) =>
      guarded(async () => {
        const tx = wordsTransaction();
        const existing = new Map<string, SavedWord>();
        for (const id of new Set(incoming.map((word) => word.id))) {
          const current = await readValid(tx, id);
          if (current) existing.set(id, current);
        }
        const result = mergeWords(existing, incoming);
        for (const word of result.changed) await tx.objectStore("words").put(word);
        await tx.done;
        return result;
      }),

    asideRecords: () => guarded(() => db.getAll("aside")),

    countLookup: (termId) =>
      guarded(async () => {
        const tx = db.transaction("lookups", "readwrite");
        const count = ((await tx.store.get(termId)) ?? 0) + 1;
        await tx.store.put(count, termId);
        await tx.done;
        return count;
      }),

    lookups: (termId) => guarded(async () => (await db.get("lookups", termId)) ?? 0),

    close: () => db.close(),
  };
}

/** The same interface in memory: the words last as long as the tab. Also what tests of the UI use. */
export function memoryRepository(initial: readonly SavedWord[] = []): WordsRepository {
  const words = new Map(initial.map((word) => [word.id, word]));
  const lookupCounts = new Map<string, number>();
  const apply = (id: string, next: SavedWord | null | undefined) => {
    const decision = decide(words.get(id), next);
    if ("write" in decision) words.set(id, decision.write);
    else if ("remove" in decision) words.delete(id);
    return "write" in decision ? decision.write : undefined;
  };
  return {
    kind: "memory",
    readAll: async () => ({ words: [...words.values()], setAside: {}, asideCount: 0 }),
    update: async (id, change) => {
      apply(id, change(words.get(id)));
      return words.get(id);
    },
    updateMany: async (ids, change) => ids.flatMap((id) => apply(id, change(words.get(id), id)) ?? []),
    merge: async (incoming) => {
      const result = mergeWords(words, incoming);
      for (const word of result.changed) words.set(word.id, word);
      return result;
    },
    asideRecords: async () => [],
    countLookup: async (termId) => {
      const count = (lookupCounts.get(termId) ?? 0) + 1;
      lookupCounts.set(termId, count);
      return count;
    },
    lookups: async (termId) => lookupCounts.get(termId) ?? 0,
    close: () => {},
  };
}

export interface OpenedRepository {
  repository: WordsRepository;
  /** Set when the words cannot be kept on this device; the learner must be told. */
  problem: StorageProblem | null;
}

export interface OpenOptions {
  /** Another tab opened a newer Glose: this connection closes and the page should say so. */
  onClosed?: () => void;
}

/** Opens the words database, or falls back to memory and says why. */
export async function openWordsRepository({
  onClosed = () => {},
}: OpenOptions = {}): Promise<OpenedRepository> {
  if (typeof indexedDB === "undefined") return { repository: memoryRepository(), problem: "unavailable" };
  try {
    const db = await openDB<WordsSchema>(WORDS_DB_NAME, WORDS_DB_VERSION, {
      upgrade(database, oldVersion) {
        // Each step creates what its version added; later versions add steps, never edit these.
        if (oldVersion < 1) {
          database.createObjectStore("words", { keyPath: "id" });
          database.createObjectStore("aside", { autoIncrement: true });
          database.createObjectStore("lookups");
        }
      },
      blocking(_current, _blocked, event) {
        // A newer Glose in another tab needs to upgrade: let it, and tell this page.
        (event.target as IDBDatabase).close();
        onClosed();
      },
    });
    return { repository: idbRepository(db, onClosed), problem: null };
  } catch (error) {
    const newer = errorName(error) === "VersionError";
    return { repository: memoryRepository(), problem: newer ? "newer" : "unavailable" };
  }
}
