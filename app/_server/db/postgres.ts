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
 *   name) lets one submission per student count and insert at a time;
 * - an attempt stored once: the unique key (assignment, attempt); a request
 *   that loses the race finds the winner's row and answers it as a duplicate.
 */
import postgres from "postgres";
import { z } from "zod";
import { questionLanguageSchema } from "../../../questions/question-types";
import { POSTGRES_MIGRATIONS } from "./postgres-migrations";
import { assertKnownSchema, pendingSteps } from "./schema";
import { questionParser, storedKindsSchema } from "./stored-json";
import type {
  GloseStore,
  NewAssignment,
  NewSubmission,
  RecordSubmissionOutcome,
  StoredAssignment,
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

// Rows are parsed like any other input: the database may have been written
// by another version of the code.
const assignmentRowSchema = z.object({
  id: z.string(),
  teacher_key_hash: z.instanceof(Buffer),
  title: z.string(),
  article_slug: z.string(),
  kinds: z.string(),
  requested_count: z.number().int(),
  language: questionLanguageSchema,
  mode: z.enum(["practice", "test"]),
  helps_allowed: z.boolean(),
  due_at: z.date().nullable(),
  max_attempts: z.number().int().nullable(),
  seed: z.number().int(),
  questions: z.string(),
  created_at: z.date(),
});

const answerJsonSchema = z.object({
  question_id: z.string(),
  option_id: z.string().nullable(),
  correct: z.boolean(),
  help_used: z.boolean(),
  points: z.number(),
  ms: z.number().int(),
});

const submissionRowSchema = z.object({
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
  submitted_at: z.date(),
  answers: z.array(answerJsonSchema),
});

const limitsSchema = z.object({ due_at: z.date().nullable(), max_attempts: z.number().int().nullable() });
const countSchema = z.object({ n: z.number().int() });

function toSubmission(raw: unknown): StoredSubmission {
  const row = submissionRowSchema.parse(raw);
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
    submittedAt: row.submitted_at.toISOString(),
    answers: row.answers.map((a) => ({
      questionId: a.question_id,
      optionId: a.option_id,
      correct: a.correct,
      helpUsed: a.help_used,
      points: a.points,
      ms: a.ms,
    })),
  };
}

/**
 * Submissions with their answers in one statement, so one snapshot: a
 * submission committed meanwhile cannot appear without its answers.
 */
function selectSubmissions(sql: Sql, where: postgres.PendingQuery<postgres.Row[]>) {
  return sql`
    SELECT s.assignment_id, s.attempt_id, s.name, s.name_key, s.score, s.max_score, s.percentage,
      s.correct_count, s.helps_used, s.best_streak, s.total_ms, s.submitted_at,
      (SELECT coalesce(json_agg(json_build_object(
                'question_id', a.question_id, 'option_id', a.option_id, 'correct', a.correct,
                'help_used', a.help_used, 'points', a.points, 'ms', a.ms) ORDER BY a.position), '[]')
         FROM submission_answers a WHERE a.submission_id = s.id) AS answers
    FROM submissions s
    WHERE ${where}
    ORDER BY s.submitted_at, s.id`;
}

async function findSubmission(sql: Sql, assignmentId: string, attemptId: string) {
  const rows = await selectSubmissions(
    sql,
    sql`s.assignment_id = ${assignmentId} AND s.attempt_id = ${attemptId}`,
  );
  return rows[0] === undefined ? null : toSubmission(rows[0]);
}

async function countAttempts(sql: Sql, assignmentId: string, nameKey: string): Promise<number> {
  const [row] = await sql`
    SELECT count(*)::integer AS n FROM submissions WHERE assignment_id = ${assignmentId} AND name_key = ${nameKey}`;
  return countSchema.parse(row).n;
}

async function insertSubmission(tx: postgres.TransactionSql, s: NewSubmission): Promise<boolean> {
  const inserted = await tx`
    INSERT INTO submissions (assignment_id, attempt_id, name, name_key, score, max_score, percentage,
      correct_count, helps_used, best_streak, total_ms, submitted_at)
    VALUES (${s.assignmentId}, ${s.attemptId}, ${s.name}, ${s.nameKey}, ${s.score}, ${s.maxScore},
      ${s.percentage}, ${s.correctCount}, ${s.helpsUsed}, ${s.bestStreak}, ${s.totalMs}, ${s.submittedAt})
    ON CONFLICT (assignment_id, attempt_id) DO NOTHING
    RETURNING id`;
  const row = inserted[0];
  if (row === undefined) return false;
  if (s.answers.length > 0) {
    const submissionId = z.string().parse(row.id);
    await tx`INSERT INTO submission_answers ${tx(
      s.answers.map((a, position) => ({
        submission_id: submissionId,
        position,
        question_id: a.questionId,
        option_id: a.optionId,
        correct: a.correct,
        help_used: a.helpUsed,
        points: a.points,
        ms: a.ms,
      })),
    )}`;
  }
  return true;
}

