/**
 * From database rows to the interface's objects, for both stores. Rows are
 * parsed like any other input: a database may have been edited by hand or
 * written by another version of the code. The two drivers differ only in how
 * they hand back flags (SQLite: 0 or 1) and times (SQLite: ISO text,
 * PostgreSQL: Date), so each store passes those two column types and gets the
 * rest from here.
 */
import "server-only";
import { z } from "zod";
import {
  questionKindSchema,
  questionLanguageSchema,
  questionSchema,
  type Question,
} from "../../../questions/question-types";
import { cefrLevelSchema } from "../../../questions/schema";
import type {
  AssignmentLevel,
  StoredAnswer,
  StoredArticleVersion,
  StoredAssignment,
  StoredDraft,
  StoredSubmission,
} from "./types";

const jsonText = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "stored value is not JSON" });
    return z.NEVER;
  }
});

const storedKindsSchema = jsonText.pipe(z.array(questionKindSchema));
const storedQuestionsSchema = jsonText.pipe(z.array(questionSchema));

/** How one driver returns the columns whose JavaScript type differs between stores. */
export interface ColumnTypes {
  flag: z.ZodType<boolean>;
  /** A timestamp, as an ISO 8601 string in UTC (`toISOString()`). */
  time: z.ZodType<string>;
}

export function rowSchemas({ flag, time }: ColumnTypes) {
  return {
    assignment: z.object({
      id: z.string(),
      teacher_key_hash: z.instanceof(Buffer),
      title: z.string(),
      article_slug: z.string(),
      article_version: z.number().int().nullable(),
      /** JSON text. */
      kinds: z.string(),
      requested_count: z.number().int(),
      language: questionLanguageSchema,
      mode: z.enum(["practice", "test"]),
      helps_allowed: flag,
      due_at: time.nullable(),
      max_attempts: z.number().int().nullable(),
      level: cefrLevelSchema.nullable(),
      seed: z.number().int(),
      /** JSON text; null when the store left out questions it had already parsed. */
      questions: z.string().nullable(),
      created_at: time,
    }),
    /** One of the other levels of an assignment at every level. */
    level: z.object({
      level: cefrLevelSchema,
      article_slug: z.string(),
      seed: z.number().int(),
      /** JSON text; null when the store left out questions it had already parsed. */
      questions: z.string().nullable(),
    }),
    submission: z.object({
      assignment_id: z.string(),
      attempt_id: z.string(),
      name: z.string(),
      name_key: z.string(),
      score: z.number(),
      max_score: z.number(),
      percentage: z.number(),
      correct_count: z.number().int(),
      helps_used: z.number().int(),
      best_streak: z.number().int(),
      total_ms: z.number().int(),
      submitted_at: time,
      level: cefrLevelSchema.nullable(),
    }),
    draft: z.object({
      id: z.string(),
      owner_key_hash: z.instanceof(Buffer),
      article_slug: z.string(),
      revision: z.number().int(),
      document: z.string(),
      created_at: time,
      updated_at: time,
      published_version: z.number().int().nullable(),
    }),
    articleVersion: z.object({
      slug: z.string(),
      version: z.number().int(),
      latest_version: z.number().int(),
      title: z.string(),
      level: z.string(),
      files: z.string(),
      draft_revision: z.number().int(),
      published_at: time,
    }),
    answer: z.object({
      question_id: z.string(),
      option_id: z.string().nullable(),
      correct: flag,
      help_used: flag,
      points: z.number(),
      ms: z.number().int(),
    }),
  };
}

type Schemas = ReturnType<typeof rowSchemas>;
export type AssignmentRow = z.output<Schemas["assignment"]>;
export type SubmissionRow = z.output<Schemas["submission"]>;
export type AnswerRow = z.output<Schemas["answer"]>;
export type LevelRow = z.output<Schemas["level"]>;
export type DraftRow = z.output<Schemas["draft"]>;
export type ArticleVersionRow = z.output<Schemas["articleVersion"]>;

export const countRowSchema = z.object({ n: z.number().int() });

