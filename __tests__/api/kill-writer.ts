/**
 * Run by durability.test.ts in a child process: writes submissions as fast as
 * it can and prints each attempt id only once the store has acknowledged it,
 * until the test kills it with SIGKILL.
 */
import { randomUUID } from "node:crypto";
import { openSqliteStore } from "../../app/_server/db/sqlite";
import { questionSchema } from "../../questions/question-types";

async function main(file: string): Promise<void> {
  const store = openSqliteStore(file);
  const assignmentId = `kill${randomUUID().slice(0, 8)}`;
  const question = questionSchema.parse({
    id: "q1",
    kind: "true-false",
    topicId: "f1",
    variant: 0,
    language: "fr",
    prompt: "Vrai ou faux ?",
    stem: "Vrai ou faux ?",
    stemEn: "True or false?",
    options: [
      { id: "a", text: "Vrai" },
      { id: "b", text: "Faux" },
    ],
    optionsLanguage: "fr",
    answerId: "a",
    support: "vrai",
    evidenceSentenceId: "s1",
    explanation: { en: "It is.", fr: "C'est vrai." },
    difficulty: 1,
  });
  await store.createAssignment({
    id: assignmentId,
    teacherKeyHash: Buffer.alloc(32),
    title: "Kill test",
    articleSlug: "ai-talent-race",
    articleVersion: null,
    level: "B2",
    otherLevels: [],
    kinds: ["true-false"],
    requestedCount: 1,
    language: "fr",
    mode: "practice",
    helpsAllowed: false,
    dueAt: null,
    maxAttempts: null,
    seed: 1,
    questions: [question],
    createdAt: new Date().toISOString(),
  });
  process.stdout.write(`assignment ${assignmentId}\n`);
  // Bounded, so that a writer the test failed to kill cannot fill the disk.
  for (let i = 0; i < 50_000; i++) {
    const attemptId = randomUUID();
    const outcome = await store.recordSubmission({
      assignmentId,
      attemptId,
      name: `Élève ${i}`,
      nameKey: `eleve ${i}`,
      level: "B2",
      score: 1,
      maxScore: 1,
      percentage: 100,
      correctCount: 1,
      helpsUsed: 0,
      bestStreak: 1,
      totalMs: 1000,
      answers: [{ questionId: "q1", optionId: "a", correct: true, helpUsed: false, points: 1, ms: 1000 }],
      submittedAt: new Date().toISOString(),
    });
    if (outcome.status !== "created") throw new Error(`unexpected ${outcome.status}`);
    // Printed only after the commit: the parent counts these as acknowledged.
    process.stdout.write(`ack ${attemptId}\n`);
    if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

const file = process.argv[2];
if (!file) throw new Error("usage: kill-writer.ts <database file>");
void main(file);
