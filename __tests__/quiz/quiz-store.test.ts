/**
 * Store tests without React. Each test builds a fresh store with
 * `createQuizStore`, so no `__mocks__/zustand.ts` reset is needed: nothing is
 * shared between tests but the in-memory storage a test chooses to share.
 */
import { createMemoryStorage, type SyncStorage } from "@/app/_lib/safe-storage";
import { QUIZ_STORE_VERSION } from "@/app/quiz/quiz-persistence";
import {
  selectAnswerRecords,
  selectCurrentAnswer,
  selectCurrentQuestion,
  selectIsResumable,
  selectMistakes,
  selectProgress,
  selectScore,
} from "@/app/quiz/quiz-selectors";
import {
  HISTORY_LIMIT,
  type HistoryEntry,
  type QuizQuestion,
  type QuizSettings,
} from "@/app/quiz/quiz-state";
import { quizStorageName } from "@/app/quiz/quiz-storage-name";
import { createQuizStore, type CreateQuizStoreOptions, type QuizStore } from "@/app/quiz/quiz-store";
import { toPublicQuestion, type Question } from "@/questions/question-types";
import { makeQuestion, makeQuestions, makeSettings } from "./question-fixtures";

const KEY = "self-study";
const STORAGE_NAME = "glose-quiz:self-study";

let clock: number;
let ids: number;

beforeEach(() => {
  clock = 1_000;
  ids = 0;
});

function makeStore(options: Partial<CreateQuizStoreOptions> = {}): QuizStore {
  return createQuizStore({
    persistKey: KEY,
    storage: createMemoryStorage(),
    now: () => clock,
    createId: () => `attempt-${++ids}`,
    ...options,
  });
}

function startQuiz(
  store: QuizStore,
  settings: Partial<QuizSettings> = {},
  questions: QuizQuestion[] = makeQuestions(),
) {
  store.getState().start(questions, makeSettings(settings));
}

/** Chooses and confirms; in practice mode also moves on unless `stay`. */
function answer(store: QuizStore, optionId: string, { stay = false } = {}) {
  store.getState().choose(optionId);
  store.getState().confirm();
  if (!stay && store.getState().status === "feedback") store.getState().next();
}

function storedJson(storage: SyncStorage): unknown {
  const text = storage.getItem(STORAGE_NAME);
  return text === null ? null : JSON.parse(text);
}

function historyEntry(attemptId: string, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    attemptId,
    finishedAt: 5_000,
    mode: "practice",
    articleSlug: "ai-talent-race",
    score: 3,
    maxScore: 4,
    percentage: 75,
    kinds: ["vocabulary"],
    isRetry: false,
    ...overrides,
  };
}

function expectIgnored(store: QuizStore, action: () => void) {
  const before = store.getState();
  action();
  expect(store.getState()).toBe(before);
}

describe("practice mode", () => {
  it("goes idle → answering → feedback → … → finished, with feedback after each answer", () => {
    const store = makeStore();
    expect(store.getState().status).toBe("idle");

    startQuiz(store);
    let s = store.getState();
    expect(s).toMatchObject({ status: "answering", index: 0, attemptId: "attempt-1", startedAt: 1_000 });
    expect(selectCurrentQuestion(s)?.id).toBe("q1");
    expect(s.answers.q1).toEqual({
      optionId: null,
      help: { evidence: false, question: false },
      startedAt: 1_000,
      answeredAt: null,
    });

    s.choose("b");
    store.getState().choose("a"); // may change the choice before confirming
    expect(store.getState().selectedOptionId).toBe("a");

    clock = 4_000;
    store.getState().confirm();
    s = store.getState();
    expect(s.status).toBe("feedback");
    expect(s.selectedOptionId).toBeNull();
    expect(selectCurrentAnswer(s)).toMatchObject({ optionId: "a", answeredAt: 4_000 });
    expect(selectProgress(s)).toEqual({ answered: 1, total: 4 });

    clock = 9_000;
    store.getState().next();
    s = store.getState();
    expect(s).toMatchObject({ status: "answering", index: 1 });
    expect(s.answers.q2?.startedAt).toBe(9_000);

    answer(store, "b");
    answer(store, "a");
    clock = 20_000;
    answer(store, "a", { stay: true });
    expect(store.getState().status).toBe("feedback");
    store.getState().next();

    s = store.getState();
    expect(s).toMatchObject({ status: "finished", finishedAt: 20_000 });
    expect(selectCurrentQuestion(s)).toBeNull();
    expect(selectScore(s)).toMatchObject({ score: 3, maxScore: 4, correctCount: 3, percentage: 75 });
    expect(s.history).toEqual([
      {
        attemptId: "attempt-1",
        finishedAt: 20_000,
        mode: "practice",
        articleSlug: "ai-talent-race",
        score: 3,
        maxScore: 4,
        percentage: 75,
        kinds: ["comprehension-en", "comprehension-fr", "vocabulary"],
        isRetry: false,
      },
    ]);
  });
});

