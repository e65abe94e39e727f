/**
 * @jest-environment node
 */
// fake-indexeddb is a complete IndexedDB written in JavaScript (run against
// the W3C tests); Node has none of its own. The browser tests use Chromium's.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { openDB } from "idb";
import { openWordsRepository, WORDS_DB_NAME, WORDS_DB_VERSION } from "@/app/words/words-db";
import { createWordsStore, type WordsStore } from "@/app/words/words-store";
import { replayReviews } from "@/questions/words/schedule";
import { WORD_RECORD_VERSION } from "@/questions/words/word";
import { T0, word } from "./word-fixtures";

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

async function rawPut(records: unknown[]) {
  const { repository } = await openWordsRepository();
  repository.close();
  const db = await openDB(WORDS_DB_NAME, WORDS_DB_VERSION);
  for (const record of records) await db.put("words", record);
  db.close();
}

const opened: WordsStore[] = [];
afterEach(() => opened.splice(0).forEach((store) => store.getState().close()));

let tabs = 0;
/** A page's store (a "tab"), on a clock the test moves. */
function storeAt(clock: { now: number }, channelName: string | null = null) {
  const tab = ++tabs;
  let n = 0;
  const store = createWordsStore({ now: () => clock.now, createId: () => `id-${tab}-${++n}`, channelName });
  opened.push(store);
  return store;
}

