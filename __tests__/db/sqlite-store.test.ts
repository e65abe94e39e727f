/**
 * @jest-environment node
 *
 * The SQLite store against the contract, on real temporary files.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openStore } from "@/app/_server/db";
import { SCHEMA_VERSION } from "@/app/_server/db/schema";
import { SQLITE_MIGRATIONS } from "@/app/_server/db/sqlite-migrations";
import { assignment } from "./fixtures";
import { storeContract } from "./store-contract";

const dir = mkdtempSync(path.join(os.tmpdir(), "glose-sqlite-contract-"));
let databases = 0;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the SQLite store", () => {
  storeContract(() => ({
    async newDatabase() {
      const file = path.join(dir, `contract-${++databases}.db`);
      return {
        config: { kind: "sqlite", file },
        async recordSchemaVersion(version) {
          const db = new Database(file);
          db.pragma(`user_version = ${Math.trunc(version)}`);
          db.close();
        },
        async breakVersionWrites() {
          const db = new Database(file);
          db.exec(`CREATE TRIGGER fail_versions BEFORE INSERT ON article_versions
                   BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END`);
          db.close();
        },
        async rewriteVersion(slug, version) {
          const db = new Database(file);
          try {
            db.prepare(`UPDATE article_versions SET files = 'rewritten' WHERE slug = ? AND version = ?`).run(
              slug,
              version,
            );
          } finally {
            db.close();
          }
        },
      };
    },
  }));

  it("upgrades a database made before levels, keeping its assignments and submissions, their level unknown", async () => {
    const file = path.join(dir, "before-levels.db");
    const db = new Database(file);
    db.exec(SQLITE_MIGRATIONS["assignments-and-submissions"]);
    db.pragma("user_version = 1");
    const old = assignment();
    db.prepare(
      `INSERT INTO assignments (id, teacher_key_hash, title, article_slug, kinds, requested_count, language, mode,
         helps_allowed, due_at, max_attempts, seed, questions, created_at)
       VALUES (?, ?, ?, ?, ?, 5, 'fr', 'practice', 1, NULL, NULL, ?, ?, ?)`,
    ).run(
      old.id,
      old.teacherKeyHash,
      old.title,
      old.articleSlug,
      JSON.stringify(old.kinds),
      old.seed,
      JSON.stringify(old.questions),
      old.createdAt,
    );
    db.prepare(
      `INSERT INTO submissions (assignment_id, attempt_id, name, name_key, score, max_score, percentage,
         correct_count, helps_used, best_streak, total_ms, submitted_at)
       VALUES (?, 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'Élodie', 'elodie', 1, 3, 33.3, 1, 0, 1, 1000, ?)`,
    ).run(old.id, "2026-05-12T10:00:00.000Z");
    db.close();

    const store = openStore({ kind: "sqlite", file });
    try {
      expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
      expect(await store.getAssignment(old.id)).toEqual({ ...old, level: null, otherLevels: [] });
      const [kept] = await store.listSubmissions(old.id);
      expect(kept).toMatchObject({ name: "Élodie", level: null, score: 1 });
    } finally {
      await store.close();
    }
  });
});
