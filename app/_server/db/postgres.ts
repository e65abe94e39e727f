/**
 * The shared store: PostgreSQL through postgres.js, for several Glose servers
 * on one database. Selected by `DATABASE_URL=postgres://…` (see `index.ts`);
 * its schema changes are in `postgres-migrations.ts`.
 *
 * The rules SQLite gets from one writer at a time hold here with locks, since
 * submissions for one assignment arrive on many connections from many servers:
 * - the due date: a submission holds a share lock on its assignment's row
 *   until it commits, so moving the due date waits for it, and it sees the
 *   date in force;
 * - attempts per name: a transaction-scoped advisory lock on (assignment,
 *   name) lets one submission per student check and insert at a time;
 * - an attempt stored once: the unique key (assignment, attempt); a request
 *   that loses the race finds the winner's row and answers it as a duplicate.
 * A submission takes four round trips: BEGIN; the lock and the checks,
 * pipelined; one insert for the row and its answers; COMMIT.
 */
import "server-only";
import postgres from "postgres";
import { z } from "zod";
import { POSTGRES_MIGRATIONS } from "./postgres-migrations";
import { postgresStudioMethods } from "./postgres-studio";
import { assertKnownSchema, pendingSteps } from "./schema";
import { countRowSchema, questionCache, rowSchemas, toAnswer, toAssignment, toSubmission } from "./rows";
import type {
  GloseStore,
  NewAssignment,
  NewSubmission,
  RecordSubmissionOutcome,
  StoredSubmission,
} from "./types";

type Sql = postgres.Sql | postgres.TransactionSql;

export interface PostgresStoreOptions {
  /** Connections this process may open (postgres.js's `max`); 10 by default. */
  poolSize?: number;
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "an unparsable DATABASE_URL";
  }
}

async function migrate(sql: postgres.Sql, where: string): Promise<number> {
  return sql.begin(async (tx) => {
    // Several servers may start at once on a new database: one migrates, the
    // others wait here and then find nothing left to do. DDL is transactional
    // in PostgreSQL, so a failed step leaves no half-made table behind.
    await tx`SELECT pg_advisory_xact_lock(hashtext('glose schema migrations'))`;
    await tx`
      CREATE TABLE IF NOT EXISTS glose_schema (
        version    integer PRIMARY KEY,
        step       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`;
    const [row] = await tx`SELECT coalesce(max(version), 0)::integer AS version FROM glose_schema`;
    const found = z.object({ version: z.number().int() }).parse(row).version;
    assertKnownSchema(found, where);
    const pending = pendingSteps(found);
    for (const { step, version } of pending) {
      await tx.unsafe(POSTGRES_MIGRATIONS[step]);
      await tx`INSERT INTO glose_schema (version, step) VALUES (${version}, ${step})`;
    }
    return pending.at(-1)?.version ?? found;
  });
}

const rows = rowSchemas({ flag: z.boolean(), time: z.date().transform((date) => date.toISOString()) });
// An assignment's other levels come back inside its row, as JSON.
const assignmentRowSchema = rows.assignment.extend({ other_levels: z.array(rows.level) });
// Answers come back inside their submission's row, as JSON.
const submissionRowSchema = rows.submission.extend({ answers: z.array(rows.answer) });

function parseSubmission(raw: unknown): StoredSubmission {
  const row = submissionRowSchema.parse(raw);
  return toSubmission(row, row.answers.map(toAnswer));
}

/**
 * Submissions with their answers in one statement, so one snapshot: a
 * submission committed meanwhile cannot appear without its answers.
 */
function selectSubmissions(sql: Sql, where: postgres.PendingQuery<postgres.Row[]>) {
  return sql`
    SELECT s.assignment_id, s.attempt_id, s.name, s.name_key, s.score, s.max_score, s.percentage,
      s.correct_count, s.helps_used, s.best_streak, s.total_ms, s.submitted_at, s.level,
      (SELECT coalesce(json_agg(json_build_object(
                'question_id', a.question_id, 'option_id', a.option_id, 'correct', a.correct,
                'help_used', a.help_used, 'points', a.points, 'ms', a.ms) ORDER BY a.position), '[]')
         FROM submission_answers a WHERE a.submission_id = s.id) AS answers
    FROM submissions s
    WHERE ${where}
    ORDER BY s.submitted_at, s.id`;
}