describe("test mode", () => {
  it("moves straight to the next question on confirm and finishes after the last, never in feedback", () => {
    const store = makeStore();
    startQuiz(store, { mode: "test" });
    const seen: string[] = [];
    const unsubscribe = store.subscribe((s) => seen.push(s.status));

    store.getState().choose("a");
    store.getState().confirm();
    expect(store.getState()).toMatchObject({ status: "answering", index: 1, selectedOptionId: null });
    answer(store, "a");
    answer(store, "b");
    answer(store, "a");
    unsubscribe();

    expect(seen).not.toContain("feedback");
    const s = store.getState();
    expect(s.status).toBe("finished");
    expect(selectScore(s)?.score).toBe(3);
    expect(s.history).toHaveLength(1);
    expect(s.history[0]?.mode).toBe("test");
  });
});

describe("public questions (an assignment: the server holds the keys)", () => {
  const publicQuestions = () => makeQuestions().map((q) => toPublicQuestion(q, { hints: false }));

  it("runs the attempt, but scores nothing, lists no mistakes and adds nothing to the trend", async () => {
    const storage = createMemoryStorage();
    const store = makeStore({ storage });
    startQuiz(store, { mode: "test", helpsAllowed: false }, publicQuestions());
    for (const option of ["a", "b", "a", "a"]) answer(store, option);
    const s = store.getState();
    expect(s.status).toBe("finished");
    expect(selectAnswerRecords(s).map((r) => r.optionId)).toEqual(["a", "b", "a", "a"]);
    expect(selectScore(s)).toBeNull();
    expect(selectMistakes(s)).toEqual([]);
    expect(s.history).toEqual([]);
    expect(JSON.stringify(storedJson(storage))).not.toContain("answerId");

    // Saved public questions are read back as they are.
    const reloaded = makeStore({ storage });
    await reloaded.persist.rehydrate();
    expect(reloaded.getState().questions).toEqual(s.questions);
  });
});

