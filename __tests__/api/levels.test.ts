/**
 * @jest-environment node
 *
 * Assignments of any article, and of one article at every level, through the
 * route handlers against a real temporary SQLite file.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { GET as studentRoute } from "@/app/api/assignments/[id]/route";
import { getStore, resetStoreForTests } from "@/app/_server/db";
import { studentViewSchema, type StudentView } from "@/app/api/contract";
import type { CefrLevel } from "@/questions/levels";
import {
  ORIGIN,
  createAssignment,
  expectPlainRefusal,
  newAssignment,
  setTemporaryDatabase,
  submit,
  teacherGet,
  type Created,
} from "./api-helpers";

const databaseFile = setTemporaryDatabase("levels");

afterAll(async () => {
  await resetStoreForTests();
  rmSync(path.dirname(databaseFile), { recursive: true, force: true });
});

async function view(id: string, query = ""): Promise<{ status: number; json: unknown }> {
  const response = await studentRoute(new Request(`${ORIGIN}/api/assignments/${id}${query}`), {
    params: Promise.resolve({ id }),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

/** Right (or wrong) answers to the questions of one level, read from the store. */
async function answersAt(id: string, level: CefrLevel, how: "right" | "wrong") {
  const stored = await getStore().getAssignment(id);
  const questions =
    stored?.level === level
      ? stored.questions
      : stored?.otherLevels.find((l) => l.level === level)?.questions;
  if (!questions) throw new Error(`no questions at ${level}`);
  return questions.map((q) => ({
    questionId: q.id,
    optionId: how === "right" ? q.answerId : (q.options.find((o) => o.id !== q.answerId)?.id ?? null),
    helpUsed: false,
    ms: 3000,
  }));
}

const everyLevel = {
  title: "La course aux talents, à chacun son niveau",
  articleSlug: "ai-talent-race-a2",
  everyLevel: true,
  kinds: ["comprehension-en", "true-false", "cloze", "main-idea"],
  count: 8,
  language: "en",
  mode: "practice",
  helpsAllowed: false,
  dueAt: null,
  maxAttempts: 1,
  interfaceLanguage: "fr",
} as const;

describe("an assignment at every level of an article", () => {
  let created: Created;
  beforeAll(async () => {
    const response = await createAssignment(everyLevel);
    expect(response.status).toBe(201);
    created = response.json as Created;
  });

  it("answers with a link per level, each level's questions frozen at creation", async () => {
    expect(created.levels).toEqual(
      (["A2", "B1", "B2"] as const).map((level) => ({
        level,
        studentUrl: `${ORIGIN}/fr/a/${created.id}?level=${level}`,
        questionCount: 8,
      })),
    );
    const stored = await getStore().getAssignment(created.id);
    expect(stored).toMatchObject({ articleSlug: "ai-talent-race-a2", level: "A2" });
    expect(stored?.otherLevels.map((l) => [l.level, l.articleSlug])).toEqual([
      ["B1", "ai-talent-race-b1"],
      ["B2", "ai-talent-race"],
    ]);
    for (const other of stored?.otherLevels ?? []) {
      expect(other.questions.every((q) => q.id.startsWith(`${other.articleSlug}/`))).toBe(true);
    }
    // The same facts in the same order wherever the levels share them.
    const topics = (questions: { topicId: string }[] = []) => questions.map((q) => q.topicId);
    const a2 = topics(stored?.questions);
    const shared = topics(stored?.otherLevels[1]?.questions).filter((topic, i) => topic === a2[i]).length;
    expect(shared).toBeGreaterThanOrEqual(6);
  });

  it("shows the teacher's level by default, any offered level on request, with the list to choose from", async () => {
    const own = await view(created.id);
    expect(own.status).toBe(200);
    const parsed = studentViewSchema.safeParse(own.json);
    expect(parsed.success).toBe(true);
    const body = own.json as StudentView;
    expect(body).toMatchObject({ level: "A2", articleSlug: "ai-talent-race-a2", questionCount: 8 });
    expect(body.levels).toEqual([
      { level: "A2", articleSlug: "ai-talent-race-a2", questionCount: 8 },
      { level: "B1", articleSlug: "ai-talent-race-b1", questionCount: 8 },
      { level: "B2", articleSlug: "ai-talent-race", questionCount: 8 },
    ]);
    const b1 = (await view(created.id, "?level=B1")).json as StudentView;
    expect(b1.level).toBe("B1");
    expect(b1.questions.every((q) => q.id.startsWith("ai-talent-race-b1/"))).toBe(true);
    expect(JSON.stringify(b1)).not.toMatch(/answerId|"support"|explanation/);
  });

  it("refuses a level it does not offer, or one that is no level, naming the field", async () => {
    for (const query of ["?level=C1", "?level=b1", "?level=%3Cscript%3E"]) {
      const response = await view(created.id, query);
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ code: "level_not_offered", field: "level" });
    }
  });

  it("scores each student on their own level's questions and keeps the level", async () => {
    const attemptId = randomUUID();
    const sent = await submit(created.id, {
      attemptId,
      name: "Jade",
      level: "B1",
      answers: await answersAt(created.id, "B1", "right"),
    });
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({ score: 8, maxScore: 8 });
    expect((await getStore().findSubmission(created.id, attemptId))?.level).toBe("B1");
    // Sent again, with or without its level: the same answer, as the first time.
    const again = await submit(created.id, { attemptId, name: "Jade", level: "B1", answers: [] });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ score: 8 });
  });

  it("refuses answers to another level's questions, and a level it does not offer", async () => {
    const wrongLevel = await submit(created.id, {
      attemptId: randomUUID(),
      name: "Noé",
      level: "B2",
      answers: await answersAt(created.id, "A2", "right"),
    });
    expectPlainRefusal(wrongLevel, 400, "invalid_request");
    const notOffered = await submit(created.id, {
      attemptId: randomUUID(),
      name: "Noé",
      level: "C1",
      answers: [],
    });
    expectPlainRefusal(notOffered, 400, "level_not_offered");
    expect((notOffered.json as { field?: string }).field).toBe("level");
    const noLevel = await submit(created.id, {
      attemptId: randomUUID(),
      name: "Noé",
      level: "Z9",
      answers: [],
    });
    expectPlainRefusal(noLevel, 400, "level_not_offered");
  });

  it("gives the teacher one class: each student's level, each level's figures, and each fact pooled across levels", async () => {
    await submit(created.id, {
      attemptId: randomUUID(),
      name: "Inès",
      level: "A2",
      answers: await answersAt(created.id, "A2", "wrong"),
    });
    await submit(created.id, {
      attemptId: randomUUID(),
      name: "Hugo",
      level: "B2",
      answers: await answersAt(created.id, "B2", "right"),
    });
    const { response } = await teacherGet(created.id, "results", created.teacherKey);
    expect(response.status).toBe(200);
    const results = response.json as {
      assignment: { levels: { level: string }[]; level: string };
      summary: { submissionCount: number };
      levelSummaries: { level: string; submissionCount: number; meanPercentage: number | null }[];
      submissions: { name: string; level: string }[];
      questions: { level: string; questionId: string }[];
      topics: {
        topicId: string;
        responses: number;
        percentCorrect: number;
        levels: { level: string; responses: number; percentCorrect: number }[];
      }[];
    };
    expect(results.assignment.levels.map((l) => l.level)).toEqual(["A2", "B1", "B2"]);
    expect(results.submissions.map((s) => [s.name, s.level])).toEqual([
      ["Jade", "B1"],
      ["Inès", "A2"],
      ["Hugo", "B2"],
    ]);
    expect(results.summary.submissionCount).toBe(3);
    expect(results.levelSummaries.map((l) => [l.level, l.submissionCount, l.meanPercentage])).toEqual([
      ["A2", 1, 0],
      ["B1", 1, 100],
      ["B2", 1, 100],
    ]);
    expect(results.questions).toHaveLength(24);
    expect(new Set(results.questions.map((q) => q.level))).toEqual(new Set(["A2", "B1", "B2"]));
    // A fact asked at all three levels: three students, two right.
    const pooled = results.topics.filter((t) => t.levels.length === 3);
    expect(pooled.length).toBeGreaterThanOrEqual(6);
    for (const topic of pooled) {
      expect(topic).toMatchObject({ responses: 3, percentCorrect: 66.7 });
      expect(topic.levels.map((l) => [l.level, l.percentCorrect])).toEqual([
        ["A2", 0],
        ["B1", 100],
        ["B2", 100],
      ]);
    }
  });

  it("puts each student's level in the CSV, and every level's questions in the GIFT export", async () => {
    const csv = (await teacherGet(created.id, "results.csv", created.teacherKey)).response.text;
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(header?.split(",").at(-1)).toBe("level");
    expect(new Set(rows.map((row) => row.split(",").at(-1)))).toEqual(new Set(["A2", "B1", "B2"]));
    const gift = (await teacherGet(created.id, "export.gift", created.teacherKey)).response.text;
    for (const level of ["A2", "B1", "B2"]) expect(gift).toContain(`(${level})`);
    expect(gift.match(/^::Q\d+::/gm)).toHaveLength(24);
  });
});

