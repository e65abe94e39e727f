/**
 * @jest-environment node
 *
 * The SQLite store against the contract, on real temporary files.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
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
});
