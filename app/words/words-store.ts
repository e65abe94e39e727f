/**
 * The learner's words on this page: state and actions over the repository
 * (words-db.ts). Every action writes first and shows the result after, so
 * what the learner sees is what is stored; a failed write leaves the state
 * as it was and raises a notice.
 *
 * Other tabs are told of each write on a BroadcastChannel and re-read, so a
 * review in one tab and the reader in another stay in step.
 */
import { createStore } from "zustand/vanilla";
import type { MergeResult } from "@/questions/words/merge";
import { createWord, recordAnswer, setMeaning, setStatus, type NewWordInput } from "@/questions/words/status";
import {
  wordKey,
  type CardKind,
  type GradeName,
  type SavedWord,
  type WordStatus,
} from "@/questions/words/word";
import { markHasSavedWords } from "./has-words";
import {
  openWordsRepository,
  problemOf,
  type AsideReason,
  type OpenedRepository,
  type WordsRepository,
} from "./words-db";

/** What the learner is told about storage, in their language (locales/…/words.json, `notice.*`). */
export type WordsNotice = "unavailable" | "full" | "newer" | "closed" | "failed" | AsideReason;

export interface WordsState {
  status: "idle" | "loading" | "ready";
  words: Record<string, SavedWord>;
  /** Records kept aside on this device (unreadable), still in the JSON export. */
  asideCount: number;
  notice: WordsNotice | null;
  /** "memory" when nothing outlives the tab. */
  storage: WordsRepository["kind"] | null;
}

export interface WordsActions {
  /** Reads every word; later calls return the same load. */
  load: () => Promise<void>;
  /** Saves a word, or updates the meaning and sentence of one already saved; resolves to what is stored. */
  save: (input: NewWordInput) => Promise<SavedWord | undefined>;
  answer: (wordId: string, card: CardKind, grade: GradeName) => Promise<SavedWord | undefined>;
  setStatus: (wordId: string, status: WordStatus) => Promise<void>;
  setMeaning: (wordId: string, meaning: string) => Promise<void>;
  remove: (wordId: string) => Promise<void>;
  /** "Mark all the rest as known": lemmas not saved yet become known words; saved ones are left alone. */
  markKnown: (lemmas: readonly string[], slug: string) => Promise<number>;
  importWords: (words: readonly SavedWord[]) => Promise<MergeResult | null>;
  asideRecords: () => Promise<unknown[]>;
  countLookup: (termId: string) => Promise<number>;
  dismissNotice: () => void;
  /** Closes the database and the channel (tests; a page keeps its store). */
  close: () => void;
}

export type WordsStore = ReturnType<typeof createWordsStore>;

export interface CreateWordsStoreOptions {
  open?: (onClosed: () => void) => Promise<OpenedRepository>;
  now?: () => number;
  createId?: () => string;
  /** Tabs talk on this channel; null for none. */
  channelName?: string | null;
}

export const WORDS_CHANNEL = "glose-words";

function randomId(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join(
    "",
  );
}