async function recordSubmission(
  tx: postgres.TransactionSql,
  s: NewSubmission,
): Promise<RecordSubmissionOutcome> {
  const [rawLimits] = await tx`
    SELECT due_at, max_attempts FROM assignments WHERE id = ${s.assignmentId} FOR SHARE`;
  if (rawLimits === undefined) return { status: "not-found" };
  const limits = limitsSchema.parse(rawLimits);
  if (limits.max_attempts !== null) {
    // Taken before looking for the attempt: a student's two tabs sending the
    // same attempt to two servers then see each other, and the second gets
    // "duplicate", not "too many attempts". Hash collisions only make two
    // students wait for each other.
    await tx`SELECT pg_advisory_xact_lock(hashtext(${s.assignmentId}), hashtext(${s.nameKey}))`;
  }
  const existing = await findSubmission(tx, s.assignmentId, s.attemptId);
  if (existing) return { status: "duplicate", submission: existing };
  if (limits.due_at !== null && Date.parse(s.submittedAt) > limits.due_at.getTime()) {
    return { status: "closed" };
  }
  if (
    limits.max_attempts !== null &&
    (await countAttempts(tx, s.assignmentId, s.nameKey)) >= limits.max_attempts
  ) {
    return { status: "too-many-attempts" };
  }
  if (await insertSubmission(tx, s)) return { status: "created", submission: s };
  // Another server stored this attempt after our look: its insert has
  // committed (ours waited for it), and this statement sees it.
  const winner = await findSubmission(tx, s.assignmentId, s.attemptId);
  if (!winner) throw new Error(`attempt ${s.attemptId} conflicted but cannot be found`);
  return { status: "duplicate", submission: winner };
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

  const parsedQuestions = questionParser();

  function toAssignment(raw: unknown): StoredAssignment {
    const row = assignmentRowSchema.parse(raw);
    return {
      id: row.id,
      teacherKeyHash: row.teacher_key_hash,
      title: row.title,
      articleSlug: row.article_slug,
      kinds: storedKindsSchema.parse(row.kinds),
      requestedCount: row.requested_count,
      language: row.language,
      mode: row.mode,
      helpsAllowed: row.helps_allowed,
      dueAt: row.due_at?.toISOString() ?? null,
      maxAttempts: row.max_attempts,
      seed: row.seed,
      questions: parsedQuestions(row.id, row.questions),
      createdAt: row.created_at.toISOString(),
    };
  }

  return {
    async createAssignment(a: NewAssignment) {
      await ready;
      const result = await sql`
        INSERT INTO assignments (id, teacher_key_hash, title, article_slug, kinds, requested_count, language,
          mode, helps_allowed, due_at, max_attempts, seed, questions, created_at)
        VALUES (${a.id}, ${a.teacherKeyHash}, ${a.title}, ${a.articleSlug}, ${sql.json(a.kinds)},
          ${a.requestedCount}, ${a.language}, ${a.mode}, ${a.helpsAllowed}, ${a.dueAt}, ${a.maxAttempts},
          ${a.seed}, ${sql.json(a.questions)}, ${a.createdAt})
        ON CONFLICT (id) DO NOTHING`;
      return result.count === 1;
    },
    async getAssignment(id) {
      await ready;
      // jsonb as text: the questions' parsed form is cached by id, so most
      // reads skip both JSON parsing and validation.
      const [row] = await sql`
        SELECT id, teacher_key_hash, title, article_slug, kinds::text AS kinds, requested_count, language,
          mode, helps_allowed, due_at, max_attempts, seed, questions::text AS questions, created_at
        FROM assignments WHERE id = ${id}`;
      return row === undefined ? null : toAssignment(row);
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
      const rows = await selectSubmissions(sql, sql`s.assignment_id = ${assignmentId}`);
      return rows.map(toSubmission);
    },
    schemaVersion: () => ready,
    async close() {
      await ready.catch(() => undefined);
      await sql.end({ timeout: 5 });
    },
  };
}
