/**
 * The embedded store: one SQLite file through better-sqlite3, the default.
 * Its schema changes are in `sqlite-migrations.ts`.
 */
import "server-only";
import Database from "better-sqlite3";
import { z } from "zod";
import { assertKnownSchema, pendingSteps, SCHEMA_VERSION } from "./schema";
import { SQLITE_MIGRATIONS } from "./sqlite-migrations";
import { sqliteStudioMethods } from "./sqlite-studio";
import { countRowSchema, questionCache, rowSchemas, toAnswer, toAssignment, toSubmission } from "./rows";
import type {
  GloseStore,
  NewAssignment,
  NewSubmission,
  RecordSubmissionOutcome,
  StoredAnswer,
  StoredSubmission,
} from "./types";

function migrate(db: Database.Database, file: string): void {
  // One transaction for all pending steps: a crash mid-way leaves the
  // database as it was, never half-migrated with a stale user_version.
  db.transaction(() => {
    const found = z
      .number()
      .int()
      .parse(db.pragma("user_version", { simple: true }));
    assertKnownSchema(found, file);
    const pending = pendingSteps(found);
    for (const { step } of pending) db.exec(SQLITE_MIGRATIONS[step]);
    // PRAGMA takes no bound parameters; the value is an integer we computed.
    if (pending.length > 0) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

const rows = rowSchemas({
  flag: z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1),
  time: z.string(),
});
// The rowid, to gather each submission's answers.
const submissionRowSchema = rows.submission.extend({ id: z.number().int() });
const answerRowSchema = rows.answer.extend({ submission_id: z.number().int() });
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
  try {
    migrate(db, file);
  } catch (error) {
    db.close();
    throw error;
  }

  const statements = {
    insertAssignment: db.prepare(
      `INSERT INTO assignments (id, teacher_key_hash, title, article_slug, article_version, level, kinds,
         requested_count, language, mode, helps_allowed, due_at, max_attempts, seed, questions, created_at)
       VALUES (@id, @teacher_key_hash, @title, @article_slug, @article_version, @level, @kinds, @requested_count,
         @language, @mode, @helps_allowed, @due_at, @max_attempts, @seed, @questions, @created_at)
       ON CONFLICT (id) DO NOTHING`,
    ),
    insertLevel: db.prepare(
      `INSERT INTO assignment_levels (assignment_id, level, article_slug, seed, questions)
       VALUES (@assignment_id, @level, @article_slug, @seed, @questions)`,
    ),
    getAssignment: db.prepare(`SELECT * FROM assignments WHERE id = ?`),
    // CEFR levels sort as text: A1 < A2 < B1 < … < C2.
    levelsOf: db.prepare(
      `SELECT level, article_slug, seed, questions FROM assignment_levels WHERE assignment_id = ? ORDER BY level`,
    ),
    updateDueAt: db.prepare(`UPDATE assignments SET due_at = ? WHERE id = ?`),
    getLimits: db.prepare(`SELECT due_at, max_attempts FROM assignments WHERE id = ?`),
    findSubmission: db.prepare(`SELECT * FROM submissions WHERE assignment_id = ? AND attempt_id = ?`),
    countAttempts: db.prepare(
      `SELECT count(*) AS n FROM submissions WHERE assignment_id = ? AND name_key = ?`,
    ),
    insertSubmission: db.prepare(
      `INSERT INTO submissions (assignment_id, attempt_id, name, name_key, score, max_score, percentage,
         correct_count, helps_used, best_streak, total_ms, submitted_at, level)
       VALUES (@assignment_id, @attempt_id, @name, @name_key, @score, @max_score, @percentage,
         @correct_count, @helps_used, @best_streak, @total_ms, @submitted_at, @level)`,
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

  const questions = questionCache();

  function findSubmission(assignmentId: string, attemptId: string): StoredSubmission | null {
    const raw: unknown = statements.findSubmission.get(assignmentId, attemptId);
    if (raw === undefined) return null;
    const row = submissionRowSchema.parse(raw);
    const answers = z.array(rows.answer).parse(statements.answersOf.all(row.id)).map(toAnswer);
    return toSubmission(row, answers);
  }

  function countAttempts(assignmentId: string, nameKey: string): number {
    return countRowSchema.parse(statements.countAttempts.get(assignmentId, nameKey)).n;
  }

  const createAssignment = db.transaction((a: NewAssignment): boolean => {
    const result = statements.insertAssignment.run({
      id: a.id,
      teacher_key_hash: a.teacherKeyHash,
      title: a.title,
      article_slug: a.articleSlug,
      level: a.level,
      article_version: a.articleVersion,
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
    if (result.changes !== 1) return false;
    for (const level of a.otherLevels) {
      statements.insertLevel.run({
        assignment_id: a.id,
        level: level.level,
        article_slug: level.articleSlug,
        seed: level.seed,
        questions: JSON.stringify(level.questions),
      });
    }
    return true;
  });

  // The assignment and its levels from one snapshot.
  const getAssignment = db.transaction((id: string) => {
    const raw: unknown = statements.getAssignment.get(id);
    if (raw === undefined) return null;
    const levels = z.array(rows.level).parse(statements.levelsOf.all(id));
    return toAssignment(rows.assignment.parse(raw), levels, questions);
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
      level: s.level,
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
    ...sqliteStudioMethods(db, rows),
    createAssignment: async (assignment) => createAssignment.immediate(assignment),
    getAssignment: async (id) => getAssignment.deferred(id),
    updateDueAt: async (id, dueAt) => updateDueAt.immediate(id, dueAt),
    // IMMEDIATE takes the write lock before the checks read anything, so two
    // processes cannot both see "no attempt yet" and both insert one.
    recordSubmission: async (submission) => recordSubmission.immediate(submission),
    findSubmission: async (assignmentId, attemptId) => findSubmission(assignmentId, attemptId),
    countAttempts: async (assignmentId, nameKey) => countAttempts(assignmentId, nameKey),
    listSubmissions: async (assignmentId) => listSubmissions.deferred(assignmentId),
    // Migrations ran when the file was opened (a newer schema threw there).
    schemaVersion: async () =>
      z
        .number()
        .int()
        .parse(db.pragma("user_version", { simple: true })),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
