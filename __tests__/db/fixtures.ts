/**
 * Rows for the store tests, built directly (no service in between), so that
 * each test says exactly what it hands the store.
 */
import { randomUUID } from "node:crypto";
import type {
  AssignmentLevel,
  NewArticleVersion,
  NewAssignment,
  NewDraft,
  NewSubmission,
  StoredAnswer,
} from "@/app/_server/db";
import { questionSchema, type Question } from "@/questions/question-types";

function question(n: number, slug = "ai-talent-race"): Question {
  return questionSchema.parse({
    id: `${slug}/fact-${n}/true-false/fr/0`,
    kind: "true-false",
    topicId: `fact-${n}`,
    variant: 0,
    language: "fr",
    prompt: `Vrai ou faux ? « Affirmation ${n} »`,
    stem: "Vrai ou faux ?",
    passage: `Affirmation ${n}`,
    stemEn: "True or false?",
    options: [
      { id: "a", text: "Vrai" },
      { id: "b", text: "Faux" },
    ],
    optionsLanguage: "fr",
    answerId: n % 2 === 0 ? "a" : "b",
    support: `affirmation ${n}`,
    evidenceSentenceId: `s${n}`,
    explanation: { en: `Sentence ${n} says so.`, fr: `La phrase ${n} le dit.` },
    difficulty: 2,
  });
}

let assignments = 0;

export function assignment(overrides: Partial<NewAssignment> = {}): NewAssignment {
  assignments += 1;
  return {
    id: `a${String(assignments).padStart(10, "0")}`,
    teacherKeyHash: Buffer.from(randomUUID().replace(/-/g, ""), "hex"),
    title: "Devoir : la course aux talents — « groupe B »",
    articleSlug: "ai-talent-race",
    articleVersion: null,
    level: "B2",
    kinds: ["true-false", "cloze"],
    requestedCount: 5,
    language: "fr",
    mode: "practice",
    helpsAllowed: true,
    dueAt: null,
    maxAttempts: null,
    seed: 2 ** 31 - 1,
    questions: [1, 2, 3].map((n) => question(n)),
    otherLevels: [],
    createdAt: "2026-05-12T09:41:07.312Z",
    ...overrides,
  };
}

/** Another level of the seed with its own questions about the same facts. */
export function otherLevel(
  level: AssignmentLevel["level"],
  slug = `ai-talent-race-${level.toLowerCase()}`,
): AssignmentLevel {
  return { level, articleSlug: slug, seed: 12345, questions: [1, 2, 3].map((n) => question(n, slug)) };
}

const answers: StoredAnswer[] = [
  {
    questionId: "ai-talent-race/fact-1/true-false/fr/0",
    optionId: "b",
    correct: true,
    helpUsed: false,
    points: 1,
    ms: 4200,
  },
  {
    questionId: "ai-talent-race/fact-2/true-false/fr/0",
    optionId: "b",
    correct: false,
    helpUsed: true,
    points: 0,
    ms: 3_600_000,
  },
  {
    questionId: "ai-talent-race/fact-3/true-false/fr/0",
    optionId: null,
    correct: false,
    helpUsed: false,
    points: 0,
    ms: 0,
  },
];

export function submission(assignmentId: string, overrides: Partial<NewSubmission> = {}): NewSubmission {
  return {
    assignmentId,
    attemptId: randomUUID(),
    name: "Élodie",
    nameKey: "elodie",
    score: 1,
    maxScore: 3,
    percentage: 33.33333333333333,
    correctCount: 1,
    helpsUsed: 1,
    bestStreak: 1,
    totalMs: 3_604_200,
    answers,
    submittedAt: "2026-05-12T10:00:00.000Z",
    level: "B2",
    ...overrides,
  };
}

/** Half a point for a right answer with help: fractional scores must survive the round trip. */
export const halfPointAnswers: StoredAnswer[] = [
  {
    questionId: "ai-talent-race/fact-1/true-false/fr/0",
    optionId: "b",
    correct: true,
    helpUsed: true,
    points: 0.5,
    ms: 1,
  },
  {
    questionId: "ai-talent-race/fact-2/true-false/fr/0",
    optionId: "a",
    correct: true,
    helpUsed: false,
    points: 1,
    ms: 2,
  },
  {
    questionId: "ai-talent-race/fact-3/true-false/fr/0",
    optionId: "a",
    correct: false,
    helpUsed: false,
    points: 0,
    ms: 3,
  },
];

let drafts = 0;

export function draft(overrides: Partial<NewDraft> = {}): NewDraft {
  drafts += 1;
  return {
    id: `d${String(drafts).padStart(10, "0")}`,
    ownerKeyHash: Buffer.from(randomUUID().replace(/-/g, ""), "hex"),
    articleSlug: `a-rochebrune-${String(drafts).padStart(8, "0")}`,
    document: JSON.stringify({ title: "À Rochebrune « <b>bibliothèque</b> »", n: drafts }),
    createdAt: "2026-05-01T08:00:00.000Z",
    ...overrides,
  };
}

/** A publish of `draftId` at `revision`; `files` stands for the content folder's JSON. */
export function publication(draftId: string, revision: number, files: string): NewArticleVersion {
  return {
    draftId,
    expectedRevision: revision,
    title: "À Rochebrune",
    level: "B1",
    files,
    publishedAt: "2026-05-03T09:00:00.000Z",
  };
}