export interface QuestionCache {
  /**
   * Whether the questions of `assignmentId` were parsed before (a store may
   * then skip reading them, those of its other levels included: they are
   * written and read together).
   */
  has(assignmentId: string): boolean;
  /** The questions of an assignment (or of one of its other levels), parsed and validated once. */
  get(assignmentId: string, json: string | null, level?: string): Question[];
}

const QUESTION_CACHE_LIMIT = 500;

/**
 * Questions are frozen once written, so their parsed form can be kept: the
 * submission path would otherwise re-validate the same JSON on every request.
 * Safe with several servers on one database for the same reason.
 */
export function questionCache(): QuestionCache {
  // By assignment, then by level ("" for the assignment's own questions): an
  // assignment leaves the cache whole, never one level at a time.
  const cache = new Map<string, Map<string, Question[]>>();
  return {
    // The assignment's own questions are read last (see toAssignment): with them, every level is in.
    has: (assignmentId) => cache.get(assignmentId)?.has("") === true,
    get(assignmentId, json, level = "") {
      const cached = cache.get(assignmentId)?.get(level);
      if (cached) return cached;
      if (json === null) throw new Error(`the questions of assignment ${assignmentId} were not read`);
      const questions = storedQuestionsSchema.parse(json);
      let entry = cache.get(assignmentId);
      if (!entry) {
        if (cache.size >= QUESTION_CACHE_LIMIT) {
          const oldest = cache.keys().next();
          if (!oldest.done) cache.delete(oldest.value);
        }
        entry = new Map();
        cache.set(assignmentId, entry);
      }
      entry.set(level, questions);
      return questions;
    },
  };
}

export function toAssignment(
  row: AssignmentRow,
  levels: readonly LevelRow[],
  questions: QuestionCache,
): StoredAssignment {
  // The other levels first: the assignment's own questions enter the cache last (see questionCache).
  const otherLevels = levels.map((level): AssignmentLevel => ({
    level: level.level,
    articleSlug: level.article_slug,
    seed: level.seed,
    questions: questions.get(row.id, level.questions, level.level),
  }));
  return {
    id: row.id,
    teacherKeyHash: row.teacher_key_hash,
    title: row.title,
    articleSlug: row.article_slug,
    level: row.level,
    articleVersion: row.article_version,
    kinds: storedKindsSchema.parse(row.kinds),
    requestedCount: row.requested_count,
    language: row.language,
    mode: row.mode,
    helpsAllowed: row.helps_allowed,
    dueAt: row.due_at,
    maxAttempts: row.max_attempts,
    seed: row.seed,
    questions: questions.get(row.id, row.questions),
    otherLevels,
    createdAt: row.created_at,
  };
}

export function toAnswer(row: AnswerRow): StoredAnswer {
  return {
    questionId: row.question_id,
    optionId: row.option_id,
    correct: row.correct,
    helpUsed: row.help_used,
    points: row.points,
    ms: row.ms,
  };
}

export function toSubmission(row: SubmissionRow, answers: StoredAnswer[]): StoredSubmission {
  return {
    assignmentId: row.assignment_id,
    attemptId: row.attempt_id,
    name: row.name,
    nameKey: row.name_key,
    score: row.score,
    maxScore: row.max_score,
    percentage: row.percentage,
    correctCount: row.correct_count,
    helpsUsed: row.helps_used,
    bestStreak: row.best_streak,
    totalMs: row.total_ms,
    submittedAt: row.submitted_at,
    answers,
    level: row.level,
  };
}

export function toDraft(row: DraftRow): StoredDraft {
  return {
    id: row.id,
    ownerKeyHash: row.owner_key_hash,
    articleSlug: row.article_slug,
    revision: row.revision,
    document: row.document,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedVersion: row.published_version,
  };
}

export function toArticleVersion(row: ArticleVersionRow): StoredArticleVersion {
  return {
    slug: row.slug,
    version: row.version,
    latestVersion: row.latest_version,
    title: row.title,
    level: row.level,
    files: row.files,
    draftRevision: row.draft_revision,
    publishedAt: row.published_at,
  };
}