async function findSubmission(sql: Sql, assignmentId: string, attemptId: string) {
  const found = await selectSubmissions(
    sql,
    sql`s.assignment_id = ${assignmentId} AND s.attempt_id = ${attemptId}`,
  );
  return found[0] === undefined ? null : parseSubmission(found[0]);
}

async function countAttempts(sql: Sql, assignmentId: string, nameKey: string): Promise<number> {
  const [row] = await sql`
    SELECT count(*)::integer AS n FROM submissions WHERE assignment_id = ${assignmentId} AND name_key = ${nameKey}`;
  return countRowSchema.parse(row).n;
}

/** The submission and its answers in one statement; false when the attempt was already stored. */
async function insertSubmission(tx: postgres.TransactionSql, s: NewSubmission): Promise<boolean> {
  const answers = s.answers.map((a, position) => ({
    position,
    question_id: a.questionId,
    option_id: a.optionId,
    correct: a.correct,
    help_used: a.helpUsed,
    points: a.points,
    ms: a.ms,
  }));
  const [row] = await tx`
    WITH inserted AS (
      INSERT INTO submissions (assignment_id, attempt_id, name, name_key, score, max_score, percentage,
        correct_count, helps_used, best_streak, total_ms, submitted_at, level)
      VALUES (${s.assignmentId}, ${s.attemptId}, ${s.name}, ${s.nameKey}, ${s.score}, ${s.maxScore},
        ${s.percentage}, ${s.correctCount}, ${s.helpsUsed}, ${s.bestStreak}, ${s.totalMs}, ${s.submittedAt},
        ${s.level})
      ON CONFLICT (assignment_id, attempt_id) DO NOTHING
      RETURNING id
    ), answers AS (
      INSERT INTO submission_answers (submission_id, position, question_id, option_id, correct, help_used, points, ms)
      SELECT inserted.id, a.position, a.question_id, a.option_id, a.correct, a.help_used, a.points, a.ms
      FROM inserted, jsonb_to_recordset(${tx.json(answers)}) AS a (position integer, question_id text,
        option_id text, correct boolean, help_used boolean, points double precision, ms integer)
    )
    SELECT count(*)::integer AS n FROM inserted`;
  return countRowSchema.parse(row).n === 1;
}

const checksSchema = z.object({
  due_at: z.date().nullable(),
  max_attempts: z.number().int().nullable(),
  known: z.boolean(),
  attempts: z.number().int(),
});

async function recordSubmission(
  tx: postgres.TransactionSql,
  s: NewSubmission,
): Promise<RecordSubmissionOutcome> {
  // Sent together (pipelined), run in order. The advisory lock lets one
  // submission per (assignment, name) through at a time: the attempt count
  // cannot change between the check and the insert, and a device re-sending
  // its attempt to two servers at once gets "duplicate" for the second, as
  // with SQLite. Hash collisions only make two students wait for each other.
  // The checks then read one snapshot taken after the lock; FOR SHARE holds
  // the due date still until commit.
  const [, [rawChecks]] = await Promise.all([
    tx`SELECT pg_advisory_xact_lock(hashtext(${s.assignmentId}), hashtext(${s.nameKey}))`,
    tx`
      SELECT a.due_at, a.max_attempts,
        EXISTS (SELECT 1 FROM submissions WHERE assignment_id = a.id AND attempt_id = ${s.attemptId}) AS known,
        CASE WHEN a.max_attempts IS NULL THEN 0 ELSE
          (SELECT count(*) FROM submissions WHERE assignment_id = a.id AND name_key = ${s.nameKey})::integer
        END AS attempts
      FROM assignments a WHERE a.id = ${s.assignmentId}
      FOR SHARE OF a`,
  ]);
  if (rawChecks === undefined) return { status: "not-found" };
  const checks = checksSchema.parse(rawChecks);
  if (!checks.known) {
    if (checks.due_at !== null && Date.parse(s.submittedAt) > checks.due_at.getTime()) {
      return { status: "closed" };
    }
    if (checks.max_attempts !== null && checks.attempts >= checks.max_attempts) {
      return { status: "too-many-attempts" };
    }
    if (await insertSubmission(tx, s)) return { status: "created", submission: s };
    // Stored meanwhile under another name (the lock is per name): our
    // insert waited for that commit, and this statement sees it.
  }
  const stored = await findSubmission(tx, s.assignmentId, s.attemptId);
  if (!stored) throw new Error(`attempt ${s.attemptId} is known but cannot be read`);
  return { status: "duplicate", submission: stored };
}

