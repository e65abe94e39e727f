/**
 * The embedded store: one SQLite file through better-sqlite3. All of Glose's
 * SQL lives in this file.
 */
import Database from "better-sqlite3";
import { z } from "zod";
import {
  questionKindSchema,
  questionLanguageSchema,
  questionSchema,
  type Question,
} from "../../../questions/question-types";
import type {
  GloseStore,
  NewAssignment,
  NewSubmission,
  RecordSubmissionOutcome,
  StoredAnswer,
  StoredAssignment,
  StoredSubmission,
} from "./types";

/**
 * Applied in order, each at most once: `PRAGMA user_version` records how many
 * have run. Append new steps; never edit one that has shipped, since existing
 * databases have already run it.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE assignments (
    id               TEXT PRIMARY KEY,
    teacher_key_hash BLOB NOT NULL,
    title            TEXT NOT NULL,
    article_slug     TEXT NOT NULL,
    kinds            TEXT NOT NULL,
    requested_count  INTEGER NOT NULL,
    language         TEXT NOT NULL CHECK (language IN ('en', 'fr')),
    mode             TEXT NOT NULL CHECK (mode IN ('practice', 'test')),
    helps_allowed    INTEGER NOT NULL CHECK (helps_allowed IN (0, 1)),
    due_at           TEXT,
    max_attempts     INTEGER CHECK (max_attempts IS NULL OR max_attempts >= 1),
    seed             INTEGER NOT NULL,
    questions        TEXT NOT NULL,
    created_at       TEXT NOT NULL
  ) STRICT;

  CREATE TABLE submissions (
    id             INTEGER PRIMARY KEY,
    assignment_id  TEXT NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    attempt_id     TEXT NOT NULL,
    name           TEXT NOT NULL,
    name_key       TEXT NOT NULL,
    score          REAL NOT NULL,
    max_score      REAL NOT NULL,
    percentage     REAL NOT NULL,
    correct_count  INTEGER NOT NULL,
    helps_used     INTEGER NOT NULL,
    best_streak    INTEGER NOT NULL,
    total_ms       INTEGER NOT NULL,
    submitted_at   TEXT NOT NULL,
    UNIQUE (assignment_id, attempt_id)
  ) STRICT;
  CREATE INDEX submissions_by_name ON submissions (assignment_id, name_key);

  CREATE TABLE submission_answers (
    submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    question_id   TEXT NOT NULL,
    option_id     TEXT,
    correct       INTEGER NOT NULL CHECK (correct IN (0, 1)),
    help_used     INTEGER NOT NULL CHECK (help_used IN (0, 1)),
    points        REAL NOT NULL,
    ms            INTEGER NOT NULL,
    PRIMARY KEY (submission_id, position)
  ) STRICT;
  `,
];

function migrate(db: Database.Database): void {
  // One transaction for all pending steps: a crash mid-way leaves the
  // database as it was, never half-migrated with a stale user_version.
  db.transaction(() => {
    const current = z
      .number()
      .int()
      .parse(db.pragma("user_version", { simple: true }));
    if (current > MIGRATIONS.length) {
      throw new Error(
        `The database is at schema version ${current}, newer than this code (${MIGRATIONS.length}).`,
      );
    }
    for (let version = current; version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version] ?? "");
    }
    // PRAGMA takes no bound parameters; the value is an integer we computed.
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

// Rows are parsed like any other input: the file may have been edited by hand
// or written by another version of the code.
const sqliteBoolean = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);
const questionsJson = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "stored questions are not JSON" });
    return z.NEVER;
  }
});

const assignmentRowSchema = z.object({
  id: z.string(),
  teacher_key_hash: z.instanceof(Buffer),
  title: z.string(),
  article_slug: z.string(),
  kinds: z.string(),
  requested_count: z.number().int(),
  language: questionLanguageSchema,
  mode: z.enum(["practice", "test"]),
  helps_allowed: sqliteBoolean,
  due_at: z.string().nullable(),
  max_attempts: z.number().int().nullable(),
  seed: z.number().int(),
  questions: z.string(),
  created_at: z.string(),
});
const kindsSchema = z.array(questionKindSchema);
const questionsSchema = questionsJson.pipe(z.array(questionSchema));

const submissionRowSchema = z.object({
  id: z.number().int(),
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
  submitted_at: z.string(),
});
type SubmissionRow = z.infer<typeof submissionRowSchema>;

const answerRowSchema = z.object({
  submission_id: z.number().int(),
  question_id: z.string(),
  option_id: z.string().nullable(),
  correct: sqliteBoolean,
  help_used: sqliteBoolean,
  points: z.number(),
  ms: z.number().int(),
});

const countSchema = z.object({ n: z.number().int() });
const dueSchema = z.object({ due_at: z.string().nullable(), max_attempts: z.number().int().nullable() });

export interface SqliteStoreOptions {
  /** Milliseconds a writer waits for another process's lock before failing. */
  busyTimeoutMs?: number;
}