describe("an assignment of any one article", () => {
  it("freezes the chosen article at its level, with nothing to choose", async () => {
    const created = (await newAssignment({
      articleSlug: "crues-vionne",
      kinds: ["cloze", "vocabulary"],
    })) as unknown as Created;
    expect(created.levels).toEqual([]);
    const stored = await getStore().getAssignment(created.id);
    expect(stored).toMatchObject({ articleSlug: "crues-vionne", level: "C1", otherLevels: [] });
    expect(stored?.questions.every((q) => q.id.startsWith("crues-vionne/"))).toBe(true);
    const body = (await view(created.id)).json as StudentView;
    expect(body).toMatchObject({ articleSlug: "crues-vionne", level: "C1", levels: [] });
    // Its own level may be named; no other.
    expect((await view(created.id, "?level=C1")).status).toBe(200);
    expect((await view(created.id, "?level=B1")).status).toBe(400);
    const { response } = await teacherGet(created.id, "results", created.teacherKey);
    expect(response.json).toMatchObject({
      topics: [],
      levelSummaries: [],
      assignment: { levels: [], level: "C1" },
    });
  });

  it("draws from the seed when no article is named, as before levels", async () => {
    const created = await newAssignment();
    expect(await getStore().getAssignment(created.id)).toMatchObject({
      articleSlug: "ai-talent-race",
      level: "B2",
    });
  });

  it("offers one level when asked for every level of an article that has only one", async () => {
    const response = await createAssignment({ ...everyLevel, articleSlug: "refuge-combe-noire" });
    expect(response.status).toBe(201);
    expect((response.json as Created).levels).toEqual([]);
  });

  it.each(["no-such-article", "../ai-talent-race", "AI-TALENT-RACE", "a".repeat(101)])(
    "refuses an article that does not exist (%s), naming the field",
    async (articleSlug) => {
      const response = await createAssignment({ ...everyLevel, articleSlug });
      expectPlainRefusal(response, 404, "article_not_found");
      expect((response.json as { field?: string }).field).toBe("articleSlug");
    },
  );

  it("refuses an everyLevel that is not true or false", async () => {
    expectPlainRefusal(await createAssignment({ ...everyLevel, everyLevel: "yes" }), 400, "invalid_request");
  });
});