/**
 * Opens a pool on `url` and migrates the database in the background. Every
 * method waits for the migrations; `schemaVersion()` reports their outcome
 * (the server awaits it at start, see instrumentation.ts).
 */
export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): GloseStore {
  const sql = postgres(url, {
    max: options.poolSize ?? 10,
    // "relation already exists, skipping" on every start is not news.
    onnotice: () => undefined,
    connection: { application_name: "glose" },
  });
  const where = redactUrl(url);
  const ready = migrate(sql, where);
  // Observed by every method and by schemaVersion(); without this an unused
  // store whose migration failed would crash the process.
  ready.catch(() => undefined);

  const questions = questionCache();

  return {
    ...postgresStudioMethods(sql, ready, rows),
    async createAssignment(a: NewAssignment) {
      await ready;
      const levels = a.otherLevels.map((l) => ({
        level: l.level,
        article_slug: l.articleSlug,
        seed: l.seed,
        questions: l.questions,
      }));
      // The assignment and its levels in one statement: all of it, or nothing when the id is taken.
      const [row] = await sql`
        WITH inserted AS (
          INSERT INTO assignments (id, teacher_key_hash, title, article_slug, article_version, level, kinds,
            requested_count, language, mode, helps_allowed, due_at, max_attempts, seed, questions, created_at)
          VALUES (${a.id}, ${a.teacherKeyHash}, ${a.title}, ${a.articleSlug}, ${a.articleVersion}, ${a.level},
            ${sql.json(a.kinds)},
            ${a.requestedCount}, ${a.language}, ${a.mode}, ${a.helpsAllowed}, ${a.dueAt}, ${a.maxAttempts},
            ${a.seed}, ${sql.json(a.questions)}, ${a.createdAt})
          ON CONFLICT (id) DO NOTHING
          RETURNING id
        ), levels AS (
          INSERT INTO assignment_levels (assignment_id, level, article_slug, seed, questions)
          SELECT inserted.id, l.level, l.article_slug, l.seed, l.questions
          FROM inserted, jsonb_to_recordset(${sql.json(levels)}) AS l (level text, article_slug text, seed integer,
            questions jsonb)
        )
        SELECT count(*)::integer AS n FROM inserted`;
      return countRowSchema.parse(row).n === 1;
    },
    async getAssignment(id) {
      await ready;
      // Every submission reads its assignment. Questions never change once
      // stored, so they cross the wire once per process, as text parsed and
      // validated once (see stored-json.ts).
      const cached = questions.has(id);
      const [row] = await sql`
        SELECT id, teacher_key_hash, title, article_slug, article_version, level, kinds::text AS kinds, requested_count, language,
          mode, helps_allowed, due_at, max_attempts, seed, created_at,
          ${cached ? sql`NULL` : sql`questions::text`} AS questions,
          (SELECT coalesce(json_agg(json_build_object('level', l.level, 'article_slug', l.article_slug,
                    'seed', l.seed, 'questions', ${cached ? sql`NULL` : sql`l.questions::text`}) ORDER BY l.level), '[]')
             FROM assignment_levels l WHERE l.assignment_id = a.id) AS other_levels
        FROM assignments a WHERE id = ${id}`;
      if (row === undefined) return null;
      const parsed = assignmentRowSchema.parse(row);
      return toAssignment(parsed, parsed.other_levels, questions);
    },
    async updateDueAt(id, dueAt) {
      await ready;
      const result = await sql`UPDATE assignments SET due_at = ${dueAt} WHERE id = ${id}`;
      return result.count === 1;
    },
    async recordSubmission(submission) {
      await ready;
      return sql.begin((tx) => recordSubmission(tx, submission));
    },
    async findSubmission(assignmentId, attemptId) {
      await ready;
      return findSubmission(sql, assignmentId, attemptId);
    },
    async countAttempts(assignmentId, nameKey) {
      await ready;
      return countAttempts(sql, assignmentId, nameKey);
    },
    async listSubmissions(assignmentId) {
      await ready;
      const found = await selectSubmissions(sql, sql`s.assignment_id = ${assignmentId}`);
      return found.map(parseSubmission);
    },
    schemaVersion: () => ready,
    async close() {
      await ready.catch(() => undefined);
      await sql.end({ timeout: 5 });
    },
  };
}
