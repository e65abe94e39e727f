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
import { SCHEMA_STEPS, SCHEMA_VERSION } from "@/app/_server/db/schema";
import { storeContract } from "./store-contract";
import { describeWithPostgres } from "./with-postgres";

jest.setTimeout(30_000);

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