describe("transitions that make no sense are ignored", () => {
  it("ignores every action but start and reset while idle", () => {
    const store = makeStore();
    const s = store.getState();
    for (const act of [
      () => s.choose("a"),
      s.confirm,
      s.next,
      () => s.useHelp("evidence"),
      s.finish,
      s.retryMistakes,
      s.resume,
      s.dismissStorageNotice,
    ]) {
      expectIgnored(store, act);
    }
  });

  it("ignores confirm without a choice, and confirming twice", () => {
    const store = makeStore();
    startQuiz(store);
    expectIgnored(store, () => store.getState().confirm());
    store.getState().choose("a");
    store.getState().confirm();
    expectIgnored(store, () => store.getState().confirm());
  });

  it("ignores next before answering, and next in test mode", () => {
    const practice = makeStore();
    startQuiz(practice);
    expectIgnored(practice, () => practice.getState().next());
    practice.getState().choose("a");
    expectIgnored(practice, () => practice.getState().next());

    const test = makeStore();
    startQuiz(test, { mode: "test" });
    answer(test, "a");
    expectIgnored(test, () => test.getState().next());
  });

  it("ignores an option that is not in the current question, and choosing once confirmed or finished", () => {
    const store = makeStore();
    startQuiz(store);
    expectIgnored(store, () => store.getState().choose("zzz"));
    answer(store, "a", { stay: true });
    expectIgnored(store, () => store.getState().choose("b"));
    store.getState().finish();
    expectIgnored(store, () => store.getState().choose("a"));
  });

  it("ignores finishing twice and records the attempt in history once", () => {
    const store = makeStore();
    startQuiz(store);
    store.getState().finish();
    expect(store.getState().history).toHaveLength(1);
    expectIgnored(store, () => store.getState().finish());
    expectIgnored(store, () => store.getState().next());
    expect(store.getState().history).toHaveLength(1);
  });

  it("ignores start while an attempt is in progress (a double click), and start with no questions", () => {
    const store = makeStore();
    startQuiz(store);
    expectIgnored(store, () => startQuiz(store));
    const idle = makeStore();
    expectIgnored(idle, () => idle.getState().start([], makeSettings()));
  });

  it("ignores help when helps are not allowed, in feedback, once used, and for an English stem", () => {
    const noHelp = makeStore();
    startQuiz(noHelp, { helpsAllowed: false });
    expectIgnored(noHelp, () => noHelp.getState().useHelp("evidence"));
    expectIgnored(noHelp, () => noHelp.getState().useHelp("question"));

    const store = makeStore();
    startQuiz(store);
    store.getState().useHelp("evidence");
    expectIgnored(store, () => store.getState().useHelp("evidence"));
    answer(store, "a", { stay: true });
    expectIgnored(store, () => store.getState().useHelp("question"));
    store.getState().next();
    answer(store, "a"); // q2
    expect(selectCurrentQuestion(store.getState())?.language).toBe("en");
    expectIgnored(store, () => store.getState().useHelp("question"));
  });

  it("ignores retryMistakes before the end and when there are no mistakes", () => {
    const getRetryQuestions = jest.fn((missed: Question[]) => missed);
    const store = makeStore({ getRetryQuestions });
    startQuiz(store);
    expectIgnored(store, () => store.getState().retryMistakes());
    for (let i = 0; i < 4; i++) answer(store, "a");
    expect(store.getState().status).toBe("finished");
    expectIgnored(store, () => store.getState().retryMistakes());
    expect(getRetryQuestions).not.toHaveBeenCalled();
  });

  it("ignores a retry round with no questions", () => {
    const store = makeStore({ getRetryQuestions: () => [] });
    startQuiz(store);
    store.getState().finish();
    expectIgnored(store, () => store.getState().retryMistakes());
  });
});

