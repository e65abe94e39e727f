/**
 * @jest-environment node
 *
 * The PostgreSQL store against the same contract as SQLite, on a real
 * PostgreSQL started for this file, plus what only a shared database meets:
 * several servers migrating it at once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openStore } from "@/app/_server/db";
import { POSTGRES_MIGRATIONS } from "@/app/_server/db/postgres-migrations";
import { SCHEMA_STEPS, SCHEMA_VERSION } from "@/app/_server/db/schema";
import { assignment, submission } from "./fixtures";
import { storeContract } from "./store-contract";
import { describeWithPostgres } from "./with-postgres";

jest.setTimeout(30_000);

/** Waits until `count` sessions on the database are waiting for a lock. */
async function waitForBlockedSessions(url: string, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const [row] = await withClient(
      url,
      (sql) => sql`
        SELECT count(*)::integer AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (row?.n === count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`expected ${count} sessions waiting for a lock`);
}

let databases = 0;

/** A short-lived client for looking at the database behind the store's back. */
async function withClient<T>(url: string, query: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    return await query(sql);
  } finally {
    await sql.end();
  }
}

describeWithPostgres("the PostgreSQL store", (server) => {
  const newDatabase = async () => server().createDatabase(`contract_${++databases}`);

  storeContract(() => ({
    async newDatabase() {
      const url = await newDatabase();
      return {
        config: { kind: "postgres", url },
        recordSchemaVersion: (version) =>
          withClient(url, async (sql) => {
            await sql`DELETE FROM glose_schema WHERE version > ${version}`;
            await sql`INSERT INTO glose_schema (version, step) VALUES (${version}, 'from a newer Glose') ON CONFLICT DO NOTHING`;
          }),
        breakVersionWrites: () =>
          withClient(url, async (sql) => {
            await sql.unsafe(`
              CREATE FUNCTION fail_versions() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$;
              CREATE TRIGGER fail_versions BEFORE INSERT ON article_versions
                FOR EACH ROW EXECUTE FUNCTION fail_versions();`);
          }),
        rewriteVersion: (slug, version) =>
          withClient(url, async (sql) => {
            await sql`UPDATE article_versions SET files = 'rewritten' WHERE slug = ${slug} AND version = ${version}`;
          }),
      };
    },
  }));

  it("is migrated once when several servers start together on a new database", async () => {
    const url = await newDatabase();
    const stores = Array.from({ length: 4 }, () => openStore({ kind: "postgres", url }));
    try {
      expect(await Promise.all(stores.map((s) => s.schemaVersion()))).toEqual(
        [4, 4, 4, 4].fill(SCHEMA_VERSION),
      );
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
    const history = await withClient(
      url,
      (sql) => sql`SELECT version, step FROM glose_schema ORDER BY version`,
    );
    expect(history.map((row) => ({ ...row }))).toEqual(
      SCHEMA_STEPS.map((step, i) => ({ version: i + 1, step })),
    );
  });

  it("makes a teacher moving the due date wait for a submission that has already checked it", async () => {
    const url = await newDatabase();
    const store = openStore({ kind: "postgres", url });
    const other = postgres(url, { max: 1, onnotice: () => undefined });
    const blocker = await other.reserve();
    try {
      const created = assignment();
      await store.createAssignment(created);
      const sent = submission(created.id);
      // Another transaction holds the same attempt uncommitted: the submission
      // checks the due date, then waits at its insert, the moment to move it.
      await blocker`BEGIN`;
      await blocker`
        INSERT INTO submissions (assignment_id, attempt_id, name, name_key, score, max_score, percentage,
          correct_count, helps_used, best_streak, total_ms, submitted_at)
        VALUES (${created.id}, ${sent.attemptId}, 'x', 'x', 0, 0, 0, 0, 0, 0, 0, now())`;

      let dueDateMoved = false;
      const submitting = store.recordSubmission(sent);
      await waitForBlockedSessions(url, 1);
      const closing = store.updateDueAt(created.id, "2000-01-01T00:00:00.000Z").then((moved) => {
        dueDateMoved = moved;
      });
      // The teacher's update waits behind the submission, not the other way round.
      await waitForBlockedSessions(url, 2);
      expect(dueDateMoved).toBe(false);

      await blocker`ROLLBACK`;
      expect(await submitting).toEqual({ status: "created", submission: sent });
      await closing;
      expect(dueDateMoved).toBe(true);
      expect(await store.listSubmissions(created.id)).toEqual([sent]);
    } finally {
      await blocker`ROLLBACK`.catch(() => undefined);
      blocker.release();
      await Promise.all([store.close(), other.end()]);
    }
  });

  it("upgrades a database made before levels, keeping its assignments and submissions, their level unknown", async () => {
    const url = await newDatabase();
    const old = assignment();
    await withClient(url, async (sql) => {
      await sql`CREATE TABLE glose_schema (version integer PRIMARY KEY, step text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now())`;
      await sql.unsafe(POSTGRES_MIGRATIONS["assignments-and-submissions"]);
      await sql`INSERT INTO glose_schema (version, step) VALUES (1, 'assignments-and-submissions')`;
      await sql`
        INSERT INTO assignments (id, teacher_key_hash, title, article_slug, kinds, requested_count, language, mode,
          helps_allowed, due_at, max_attempts, seed, questions, created_at)
        VALUES (${old.id}, ${old.teacherKeyHash}, ${old.title}, ${old.articleSlug}, ${sql.json(old.kinds)}, 5, 'fr',
          'practice', true, NULL, NULL, ${old.seed}, ${sql.json(old.questions)}, ${old.createdAt})`;
      await sql`
        INSERT INTO submissions (assignment_id, attempt_id, name, name_key, score, max_score, percentage,
          correct_count, helps_used, best_streak, total_ms, submitted_at)
        VALUES (${old.id}, 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'Élodie', 'elodie', 1, 3, 33.3, 1, 0, 1, 1000,
          '2026-05-12T10:00:00.000Z')`;
    });
    const store = openStore({ kind: "postgres", url });
    try {
      expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
      expect(await store.getAssignment(old.id)).toEqual({ ...old, level: null, otherLevels: [] });
      const [kept] = await store.listSubmissions(old.id);
      expect(kept).toMatchObject({ name: "Élodie", level: null, score: 1 });
    } finally {
      await store.close();
    }
  });

  it("reaches the same schema version as SQLite", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "glose-versions-"));
    const sqlite = openStore({ kind: "sqlite", file: path.join(dir, "glose.db") });
    const pg = openStore({ kind: "postgres", url: await newDatabase() });
    try {
      const versions = [await sqlite.schemaVersion(), await pg.schemaVersion()];
      expect(versions).toEqual([SCHEMA_STEPS.length, SCHEMA_STEPS.length]);
    } finally {
      await Promise.all([sqlite.close(), pg.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