describe("words in IndexedDB", () => {
  it("saves, answers and reads back across page loads", async () => {
    const clock = { now: T0 };
    const first = storeAt(clock);
    await first.getState().save({ lemma: "recruter", meaning: "to recruit", context: null });
    await first.getState().answer("recruter", "recognition", "good");
    const second = storeAt(clock);
    await second.getState().load();
    const saved = second.getState().words.recruter;
    expect(saved?.status).toBe("learning");
    expect(saved?.reviews).toHaveLength(1);
    expect(second.getState().notice).toBeNull();
    expect(second.getState().storage).toBe("indexeddb");
  });

  it("two tabs answering the same word at once keep both answers", async () => {
    const clock = { now: T0 };
    const tabA = storeAt(clock);
    const tabB = storeAt(clock);
    await tabA.getState().save({ lemma: "offensive", meaning: "offensive", context: null });
    await tabB.getState().load();
    await Promise.all([
      tabA.getState().answer("offensive", "recognition", "good"),
      tabB.getState().answer("offensive", "recognition", "again"),
    ]);
    const check = storeAt(clock);
    await check.getState().load();
    const saved = check.getState().words.offensive;
    expect(saved?.reviews.map((review) => review.grade).sort()).toEqual(["again", "good"]);
    expect(saved?.cards).toEqual(replayReviews(saved!.createdAt, saved!.reviews));
  });

  it("tells another tab about a write on the BroadcastChannel", async () => {
    const clock = { now: T0 };
    const reader = storeAt(clock, "test-channel");
    const review = storeAt(clock, "test-channel");
    await reader.getState().load();
    await review.getState().load();
    await reader.getState().save({ lemma: "géant", meaning: "giant", context: null });
    for (let i = 0; i < 50 && !review.getState().words["géant"]; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(review.getState().words["géant"]?.meaning).toBe("giant");
  });

  it("keeps corrupted, older and newer records aside, tells the learner, and exports them", async () => {
    const good = word("course");
    await rawPut([
      good,
      { ...word("talent"), status: 42 },
      { ...word("ancien"), v: 0 },
      { ...word("futur"), v: WORD_RECORD_VERSION + 1 },
    ]);
    const store = storeAt({ now: T0 });
    await store.getState().load();
    expect(Object.keys(store.getState().words)).toEqual(["course"]);
    expect(store.getState().asideCount).toBe(3);
    expect(store.getState().notice).toBe("corrupted");
    const aside = await store.getState().asideRecords();
    expect(aside.map((record) => (record as { id: string }).id).sort()).toEqual([
      "ancien",
      "futur",
      "talent",
    ]);
    // Read again: nothing more set aside, nothing lost.
    const again = storeAt({ now: T0 });
    await again.getState().load();
    expect(again.getState().notice).toBeNull();
    expect(again.getState().asideCount).toBe(3);
  });

  it("saving a word whose stored record is unreadable keeps the old record aside", async () => {
    await rawPut([{ ...word("talent"), cards: "broken" }]);
    const { repository } = await openWordsRepository();
    const saved = await repository.update("talent", (current) => current ?? word("talent"));
    expect(saved?.id).toBe("talent");
    expect((await repository.asideRecords()).map((record) => record.reason)).toEqual(["corrupted"]);
    repository.close();
  });

  it("a database from a newer Glose is left untouched: memory for this tab, and the learner told", async () => {
    const newer = await openDB(WORDS_DB_NAME, WORDS_DB_VERSION + 1, {
      upgrade: (db) => void db.createObjectStore("words", { keyPath: "id" }),
    });
    await newer.put("words", word("futur"));
    newer.close();
    const store = storeAt({ now: T0 });
    await store.getState().save({ lemma: "présent", meaning: "present", context: null });
    expect(store.getState().notice).toBe("newer");
    expect(store.getState().storage).toBe("memory");
    expect(store.getState().words["présent"]).toBeDefined();
    const check = await openDB(WORDS_DB_NAME);
    expect(check.version).toBe(WORDS_DB_VERSION + 1);
    expect(await check.getAllKeys("words")).toEqual(["futur"]);
    check.close();
  });

  it("without IndexedDB the page still works, in memory, and says so", async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error: a browser with storage blocked
    delete globalThis.indexedDB;
    try {
      const store = storeAt({ now: T0 });
      await store.getState().save({ lemma: "éphémère", meaning: "fleeting", context: null });
      expect(store.getState().notice).toBe("unavailable");
      expect(store.getState().words["éphémère"]?.meaning).toBe("fleeting");
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it("a full disk leaves the words as they were and tells the learner", async () => {
    const store = createWordsStore({
      channelName: null,
      now: () => T0,
      open: async () => {
        const { repository } = await openWordsRepository();
        const full = () => Promise.reject(new DOMException("quota", "QuotaExceededError"));
        return { repository: { ...repository, update: full }, problem: null };
      },
    });
    await store.getState().load();
    expect(await store.getState().save({ lemma: "plein", meaning: "full", context: null })).toBeUndefined();
    expect(store.getState().notice).toBe("full");
    expect(store.getState().words).toEqual({});
  });

  it("marks the rest of a text as known without touching saved words", async () => {
    const clock = { now: T0 };
    const store = storeAt(clock);
    await store.getState().save({ lemma: "rémunération", meaning: "pay", context: null });
    const count = await store.getState().markKnown(["rémunération", "le", "Chat"], "ai-talent-race");
    expect(count).toBe(2);
    const { words } = store.getState();
    expect(words["rémunération"]?.status).toBe("new");
    expect(words.le?.status).toBe("known");
    expect(words.chat?.tags).toEqual(["ai-talent-race"]);
  });

  it("an import merges into what is stored, keeping both histories", async () => {
    const clock = { now: T0 };
    const store = storeAt(clock);
    await store.getState().save({ lemma: "bataille", meaning: "battle", context: null });
    await store.getState().answer("bataille", "recognition", "good");
    const other = {
      ...word("bataille"),
      reviews: [{ id: "elsewhere", card: "recognition" as const, grade: "again" as const, at: T0 - 1000 }],
    };
    const result = await store.getState().importWords([other, word("nouveau")]);
    expect(result).toMatchObject({ added: 1, updated: 1 });
    expect(store.getState().words.bataille?.reviews.map((review) => review.id)).toEqual([
      "elsewhere",
      expect.stringMatching(/^id-/),
    ]);
  });
});