describe("help, scoring and time", () => {
  it("records the help used per question and scores a correct answer with help at ½", () => {
    const store = makeStore();
    startQuiz(store);
    store.getState().useHelp("evidence");
    store.getState().useHelp("question");
    expect(store.getState().answers.q1?.help).toEqual({ evidence: true, question: true });
    answer(store, "a"); // q1: ½
    store.getState().useHelp("evidence");
    answer(store, "b"); // q2: wrong with help, 0
    answer(store, "a"); // q3: 1
    answer(store, "a"); // q4: 1

    const score = selectScore(store.getState())!;
    expect(score.perQuestion.map((r) => [r.points, r.helpUsed])).toEqual([
      [0.5, true],
      [0, true],
      [1, false],
      [1, false],
    ]);
    expect(score).toMatchObject({ score: 2.5, helpsUsed: 2, bestStreak: 2, percentage: 62.5 });
    expect(score.byKind.vocabulary).toEqual({ score: 1, max: 2, correct: 1, count: 2 });
    expect(score.byKind["comprehension-fr"]).toEqual({ score: 0.5, max: 1, correct: 1, count: 1 });
    expect(store.getState().history[0]?.score).toBe(2.5);
  });

  it("takes time per question from the injected clock, not a ticking timer", () => {
    const store = makeStore();
    startQuiz(store, {}, makeQuestions().slice(0, 2));
    clock = 4_500;
    answer(store, "a", { stay: true });
    clock = 60_000; // reading feedback is not time on the question
    store.getState().next();
    clock = 62_000;
    answer(store, "b");

    const records = selectAnswerRecords(store.getState());
    expect(records.map((r) => r.ms)).toEqual([3_500, 2_000]);
    expect(selectScore(store.getState())?.totalMs).toBe(5_500);
  });

  it("finishing early counts the unanswered questions, and an unconfirmed choice, as wrong", () => {
    const store = makeStore();
    startQuiz(store);
    answer(store, "a");
    store.getState().choose("a");
    store.getState().finish();
    const s = store.getState();
    expect(s.status).toBe("finished");
    expect(selectScore(s)).toMatchObject({ score: 1, maxScore: 4, correctCount: 1 });
    expect(selectMistakes(s).map((q) => q.id)).toEqual(["q2", "q3", "q4"]);
  });

  it("returns the same derived objects for the same state, as useSyncExternalStore requires", () => {
    const store = makeStore();
    startQuiz(store);
    const s = store.getState();
    expect(selectScore(s)).toBe(selectScore(s));
    expect(selectProgress(s)).toBe(selectProgress(s));
    expect(selectMistakes(s)).toBe(selectMistakes(s));
  });
});

describe("history", () => {
  it("keeps only the last 50 finished attempts, oldest first", () => {
    const store = makeStore();
    const one = [makeQuestion("only")];
    for (let i = 1; i <= HISTORY_LIMIT + 2; i++) {
      clock = i;
      store.getState().start(one, makeSettings());
      answer(store, "a");
    }
    const { history } = store.getState();
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]?.attemptId).toBe("attempt-3");
    expect(history.at(-1)?.attemptId).toBe(`attempt-${HISTORY_LIMIT + 2}`);
  });

  it("reset goes back to idle and keeps history", () => {
    const store = makeStore();
    startQuiz(store);
    store.getState().finish();
    startQuiz(store);
    answer(store, "a");
    store.getState().reset();
    const s = store.getState();
    expect(s).toMatchObject({ status: "idle", questions: [], answers: {}, attemptId: null, index: 0 });
    expect(s.history).toHaveLength(1);
  });
});