export function createWordsStore({
  open = (onClosed) => openWordsRepository({ onClosed }),
  now = Date.now,
  createId = randomId,
  channelName = WORDS_CHANNEL,
}: CreateWordsStoreOptions = {}) {
  let repository: WordsRepository | null = null;
  let loading: Promise<void> | null = null;
  const channel =
    channelName && typeof BroadcastChannel !== "undefined" ? new BroadcastChannel(channelName) : null;

  const store = createStore<WordsState & WordsActions>()((set, get) => {
    const notify = (notice: WordsNotice) => set({ notice });

    async function reload() {
      if (!repository) return;
      const { words, setAside, asideCount } = await repository.readAll();
      const reasons = Object.keys(setAside) as AsideReason[];
      set({
        words: Object.fromEntries(words.map((word) => [word.id, word])),
        asideCount,
        ...(reasons[0] ? { notice: reasons.includes("corrupted") ? "corrupted" : reasons[0] } : {}),
      });
    }

    // Another tab wrote: read again, so both show the same words.
    channel?.addEventListener("message", () => {
      if (get().status === "ready") void reload().catch(() => {});
    });

    /** Runs a write; on failure the state stays as it was and the learner is told why. */
    async function write<T>(work: (repo: WordsRepository) => Promise<T>): Promise<T | undefined> {
      await get().load();
      if (!repository) return undefined;
      try {
        const result = await work(repository);
        return result;
      } catch (error) {
        notify(problemOf(error));
        return undefined;
      }
    }

    function stored(words: readonly (SavedWord | undefined)[], removed: readonly string[] = []) {
      if (words.some(Boolean) && typeof window !== "undefined") markHasSavedWords();
      const next = { ...get().words };
      for (const word of words) if (word) next[word.id] = word;
      for (const id of removed) delete next[id];
      set({ words: next });
      channel?.postMessage({ type: "changed" });
    }

    return {
      status: "idle",
      words: {},
      asideCount: 0,
      notice: null,
      storage: null,

      load: () => {
        loading ??= (async () => {
          set({ status: "loading" });
          const opened = await open(() => notify("closed"));
          repository = opened.repository;
          set({ storage: repository.kind, ...(opened.problem ? { notice: opened.problem } : {}) });
          try {
            await reload();
          } catch (error) {
            notify(problemOf(error));
          }
          set({ status: "ready" });
        })();
        return loading;
      },

      save: async (input) => {
        const at = now();
        const fresh = createWord(input, at);
        const word = await write((repo) =>
          repo.update(fresh.id, (current) => {
            if (!current) return fresh;
            // Saved again: a new meaning or sentence replaces the old; the history stays.
            const meaning = fresh.meaning || current.meaning;
            const withMeaning = setMeaning(current, meaning, at);
            const revived = current.status === "known" || current.status === "ignored";
            const next =
              revived && input.status !== "known" ? setStatus(withMeaning, "learning", at) : withMeaning;
            return fresh.context && !current.context ? { ...next, context: fresh.context } : next;
          }),
        );
        stored([word]);
        return word;
      },

      answer: async (wordId, card, grade) => {
        const answer = { id: createId(), card, grade, at: now() };
        const word = await write((repo) =>
          repo.update(wordId, (current) => current && recordAnswer(current, answer)),
        );
        stored([word]);
        return word;
      },

      setStatus: async (wordId, status) => {
        const word = await write((repo) =>
          repo.update(wordId, (current) => current && setStatus(current, status, now())),
        );
        stored([word]);
      },

      setMeaning: async (wordId, meaning) => {
        const word = await write((repo) =>
          repo.update(wordId, (current) => current && setMeaning(current, meaning, now())),
        );
        stored([word]);
      },

      remove: async (wordId) => {
        const done = await write((repo) => repo.update(wordId, () => null).then(() => true));
        if (done) stored([], [wordId]);
      },

      markKnown: async (lemmas, slug) => {
        const at = now();
        const ids = [...new Set(lemmas.map(wordKey))];
        const written = await write((repo) =>
          repo.updateMany(ids, (current, id) =>
            current
              ? current
              : createWord({ lemma: id, meaning: "", context: null, status: "known", tags: [slug] }, at),
          ),
        );
        stored(written ?? []);
        return written?.length ?? 0;
      },

      importWords: async (words) => {
        const result = await write((repo) => repo.merge(words));
        if (result) stored(result.changed);
        return result ?? null;
      },

      asideRecords: async () => {
        const records = await write((repo) => repo.asideRecords());
        return (records ?? []).map((record) => record.raw);
      },

      countLookup: async (termId) => (await write((repo) => repo.countLookup(termId))) ?? 0,

      dismissNotice: () => set({ notice: null }),

      close: () => {
        channel?.close();
        repository?.close();
      },
    };
  });

  return store;
}

let pageStore: WordsStore | null = null;

/** The page's one store, made on first use in the browser. */
export function wordsStore(): WordsStore {
  pageStore ??= createWordsStore();
  return pageStore;
}