/** Opens (creating and migrating if needed) the database at `file`. */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): GloseStore {
  const db = new Database(file);
  // WAL lets readers (results pages) run while a submission is being written.
  db.pragma("journal_mode = WAL");
  // With more than one process on the file (a second server, the bench's
  // checker), wait for the lock instead of failing with SQLITE_BUSY at once.
  db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  db.pragma("foreign_keys = ON");
  // In WAL mode a commit is appended to the -wal file with write() before the
  // call returns, so it sits in the operating system's cache, not in this
  // process: a killed or crashed server keeps every committed (so every
  // acknowledged) submission, and the next open replays the WAL. NORMAL only
  // skips the fsync per commit, so a power cut or kernel crash could lose the
  // last moments of writes; FULL would close that gap at a cost in throughput
  // that one classroom machine does not need to pay.
  db.pragma("synchronous = NORMAL");
  migrate(db);

  const statements = {
    insertAssignment: db.prepare(
      `INSERT INTO assignments (id, teacher_key_hash, title, article_slug, kinds, requested_count, language,
         mode, helps_allowed, due_at, max_attempts, seed, questions, created_at)
       VALUES (@id, @teacher_key_hash, @title, @article_slug, @kinds, @requested_count, @language,
         @mode, @helps_allowed, @due_at, @max_attempts, @seed, @questions, @created_at)
       ON CONFLICT (id) DO NOTHING`,
    ),
    getAssignment: db.prepare(`SELECT * FROM assignments WHERE id = ?`),
    updateDueAt: db.prepare(`UPDATE assignments SET due_at = ? WHERE id = ?`),
    getLimits: db.prepare(`SELECT due_at, max_attempts FROM assignments WHERE id = ?`),
    findSubmission: db.prepare(`SELECT * FROM submissions WHERE assignment_id = ? AND attempt_id = ?`),
    countAttempts: db.prepare(
      `SELECT count(*) AS n FROM submissions WHERE assignment_id = ? AND name_key = ?`,
    ),
    insertSubmission: db.prepare(
      `INSERT INTO submissions (assignment_id, attempt_id, name, name_key, score, max_score, percentage,
         correct_count, helps_used, best_streak, total_ms, submitted_at)
       VALUES (@assignment_id, @attempt_id, @name, @name_key, @score, @max_score, @percentage,
         @correct_count, @helps_used, @best_streak, @total_ms, @submitted_at)`,
    ),
    insertAnswer: db.prepare(
      `INSERT INTO submission_answers (submission_id, position, question_id, option_id, correct, help_used, points, ms)
       VALUES (@submission_id, @position, @question_id, @option_id, @correct, @help_used, @points, @ms)`,
    ),
    answersOf: db.prepare(
      `SELECT submission_id, question_id, option_id, correct, help_used, points, ms
       FROM submission_answers WHERE submission_id = ? ORDER BY position`,
    ),
    listSubmissions: db.prepare(
      `SELECT * FROM submissions WHERE assignment_id = ? ORDER BY submitted_at, id`,
    ),
    listAnswers: db.prepare(
      `SELECT a.submission_id, a.question_id, a.option_id, a.correct, a.help_used, a.points, a.ms
       FROM submission_answers a JOIN submissions s ON s.id = a.submission_id
       WHERE s.assignment_id = ? ORDER BY a.submission_id, a.position`,
    ),
  };

  // Questions are frozen once written, so their parsed form can be kept: the
  // submission path would otherwise re-validate the same JSON on every request.
  const questionCache = new Map<string, Question[]>();
  const QUESTION_CACHE_LIMIT = 500;

  function parsedQuestions(id: string, json: string): Question[] {
    const cached = questionCache.get(id);
    if (cached) return cached;
    const questions = questionsSchema.parse(json);
    if (questionCache.size >= QUESTION_CACHE_LIMIT) {
      const oldest = questionCache.keys().next();
      if (!oldest.done) questionCache.delete(oldest.value);
    }
    questionCache.set(id, questions);
    return questions;
  }

  function toAssignment(raw: unknown): StoredAssignment {
    const row = assignmentRowSchema.parse(raw);
    return {
      id: row.id,
      teacherKeyHash: row.teacher_key_hash,
      title: row.title,
      articleSlug: row.article_slug,
      kinds: kindsSchema.parse(JSON.parse(row.kinds)),
      requestedCount: row.requested_count,
      language: row.language,
      mode: row.mode,
      helpsAllowed: row.helps_allowed,
      dueAt: row.due_at,
      maxAttempts: row.max_attempts,
      seed: row.seed,
      questions: parsedQuestions(row.id, row.questions),
      createdAt: row.created_at,
    };
  }

  function toAnswer(raw: z.infer<typeof answerRowSchema>): StoredAnswer {
    return {
      questionId: raw.question_id,
      optionId: raw.option_id,
      correct: raw.correct,
      helpUsed: raw.help_used,
      points: raw.points,
      ms: raw.ms,
    };
  }

  function toSubmission(row: SubmissionRow, answers: StoredAnswer[]): StoredSubmission {
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
    };
  }

  function findSubmission(assignmentId: string, attemptId: string): StoredSubmission | null {
    const raw: unknown = statements.findSubmission.get(assignmentId, attemptId);
    if (raw === undefined) return null;
    const row = submissionRowSchema.parse(raw);
    const answers = z.array(answerRowSchema).parse(statements.answersOf.all(row.id)).map(toAnswer);
    return toSubmission(row, answers);
  }

  function countAttempts(assignmentId: string, nameKey: string): number {
    return countSchema.parse(statements.countAttempts.get(assignmentId, nameKey)).n;
  }

  const createAssignment = db.transaction((a: NewAssignment): boolean => {
    const result = statements.insertAssignment.run({
      id: a.id,
      teacher_key_hash: a.teacherKeyHash,
      title: a.title,
      article_slug: a.articleSlug,
      kinds: JSON.stringify(a.kinds),
      requested_count: a.requestedCount,
      language: a.language,
      mode: a.mode,
      helps_allowed: a.helpsAllowed ? 1 : 0,
      due_at: a.dueAt,
      max_attempts: a.maxAttempts,
      seed: a.seed,
      questions: JSON.stringify(a.questions),
      created_at: a.createdAt,
    });
    return result.changes === 1;
  });

  const updateDueAt = db.transaction((id: string, dueAt: string | null): boolean => {
    return statements.updateDueAt.run(dueAt, id).changes === 1;
  });

  const recordSubmission = db.transaction((s: NewSubmission): RecordSubmissionOutcome => {
    const existing = findSubmission(s.assignmentId, s.attemptId);
    if (existing) return { status: "duplicate", submission: existing };

    const rawLimits: unknown = statements.getLimits.get(s.assignmentId);
    if (rawLimits === undefined) return { status: "not-found" };
    const limits = dueSchema.parse(rawLimits);
    if (limits.due_at !== null && Date.parse(s.submittedAt) > Date.parse(limits.due_at)) {
      return { status: "closed" };
    }
    if (limits.max_attempts !== null && countAttempts(s.assignmentId, s.nameKey) >= limits.max_attempts) {
      return { status: "too-many-attempts" };
    }

    const { lastInsertRowid } = statements.insertSubmission.run({
      assignment_id: s.assignmentId,
      attempt_id: s.attemptId,
      name: s.name,
      name_key: s.nameKey,
      score: s.score,
      max_score: s.maxScore,
      percentage: s.percentage,
      correct_count: s.correctCount,
      helps_used: s.helpsUsed,
      best_streak: s.bestStreak,
      total_ms: s.totalMs,
      submitted_at: s.submittedAt,
    });
    s.answers.forEach((answer, position) => {
      statements.insertAnswer.run({
        submission_id: lastInsertRowid,
        position,
        question_id: answer.questionId,
        option_id: answer.optionId,
        correct: answer.correct ? 1 : 0,
        help_used: answer.helpUsed ? 1 : 0,
        points: answer.points,
        ms: answer.ms,
      });
    });
    return { status: "created", submission: s };
  });

  const listSubmissions = db.transaction((assignmentId: string): StoredSubmission[] => {
    // Two queries instead of one per submission; read in one transaction so
    // that a submission committed between them cannot appear without answers.
    const rows = z.array(submissionRowSchema).parse(statements.listSubmissions.all(assignmentId));
    const answers = z.array(answerRowSchema).parse(statements.listAnswers.all(assignmentId));
    const bySubmission = new Map<number, StoredAnswer[]>();
    for (const answer of answers) {
      const list = bySubmission.get(answer.submission_id) ?? [];
      list.push(toAnswer(answer));
      bySubmission.set(answer.submission_id, list);
    }
    return rows.map((row) => toSubmission(row, bySubmission.get(row.id) ?? []));
  });

  return {
    createAssignment: async (assignment) => createAssignment.immediate(assignment),
    getAssignment: async (id) => {
      const raw: unknown = statements.getAssignment.get(id);
      return raw === undefined ? null : toAssignment(raw);
    },
    updateDueAt: async (id, dueAt) => updateDueAt.immediate(id, dueAt),
    // IMMEDIATE takes the write lock before the checks read anything, so two
    // processes cannot both see "no attempt yet" and both insert one.
    recordSubmission: async (submission) => recordSubmission.immediate(submission),
    findSubmission: async (assignmentId, attemptId) => findSubmission(assignmentId, attemptId),
    countAttempts: async (assignmentId, nameKey) => countAttempts(assignmentId, nameKey),
    listSubmissions: async (assignmentId) => listSubmissions.deferred(assignmentId),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