describe("retryMistakes", () => {
  it("asks the injected function for retry questions on the missed ones, with the next seed", () => {
    const retry = [makeQuestion("q2-v1", { variant: 1 }), makeQuestion("q4-v1", { variant: 1 })];
    const getRetryQuestions = jest.fn<Question[], [Question[], number]>(() => retry);
    const store = makeStore({ getRetryQuestions });
    startQuiz(store, { mode: "test" });
    answer(store, "a");
    answer(store, "b");
    answer(store, "a");
    store.getState().finish(); // q4 unanswered

    clock = 30_000;
    store.getState().retryMistakes();
    expect(getRetryQuestions).toHaveBeenCalledTimes(1);
    const [missed, seed] = getRetryQuestions.mock.calls[0] ?? [];
    expect(missed?.map((q) => q.id)).toEqual(["q2", "q4"]);
    expect(seed).toBe(8);

    let s = store.getState();
    expect(s).toMatchObject({
      status: "answering",
      index: 0,
      attemptId: "attempt-2",
      retryOf: "attempt-1",
      startedAt: 30_000,
      finishedAt: null,
    });
    expect(s.questions).toEqual(retry);
    expect(s.settings).toEqual(
      makeSettings({ mode: "test", options: { ...makeSettings().options, seed: 8 } }),
    );

    answer(store, "a");
    answer(store, "a");
    s = store.getState();
    expect(s.status).toBe("finished");
    expect(s.history.map((h) => [h.attemptId, h.isRetry])).toEqual([
      ["attempt-1", false],
      ["attempt-2", true],
    ]);
  });

  it("asks the missed questions again when no retry function is injected", () => {
    const store = createQuizStore({ persistKey: KEY, storage: createMemoryStorage(), now: () => clock });
    startQuiz(store);
    answer(store, "b");
    store.getState().finish();
    store.getState().retryMistakes();
    expect(store.getState().questions.map((q) => q.id)).toEqual(["q1", "q2", "q3", "q4"]);
    expect(store.getState().attemptId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("persistence", () => {
  it("stores only the attempt and history, under a unique name and version", () => {
    const storage = createMemoryStorage();
    const store = makeStore({ storage });
    startQuiz(store);
    store.getState().choose("b");

    expect(quizStorageName(KEY)).toBe(STORAGE_NAME);
    const saved = storedJson(storage);
    expect(saved).toMatchObject({ version: QUIZ_STORE_VERSION, state: { history: [] } });
    expect(Object.keys((saved as { state: object }).state).sort()).toEqual(["attempt", "history"]);
    expect((saved as { state: { attempt: object } }).state.attempt).toMatchObject({
      status: "answering",
      selectedOptionId: "b",
      attemptId: "attempt-1",
    });
    expect(JSON.stringify(saved)).not.toMatch(/hasHydrated|storageNotice|awaitingResume/);
  });

  it("brings an attempt in progress back after a reload, and offers to resume it", async () => {
    const storage = createMemoryStorage();
    const before = makeStore({ storage });
    startQuiz(before);
    before.getState().useHelp("evidence");
    answer(before, "a", { stay: true });
    const saved = before.getState();

    // A reload: a new store on the same storage, empty until rehydrated (as on the server).
    const after = makeStore({ storage });
    expect(after.getState()).toMatchObject({ status: "idle", hasHydrated: false });
    expect(selectIsResumable(after.getState())).toBe(false);

    await after.persist.rehydrate();
    const s = after.getState();
    expect(s).toMatchObject({
      status: "feedback",
      hasHydrated: true,
      storageNotice: null,
      attemptId: saved.attemptId,
      answers: saved.answers,
      questions: saved.questions,
    });
    expect(selectIsResumable(s)).toBe(true);

    s.resume();
    expect(selectIsResumable(after.getState())).toBe(false);
    after.getState().next();
    expect(after.getState()).toMatchObject({ status: "answering", index: 1 });
  });

  it("hydrates at once when nothing was saved, so a first visit loads no validation code", () => {
    const store = makeStore();
    void store.persist.rehydrate();
    expect(store.getState()).toMatchObject({ status: "idle", hasHydrated: true });
  });

  it("keeps a quiz started while saved progress was still being checked, and its history", async () => {
    const storage = createMemoryStorage();
    const before = makeStore({ storage });
    startQuiz(before);
    before.getState().finish();
    startQuiz(before);
    answer(before, "a", { stay: true });
    const savedHistory = before.getState().history;
    expect(savedHistory).toHaveLength(1);

    // Reading saved progress waits for its checks to load; the learner taps Start meanwhile.
    const after = makeStore({ storage, createId: () => "started-meanwhile" });
    const hydrating = after.persist.rehydrate();
    expect(after.getState().hasHydrated).toBe(false);
    startQuiz(after);
    await hydrating;
    expect(after.getState()).toMatchObject({
      status: "answering",
      index: 0,
      attemptId: "started-meanwhile",
      hasHydrated: true,
      history: savedHistory,
    });
    expect(selectIsResumable(after.getState())).toBe(false);
  });

  it("restarts the current question's clock on resume, so time away is not counted", async () => {
    const storage = createMemoryStorage();
    const before = makeStore({ storage });
    startQuiz(before);
    before.getState().choose("a");

    clock = 86_400_000; // the next day
    const after = makeStore({ storage });
    await after.persist.rehydrate();
    expect(after.getState().selectedOptionId).toBe("a");
    after.getState().resume();
    clock += 2_000;
    after.getState().confirm();
    expect(selectAnswerRecords(after.getState())[0]?.ms).toBe(2_000);
  });

  it("offers no resume when nothing was stored or the attempt was finished", async () => {
    const empty = makeStore();
    await empty.persist.rehydrate();
    expect(empty.getState()).toMatchObject({ status: "idle", hasHydrated: true, storageNotice: null });
    expect(selectIsResumable(empty.getState())).toBe(false);

    const storage = createMemoryStorage();
    const before = makeStore({ storage });
    startQuiz(before);
    before.getState().finish();
    const after = makeStore({ storage });
    await after.persist.rehydrate();
    expect(after.getState()).toMatchObject({ status: "finished", history: before.getState().history });
    expect(selectIsResumable(after.getState())).toBe(false);
  });

  it("resets corrupted JSON without crashing, says so, and repairs the storage", async () => {
    const storage = createMemoryStorage();
    storage.setItem(STORAGE_NAME, "{not json");
    const store = makeStore({ storage });
    await expect(store.persist.rehydrate()).resolves.toBeUndefined();
    expect(store.getState()).toMatchObject({
      status: "idle",
      hasHydrated: true,
      storageNotice: "corrupted",
      history: [],
    });
    expect(storedJson(storage)).toEqual({ state: { attempt: null, history: [] }, version: 1 });

    store.getState().dismissStorageNotice();
    expect(store.getState().storageNotice).toBeNull();
  });

  it.each([
    ["a number", "42"],
    ["null", "null"],
    ["an envelope without a version", JSON.stringify({ state: { attempt: null, history: [] } })],
    ["a state that is not an object", JSON.stringify({ state: "hello", version: 1 })],
  ])("treats %s as corrupted", async (_label, text) => {
    const storage = createMemoryStorage();
    storage.setItem(STORAGE_NAME, text);
    const store = makeStore({ storage });
    await store.persist.rehydrate();
    expect(store.getState()).toMatchObject({ status: "idle", hasHydrated: true, storageNotice: "corrupted" });
  });

  it("resets a wrong-shaped attempt but keeps a valid history", async () => {
    const storage = createMemoryStorage();
    const history = [historyEntry("old-1"), historyEntry("old-2")];
    storage.setItem(
      STORAGE_NAME,
      JSON.stringify({ state: { attempt: { status: "answering", questions: "nope" }, history }, version: 1 }),
    );
    const store = makeStore({ storage });
    await store.persist.rehydrate();
    expect(store.getState()).toMatchObject({ status: "idle", storageNotice: "corrupted", history });
    expect(selectIsResumable(store.getState())).toBe(false);
  });

  it("resets a well-typed but inconsistent attempt (index past the last question)", async () => {
    const storage = createMemoryStorage();
    const before = makeStore({ storage });
    startQuiz(before);
    const saved = storedJson(storage) as { state: { attempt: { index: number } } };
    saved.state.attempt.index = 99;
    storage.setItem(STORAGE_NAME, JSON.stringify(saved));

    const after = makeStore({ storage });
    await after.persist.rehydrate();
    expect(after.getState()).toMatchObject({ status: "idle", storageNotice: "corrupted" });
  });

  it("keeps the valid history entries and the attempt when one history entry is broken", async () => {
    const storage = createMemoryStorage();
    const before = makeStore({ storage });
    startQuiz(before);
    const saved = storedJson(storage) as { state: { history: unknown[] } };
    saved.state.history = [historyEntry("good"), { attemptId: "bad", score: "lots" }];
    storage.setItem(STORAGE_NAME, JSON.stringify(saved));

    const after = makeStore({ storage });
    await after.persist.rehydrate();
    expect(after.getState()).toMatchObject({
      status: "answering",
      storageNotice: "corrupted",
      history: [historyEntry("good")],
    });
  });

  it("resets an attempt from an older version, keeps the history that still validates, and says so", async () => {
    const storage = createMemoryStorage();
    storage.setItem(
      STORAGE_NAME,
      JSON.stringify({
        state: {
          status: "answering",
          currentQuestion: 2,
          history: [historyEntry("kept"), { date: "2024-01-01", score: 3 }],
        },
        version: 0,
      }),
    );
    const store = makeStore({ storage });
    await store.persist.rehydrate();
    expect(store.getState()).toMatchObject({
      status: "idle",
      hasHydrated: true,
      storageNotice: "outdated",
      history: [historyEntry("kept")],
    });
    expect(storedJson(storage)).toMatchObject({ version: QUIZ_STORE_VERSION, state: { attempt: null } });
  });

  it("caps a stored history that is too long instead of rejecting it", async () => {
    const storage = createMemoryStorage();
    const history = Array.from({ length: 60 }, (_, i) => historyEntry(`h${i}`));
    storage.setItem(STORAGE_NAME, JSON.stringify({ state: { attempt: null, history }, version: 1 }));
    const store = makeStore({ storage });
    await store.persist.rehydrate();
    expect(store.getState().history).toHaveLength(HISTORY_LIMIT);
    expect(store.getState().history[0]?.attemptId).toBe("h10");
    expect(store.getState().storageNotice).toBeNull();
  });

  it("works in memory when the storage cannot even be reached (private mode, blocked cookies)", async () => {
    const store = makeStore({
      storage: () => {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
    await store.persist.rehydrate();
    expect(store.getState()).toMatchObject({ hasHydrated: true, storageNotice: "unavailable" });
    startQuiz(store);
    answer(store, "a");
    expect(store.getState()).toMatchObject({ status: "answering", index: 1 });
  });

  it("works in memory when getItem and setItem throw", async () => {
    const throwing: SyncStorage = {
      getItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
      setItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
      removeItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
    };
    const store = makeStore({ storage: throwing });
    startQuiz(store); // a write before hydration
    expect(store.getState().storageNotice).toBe("unavailable");
    await expect(store.persist.rehydrate()).resolves.toBeUndefined();
    expect(store.getState()).toMatchObject({ hasHydrated: true, storageNotice: "unavailable" });
    answer(store, "a");
    expect(store.getState().index).toBe(1);
    expect(() => store.persist.clearStorage()).not.toThrow();
  });

  it("keeps working and says so when the storage is full, without losing the last save", async () => {
    const memory = createMemoryStorage();
    let full = false;
    const storage: SyncStorage = {
      getItem: (name) => memory.getItem(name),
      setItem: (name, value) => {
        if (full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        memory.setItem(name, value);
      },
      removeItem: (name) => memory.removeItem(name),
    };
    const store = makeStore({ storage });
    startQuiz(store);
    answer(store, "a");
    const lastSave = memory.getItem(STORAGE_NAME);

    full = true;
    expect(() => answer(store, "b")).not.toThrow();
    expect(store.getState()).toMatchObject({ storageNotice: "full", index: 2 });
    expect(memory.getItem(STORAGE_NAME)).toBe(lastSave);

    const reloaded = makeStore({ storage });
    await reloaded.persist.rehydrate();
    expect(reloaded.getState()).toMatchObject({ status: "answering", index: 1 });
  });

  it("keeps separate attempts for separate persist keys", async () => {
    const storage = createMemoryStorage();
    const selfStudy = makeStore({ storage });
    const assignment = makeStore({ storage, persistKey: "assignment:abc" });
    startQuiz(selfStudy);
    startQuiz(assignment, { mode: "test" });
    answer(assignment, "a");
    expect(storage.getItem("glose-quiz:assignment:abc")).not.toBeNull();

    const reloaded = makeStore({ storage });
    await reloaded.persist.rehydrate();
    expect(reloaded.getState()).toMatchObject({ index: 0, settings: { mode: "practice" } });
  });
});
