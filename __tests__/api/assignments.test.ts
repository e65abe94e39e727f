/**
 * @jest-environment node
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { getStore, resetStoreForTests } from "@/app/_server/db";
import { publicQuestionSchema } from "@/questions/question-types";
import { studentViewSchema, submissionResponseSchema } from "@/app/api/contract";
import {
  ORIGIN,
  answersFor,
  closeAssignment,
  createAssignment,
  expectPlainRefusal,
  getAssignment,
  newAssignment,
  storedSubmissionCount,
  submit,
  teacherGet,
  setTemporaryDatabase,
  validAssignment,
  type Created,
} from "./api-helpers";

const databaseFile = setTemporaryDatabase("api");

afterAll(async () => {
  await resetStoreForTests();
  rmSync(path.dirname(databaseFile), { recursive: true, force: true });
});

const HOUR = 60 * 60 * 1000;

interface StudentViewJson {
  id: string;
  closed: boolean;
  questionCount: number;
  questions: {
    id: string;
    options: { id: string; text: string }[];
    stemEn?: string;
    evidenceSentenceId?: string;
  }[];
}

interface SubmissionJson {
  attemptId: string;
  score: number;
  maxScore: number;
  percentage: number;
  correctCount: number;
  helpsUsed: number;
  submittedAt: string;
  review?: { questionId: string; chosen: string | null; answerId: string; correct: boolean }[];
}

describe("creating an assignment", () => {
  it("answers 201 with the id, a one-time teacher key and absolute links", async () => {
    const response = await createAssignment({ ...validAssignment, interfaceLanguage: "en" });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const created = response.json as Created;
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(created.teacherKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.studentUrl).toBe(`${ORIGIN}/en/a/${created.id}`);
    expect(created.teacherUrl).toBe(`${ORIGIN}/en/teach/${created.id}?key=${created.teacherKey}`);
    expect(created.questionCount).toBe(8);
    expect(response.headers.get("location")).toBe(`/api/assignments/${created.id}`);
  });

  it("builds the links in the question language when no interface language is given", async () => {
    const created = await newAssignment({ language: "en" });
    expect(created.studentUrl).toBe(`${ORIGIN}/en/a/${created.id}`);
  });

  it("stores only a hash of the teacher key", async () => {
    const created = await newAssignment();
    const stored = await getStore().getAssignment(created.id);
    expect(stored?.teacherKeyHash).toHaveLength(32);
    expect(JSON.stringify(stored)).not.toContain(created.teacherKey);
  });

  it("freezes the questions and their option order", async () => {
    const created = await newAssignment({ count: 5 });
    const first = (await getAssignment(created.id)).json as StudentViewJson;
    const again = (await getAssignment(created.id)).json as StudentViewJson;
    expect(again.questions).toEqual(first.questions);
    expect(first.questionCount).toBe(5);
    const stored = await getStore().getAssignment(created.id);
    expect(stored?.questions.map((q) => q.id)).toEqual(first.questions.map((q) => q.id));
    expect(stored?.questions.map((q) => q.options)).toEqual(first.questions.map((q) => q.options));
  });

  it("draws only the kinds asked for", async () => {
    const created = await newAssignment({ kinds: ["vocabulary"], count: 3 });
    const stored = await getStore().getAssignment(created.id);
    expect(new Set(stored?.questions.map((q) => q.kind))).toEqual(new Set(["vocabulary"]));
  });
});

describe("the student's view", () => {
  it("shows the questions and settings, and nothing that reveals a key", async () => {
    const created = await newAssignment({ helpsAllowed: true });
    const response = await getAssignment(created.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    for (const secret of [
      "answerId",
      "support",
      "explanation",
      "topicId",
      "variant",
      "teacherKey",
      "Hash",
      created.teacherKey,
    ]) {
      expect(response.text).not.toContain(secret);
    }
    const view = response.json as StudentViewJson;
    expect(view).toMatchObject({ id: created.id, closed: false, questionCount: 8 });
    expect(view.questions[0]?.stemEn).toEqual(expect.any(String));
    expect(view.questions[0]?.evidenceSentenceId).toEqual(expect.any(String));
    // The contract's shape, and exactly the public question type: a strict schema refuses any field beyond it.
    expect(studentViewSchema.safeParse(view).success).toBe(true);
    for (const question of view.questions)
      expect(publicQuestionSchema.safeParse(question).success).toBe(true);
  });

  it("leaves out the English help and the evidence when helps are not allowed", async () => {
    const created = await newAssignment({ helpsAllowed: false });
    const view = (await getAssignment(created.id)).json as StudentViewJson;
    expect(view.questions.every((q) => q.stemEn === undefined && q.evidenceSentenceId === undefined)).toBe(
      true,
    );
  });

  it("answers 404 for an unknown or malformed id", async () => {
    expectPlainRefusal(await getAssignment("AAAAAAAAAAA"), 404, "assignment_not_found");
    expectPlainRefusal(await getAssignment("../../etc/passwd"), 404);
    expectPlainRefusal(await getAssignment("x"), 404);
  });
});

describe("submitting", () => {
  it("scores the raw answers on the server: 201 with the score", async () => {
    const created = await newAssignment();
    const answers = await answersFor(created.id, "right");
    const response = await submit(created.id, { attemptId: randomUUID(), name: "Élodie", answers });
    expect(response.status).toBe(201);
    expect(submissionResponseSchema.safeParse(response.json).success).toBe(true);
    const body = response.json as SubmissionJson;
    expect(body).toMatchObject({ score: 8, maxScore: 8, percentage: 100, correctCount: 8, helpsUsed: 0 });
    expect(body.review).toHaveLength(8);
  });

  it("counts a wrong answer as wrong and a help as half a point", async () => {
    const created = await newAssignment();
    const answers = await answersFor(created.id, "right");
    answers[0] = { ...answers[0]!, helpUsed: true };
    const wrong = await answersFor(created.id, "wrong");
    answers[1] = wrong[1]!;
    const body = (await submit(created.id, { attemptId: randomUUID(), name: "Léa", answers }))
      .json as SubmissionJson;
    expect(body).toMatchObject({ score: 6.5, maxScore: 8, correctCount: 7, helpsUsed: 1 });
  });

  it("refuses a score sent by the client instead of trusting it", async () => {
    const created = await newAssignment();
    const answers = await answersFor(created.id, "wrong");
    const response = await submit(created.id, {
      attemptId: randomUUID(),
      name: "Tricheur",
      answers,
      score: 8,
    });
    expectPlainRefusal(response, 400);
    expect((response.json as { error: string }).error).toContain("score");
    expect(await storedSubmissionCount(created.id)).toBe(0);
  });

  it("ignores a help the assignment does not allow", async () => {
    const created = await newAssignment({ helpsAllowed: false });
    const answers = (await answersFor(created.id, "right")).map((a) => ({ ...a, helpUsed: true }));
    const body = (await submit(created.id, { attemptId: randomUUID(), name: "Noé", answers }))
      .json as SubmissionJson;
    expect(body).toMatchObject({ score: 8, helpsUsed: 0 });
  });

  it("accepts unanswered questions, as null or left out", async () => {
    const created = await newAssignment();
    const answers = await answersFor(created.id, "right");
    const partial = [{ ...answers[0]!, optionId: null }, answers[1]!];
    const body = (await submit(created.id, { attemptId: randomUUID(), name: "Sam", answers: partial }))
      .json as SubmissionJson;
    expect(body).toMatchObject({ score: 1, maxScore: 8, correctCount: 1 });
    const [stored] = await getStore().listSubmissions(created.id);
    expect(stored?.answers).toHaveLength(8);
  });

  it("hides the answers in test mode until the due date has passed", async () => {
    const created = await newAssignment({ mode: "test" });
    const body = (
      await submit(created.id, {
        attemptId: randomUUID(),
        name: "Inès",
        answers: await answersFor(created.id),
      })
    ).json as SubmissionJson;
    expect(body.review).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain("answerId");
  });
});

describe("re-sending an attempt", () => {
  it("answers 200 with the same body and stores it once", async () => {
    const created = await newAssignment({ maxAttempts: 1 });
    const payload = { attemptId: randomUUID(), name: "Hugo", answers: await answersFor(created.id, "wrong") };
    const first = await submit(created.id, payload);
    const second = await submit(created.id, payload);
    const shouted = await submit(created.id, { ...payload, attemptId: payload.attemptId.toUpperCase() });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(shouted.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect(shouted.json).toEqual(first.json);
    expect(await storedSubmissionCount(created.id)).toBe(1);
  });

  it("keeps the first answers when an attempt is re-sent with others", async () => {
    const created = await newAssignment();
    const attemptId = randomUUID();
    const first = await submit(created.id, {
      attemptId,
      name: "Ana",
      answers: await answersFor(created.id, "right"),
    });
    const changed = await submit(created.id, {
      attemptId,
      name: "Ana",
      answers: await answersFor(created.id, "wrong"),
    });
    expect(changed.status).toBe(200);
    expect(changed.json).toEqual(first.json);
  });
});

describe("the due date", () => {
  it("closes the assignment: 409 for a new attempt, 200 for one already acknowledged", async () => {
    const created = await newAssignment({ mode: "test", dueAt: new Date(Date.now() + HOUR).toISOString() });
    const answers = await answersFor(created.id);
    const early = { attemptId: randomUUID(), name: "Chloé", answers };
    const before = await submit(created.id, early);
    expect(before.status).toBe(201);
    expect((before.json as SubmissionJson).review).toBeUndefined();

    // Time moves on: the due date is now an hour ago.
    await getStore().updateDueAt(created.id, new Date(Date.now() - HOUR).toISOString());

    expectPlainRefusal(
      await submit(created.id, { attemptId: randomUUID(), name: "Lucas", answers }),
      409,
      "assignment_closed",
    );
    expect(((await getAssignment(created.id)).json as StudentViewJson).closed).toBe(true);

    // An offline client re-sending its acknowledged attempt is not refused,
    // and a test shows its answers once closed.
    const resent = await submit(created.id, early);
    expect(resent.status).toBe(200);
    expect((resent.json as SubmissionJson).review).toHaveLength(8);
    expect(await storedSubmissionCount(created.id)).toBe(1);
  });
});

describe("a test with no due date", () => {
  it("stays open until the teacher closes it, then shows its answers to those who sent theirs", async () => {
    const created = await newAssignment({ mode: "test", dueAt: null });
    const answers = await answersFor(created.id);
    const sent = { attemptId: randomUUID(), name: "Maël", answers };
    expect((await submit(created.id, sent)).json).not.toHaveProperty("review");

    // Only the teacher's key closes it; anyone else gets the 404 of a missing assignment.
    expectPlainRefusal(await closeAssignment(created.id, "not-the-key"), 404, "assignment_not_found");
    expectPlainRefusal(await closeAssignment(created.id, null), 404, "assignment_not_found");
    expect(((await getAssignment(created.id)).json as StudentViewJson).closed).toBe(false);

    const closed = await closeAssignment(created.id, created.teacherKey);
    expect(closed.status).toBe(200);
    const { dueAt } = closed.json as { closed: true; dueAt: string };
    expect(closed.json).toEqual({ closed: true, dueAt: expect.any(String) });
    expect(Math.abs(Date.parse(dueAt) - Date.now())).toBeLessThan(60_000);

    expect(((await getAssignment(created.id)).json as StudentViewJson).closed).toBe(true);
    expectPlainRefusal(
      await submit(created.id, { attemptId: randomUUID(), name: "Tom", answers }),
      409,
      "assignment_closed",
    );
    const resent = await submit(created.id, sent);
    expect(resent.status).toBe(200);
    expect((resent.json as SubmissionJson).review).toHaveLength(8);

    // Closing again changes nothing.
    expect((await closeAssignment(created.id, created.teacherKey)).json).toEqual({ closed: true, dueAt });
  });
});

describe("attempts per student", () => {
  it("allows one attempt per name, ignoring case, accents and spaces", async () => {
    const created = await newAssignment({ maxAttempts: 1 });
    const answers = await answersFor(created.id);
    const attempt = (name: string) => submit(created.id, { attemptId: randomUUID(), name, answers });
    expect((await attempt("Élodie")).status).toBe(201);
    expectPlainRefusal(await attempt("elodie "), 409, "attempts_used");
    expectPlainRefusal(await attempt("  ÉLODIE"), 409);
    expectPlainRefusal(await attempt("E\u0301lodie"), 409);
    expect((await attempt("Élodie Martin")).status).toBe(201);
    expect(await storedSubmissionCount(created.id)).toBe(2);
  });

  it("holds under concurrency: one of ten simultaneous first attempts wins", async () => {
    const created = await newAssignment({ maxAttempts: 1 });
    const answers = await answersFor(created.id);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        submit(created.id, { attemptId: randomUUID(), name: i % 2 ? "Zoé" : "zoe", answers }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(9);
  });

  it("allows any number when unlimited", async () => {
    const created = await newAssignment({ maxAttempts: null });
    const answers = await answersFor(created.id);
    for (let i = 0; i < 3; i++) {
      expect((await submit(created.id, { attemptId: randomUUID(), name: "Jules", answers })).status).toBe(
        201,
      );
    }
  });
});

describe("the teacher's results", () => {
  let created: Created;

  beforeAll(async () => {
    created = await newAssignment({ count: 4 });
    const right = await answersFor(created.id, "right");
    const wrong = await answersFor(created.id, "wrong");
    await submit(created.id, { attemptId: randomUUID(), name: "Élodie", answers: right });
    await submit(created.id, { attemptId: randomUUID(), name: 'Dupont, "Jo"', answers: wrong });
    await submit(created.id, {
      attemptId: randomUUID(),
      name: '=HYPERLINK("x")',
      answers: [wrong[0]!, ...right.slice(1)],
    });
  });

  it("answers 404, the same as for no assignment, without the right key", async () => {
    const other = await newAssignment();
    const absent = await teacherGet("AAAAAAAAAAA", "results", created.teacherKey);
    for (const route of ["results", "results.csv", "export.gift"] as const) {
      for (const key of [
        null,
        "",
        "wrong-key",
        other.teacherKey,
        created.teacherKey.slice(0, -1),
        `${created.teacherKey}x`,
      ]) {
        const { response } = await teacherGet(created.id, route, key);
        expectPlainRefusal(response, 404);
        expect(response.text).toBe(absent.response.text);
      }
    }
  });

  it("gives submissions, class figures and item analysis as JSON", async () => {
    const { response } = await teacherGet(created.id, "results", created.teacherKey);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const results = response.json as {
      submissions: { name: string; score: number; helpsUsed: number; totalMs: number; submittedAt: string }[];
      summary: {
        submissionCount: number;
        meanScore: number;
        medianScore: number;
        histogram: { count: number }[];
      };
      questions: {
        questionId: string;
        percentCorrect: number;
        options: { count: number; notWorking: boolean }[];
      }[];
    };
    expect(results.submissions.map((s) => [s.name, s.score])).toEqual([
      ["Élodie", 4],
      ['Dupont, "Jo"', 0],
      ['=HYPERLINK("x")', 3],
    ]);
    expect(results.submissions[0]).toMatchObject({ helpsUsed: 0, totalMs: 16000 });
    expect(results.summary).toMatchObject({ submissionCount: 3, meanScore: 2.3, medianScore: 3 });
    expect(results.summary.histogram).toHaveLength(10);
    expect(results.questions).toHaveLength(4);
    expect(results.questions[0]?.percentCorrect).toBe(33.3);
    expect(results.questions[0]?.options.reduce((n, o) => n + o.count, 0)).toBe(3);
  });

  it("gives a CSV with a BOM, CRLF and RFC 4180 quoting, one row per student per question", async () => {
    const { response, bytes } = await teacherGet(created.id, "results.csv", created.teacherKey);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="glose-.+\.csv"$/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFassignment_id,student,attempt_id,submitted_at,question_id,question,")).toBe(
      true,
    );
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(1 + 3 * 4);
    expect(text).toContain(`,"Dupont, ""Jo""",`);
    expect(text).toContain(",Élodie,");
    // A name that a spreadsheet would run as a formula is shown as text.
    expect(text).toContain(`,"'=HYPERLINK(""x"")",`);
  });

  it("gives the questions in Moodle GIFT", async () => {
    const { response } = await teacherGet(created.id, "export.gift", created.teacherKey);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.text.match(/^::Q\d+::/gm)).toHaveLength(4);
    expect(response.text.match(/^ {2}=/gm)).toHaveLength(4);
  });
});

describe("hostile names", () => {
  it("stores markup verbatim as text and never sends it back as raw markup", async () => {
    const created = await newAssignment();
    const name = "<script>alert(1)</script>";
    expect(
      (await submit(created.id, { attemptId: randomUUID(), name, answers: await answersFor(created.id) }))
        .status,
    ).toBe(201);
    const [stored] = await getStore().listSubmissions(created.id);
    expect(stored?.name).toBe(name);
    const { response } = await teacherGet(created.id, "results", created.teacherKey);
    expect(response.text).not.toContain("<script>");
    expect(response.text).toContain("\\u003cscript\\u003e");
    expect((response.json as { submissions: { name: string }[] }).submissions[0]?.name).toBe(name);
  });

  it("stores SQL verbatim and leaves the tables alone", async () => {
    const created = await newAssignment();
    const answers = await answersFor(created.id);
    const name = "Robert'); DROP TABLE submissions;--";
    expect((await submit(created.id, { attemptId: randomUUID(), name, answers })).status).toBe(201);
    expect((await submit(created.id, { attemptId: randomUUID(), name: "Alice", answers })).status).toBe(201);
    const names = (await getStore().listSubmissions(created.id)).map((s) => s.name);
    expect(names).toEqual([name, "Alice"]);
  });
});

describe("200 students submitting at once", () => {
  it("stores every acknowledged submission", async () => {
    const created = await newAssignment();
    const answers = await answersFor(created.id);
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        submit(created.id, { attemptId: randomUUID(), name: `Élève ${i + 1}`, answers }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(201));
    expect(await storedSubmissionCount(created.id)).toBe(200);
    const acknowledged = new Set(responses.map((r) => (r.json as SubmissionJson).attemptId));
    const stored = new Set((await getStore().listSubmissions(created.id)).map((s) => s.attemptId));
    expect(stored).toEqual(acknowledged);
  });
});

describe("a restart", () => {
  it("keeps every assignment and submission", async () => {
    const created = await newAssignment();
    const answers = await answersFor(created.id);
    for (let i = 0; i < 20; i++)
      await submit(created.id, { attemptId: randomUUID(), name: `Élève ${i}`, answers });
    const before = await teacherGet(created.id, "results", created.teacherKey);

    await resetStoreForTests();

    const after = await teacherGet(created.id, "results", created.teacherKey);
    expect(after.response.status).toBe(200);
    expect(after.response.json).toEqual(before.response.json);
    expect(await storedSubmissionCount(created.id)).toBe(20);
  });
});
