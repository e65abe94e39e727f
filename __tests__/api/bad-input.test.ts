/**
 * @jest-environment node
 *
 * Every kind of bad input the API can meet answers a 4xx with `{ error }` in
 * plain words: never a 5xx, never a stack trace, and nothing stored.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { resetStoreForTests } from "@/app/_server/db";
import {
  answersFor,
  createAssignment,
  expectPlainRefusal,
  newAssignment,
  storedSubmissionCount,
  submit,
  setTemporaryDatabase,
  validAssignment,
  type AnswerInput,
  type Created,
} from "./api-helpers";
import type { ErrorCode } from "@/app/api/contract";

const databaseFile = setTemporaryDatabase("bad-input");

afterAll(async () => {
  await resetStoreForTests();
  rmSync(path.dirname(databaseFile), { recursive: true, force: true });
});

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const oversized = "x".repeat(70 * 1024);

describe("POST /api/assignments refuses", () => {
  const malformed: [string, string | Uint8Array][] = [
    ["truncated JSON", '{"title": "Devoir", "count": '],
    ["JSON with a trailing comma", '{"title": "Devoir",}'],
    ["not JSON at all", "title=Devoir&count=5"],
    ["an empty body", ""],
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ];
  it.each(malformed)("%s with 400", async (_label, body) => {
    expectPlainRefusal(await createAssignment(body), 400);
  });

  const invalid: [string, unknown][] = [
    ["a list instead of an object", [validAssignment]],
    ["a string instead of an object", "just a string"],
    ["null", null],
    ["a missing title", { ...validAssignment, title: undefined }],
    ["a numeric title", { ...validAssignment, title: 42 }],
    ["a blank title", { ...validAssignment, title: "   " }],
    ["a title over 120 characters", { ...validAssignment, title: "é".repeat(121) }],
    ["a title with a control character", { ...validAssignment, title: "Devoir\u0007" }],
    ["a count given as a string", { ...validAssignment, count: "5" }],
    ["a count of 0", { ...validAssignment, count: 0 }],
    ["a count of 51", { ...validAssignment, count: 51 }],
    ["a negative count", { ...validAssignment, count: -3 }],
    ["a fractional count", { ...validAssignment, count: 2.5 }],
    ["a huge count", { ...validAssignment, count: 1e308 }],
    ["an unknown question language", { ...validAssignment, language: "de" }],
    ["a language in capitals", { ...validAssignment, language: "FR" }],
    ["an unknown interface language", { ...validAssignment, interfaceLanguage: "xx" }],
    ["an unknown mode", { ...validAssignment, mode: "exam" }],
    ["helpsAllowed as a string", { ...validAssignment, helpsAllowed: "yes" }],
    ["kinds as a string", { ...validAssignment, kinds: "cloze" }],
    ["an unknown kind", { ...validAssignment, kinds: ["essay"] }],
    ["no kinds", { ...validAssignment, kinds: [] }],
    ["a due date in words", { ...validAssignment, dueAt: "next Friday" }],
    ["a due date that does not exist", { ...validAssignment, dueAt: "2031-02-30T18:00:00Z" }],
    ["a due date without a time", { ...validAssignment, dueAt: "2031-06-30" }],
    ["a due date without a time zone", { ...validAssignment, dueAt: "2031-06-30T18:00:00" }],
    ["a due date as a timestamp", { ...validAssignment, dueAt: Date.now() + DAY }],
    ["a due date in the past", { ...validAssignment, dueAt: inDays(-1) }],
    ["a due date years away", { ...validAssignment, dueAt: inDays(5 * 365) }],
    ["a missing due date", { ...validAssignment, dueAt: undefined }],
    ["two attempts", { ...validAssignment, maxAttempts: 2 }],
    ["zero attempts", { ...validAssignment, maxAttempts: 0 }],
    ["attempts as a string", { ...validAssignment, maxAttempts: "1" }],
    ["an unknown field", { ...validAssignment, teacherKey: "mine" }],
    [
      "a __proto__ field",
      JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(validAssignment).slice(1)}`),
    ],
  ];
  it.each(invalid)("%s with 400", async (_label, body) => {
    expectPlainRefusal(await createAssignment(body), 400);
  });

  it("a body over 64 kB with 413", async () => {
    expectPlainRefusal(
      await createAssignment({ ...validAssignment, title: oversized }),
      413,
      "body_too_large",
    );
  });

  it("a body over 64 kB that lies about its length with 413", async () => {
    const body = JSON.stringify({ ...validAssignment, title: oversized });
    expectPlainRefusal(await createAssignment(body, { "Content-Length": "10" }), 413);
  });

  it("with messages that name the field", async () => {
    const response = await createAssignment({ ...validAssignment, count: 51 });
    expect((response.json as { error: string }).error).toBe("count must be between 1 and 50.");
    const missing = await createAssignment({ ...validAssignment, title: undefined });
    expect((missing.json as { error: string }).error).toBe("title is required.");
  });

  // What a teacher can get wrong has its own code (translated by the form) and names its field;
  // what only a broken client sends is `invalid_request`.
  const coded: [string, Record<string, unknown>, ErrorCode, string | undefined][] = [
    ["a blank title", { title: "  " }, "title_required", "title"],
    ["a title over 120 characters", { title: "é".repeat(121) }, "title_too_long", "title"],
    ["a title with a zero-width space", { title: "Devoir\u200B 1" }, "title_invalid_characters", "title"],
    ["no kinds", { kinds: [] }, "kinds_required", "kinds"],
    ["a due date in words", { dueAt: "next Friday" }, "due_date_invalid", "dueAt"],
    ["a due date without a time zone", { dueAt: "2031-06-30T18:00:00" }, "due_date_invalid", "dueAt"],
    ["a due date in the past", { dueAt: inDays(-1) }, "due_date_past", "dueAt"],
    ["a due date years away", { dueAt: inDays(5 * 365) }, "due_date_too_far", "dueAt"],
    ["a missing title", { title: undefined }, "invalid_request", undefined],
    ["a count of 51", { count: 51 }, "invalid_request", undefined],
    ["an unknown field", { teacherKey: "mine" }, "invalid_request", undefined],
  ];
  it.each(coded)("%s with the code %s", async (_label, change, code, field) => {
    const response = await createAssignment({ ...validAssignment, ...change });
    expectPlainRefusal(response, 400, code);
    expect((response.json as { field?: string }).field).toBe(field);
  });
});

describe("POST /api/assignments/{id}/submissions refuses", () => {
  let created: Created;
  let answers: AnswerInput[];

  beforeAll(async () => {
    created = await newAssignment({ count: 4, maxAttempts: 1 });
    answers = await answersFor(created.id);
  });

  afterEach(async () => {
    expect(await storedSubmissionCount(created.id)).toBe(0);
  });

  const valid = () => ({ attemptId: randomUUID(), name: "Élodie", answers });
  const withAnswer = (index: number, change: Record<string, unknown>) =>
    answers.map((a, i) => (i === index ? { ...a, ...change } : a));

  it.each([
    ["truncated JSON", '{"attemptId": "'],
    ["not JSON at all", "<html></html>"],
    ["an empty body", ""],
  ])("%s with 400", async (_label, body) => {
    expectPlainRefusal(await submit(created.id, body), 400);
  });

  const cases: [string, () => unknown][] = [
    ["a list instead of an object", () => [valid()]],
    ["a missing attemptId", () => ({ ...valid(), attemptId: undefined })],
    ["an attemptId that is not a UUID", () => ({ ...valid(), attemptId: "attempt-1" })],
    ["an attemptId that is a number", () => ({ ...valid(), attemptId: 12345 })],
    ["a missing name", () => ({ ...valid(), name: undefined })],
    ["an empty name", () => ({ ...valid(), name: "" })],
    ["a name of spaces", () => ({ ...valid(), name: "   \t " })],
    ["a name over 40 characters", () => ({ ...valid(), name: "É".repeat(41) })],
    ["a name with a NUL byte", () => ({ ...valid(), name: "Élo\u0000die" })],
    ["a name with a line break inside", () => ({ ...valid(), name: "Élodie\nMartin" })],
    ["a name with a right-to-left override", () => ({ ...valid(), name: "Élodie\u202Egnp.exe" })],
    ["a name that is a number", () => ({ ...valid(), name: 7 })],
    ["a name that is an object", () => ({ ...valid(), name: { first: "Élodie" } })],
    ["answers that are not a list", () => ({ ...valid(), answers: "all right" })],
    ["missing answers", () => ({ ...valid(), answers: undefined })],
    ["an answer that is not an object", () => ({ ...valid(), answers: ["a"] })],
    ["a helpUsed given as a string", () => ({ ...valid(), answers: withAnswer(0, { helpUsed: "no" }) })],
    ["a negative time", () => ({ ...valid(), answers: withAnswer(0, { ms: -1 }) })],
    ["a time over an hour", () => ({ ...valid(), answers: withAnswer(0, { ms: 3_600_001 }) })],
    ["a fractional time", () => ({ ...valid(), answers: withAnswer(0, { ms: 1.5 }) })],
    ["a time given as a string", () => ({ ...valid(), answers: withAnswer(0, { ms: "4000" }) })],
    ["an optionId that is a number", () => ({ ...valid(), answers: withAnswer(0, { optionId: 2 }) })],
    ["an empty optionId", () => ({ ...valid(), answers: withAnswer(0, { optionId: "" }) })],
    [
      "an unknown question id",
      () => ({ ...valid(), answers: withAnswer(0, { questionId: "no-such-question" }) }),
    ],
    ["an unknown option id", () => ({ ...valid(), answers: withAnswer(0, { optionId: "no-such-option" }) })],
    [
      "an option id the question does not have",
      () => ({ ...valid(), answers: withAnswer(0, { optionId: "e" }) }),
    ],
    [
      "the same question answered twice",
      () => ({ ...valid(), answers: [...answers.slice(0, 3), answers[0]] }),
    ],
    [
      "more answers than questions",
      () => ({ ...valid(), answers: [...answers, { ...answers[0]!, questionId: "extra" }] }),
    ],
    ["sixty answers", () => ({ ...valid(), answers: Array.from({ length: 60 }, () => answers[0]) })],
    ["an extra field in an answer", () => ({ ...valid(), answers: withAnswer(0, { correct: true }) })],
    ["a score sent by the client", () => ({ ...valid(), score: 4, percentage: 100 })],
  ];
  it.each(cases)("%s with 400", async (_label, body) => {
    expectPlainRefusal(await submit(created.id, body()), 400);
  });

  it("a body over 64 kB with 413", async () => {
    expectPlainRefusal(await submit(created.id, { ...valid(), name: oversized }), 413, "body_too_large");
  });

  it.each([
    ["an empty name", "", "name_required"],
    ["a name of spaces", "   \t ", "name_required"],
    ["a name over 40 characters", "É".repeat(41), "name_too_long"],
    ["a name with a NUL byte", "Élo\u0000die", "name_invalid_characters"],
    ["a name with a right-to-left override", "Élodie\u202Egnp.exe", "name_invalid_characters"],
  ] as const)("%s with the code %s, about the name", async (_label, name, code) => {
    const response = await submit(created.id, { ...valid(), name });
    expectPlainRefusal(response, 400, code);
    expect((response.json as { field?: string }).field).toBe("name");
  });

  it("answers that do not fit the assignment as an invalid request", async () => {
    const response = await submit(created.id, { ...valid(), answers: withAnswer(0, { optionId: "e" }) });
    expectPlainRefusal(response, 400, "invalid_request");
    expect((response.json as { error: string }).error).toBe(
      "answers[0].optionId is not an option of that question.",
    );
  });

  it("an unknown assignment with 404", async () => {
    expectPlainRefusal(await submit("AAAAAAAAAAA", valid()), 404, "assignment_not_found");
    expectPlainRefusal(await submit("%00'; --", valid()), 404, "assignment_not_found");
  });
});
