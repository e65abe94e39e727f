/**
 * The process's store. Route handlers call `getStore()`; the first call opens
 * the database (creating and migrating it), so `npm start` needs nothing else.
 *
 * Which database: `DATABASE_URL=postgres://…` selects PostgreSQL (several
 * servers may share it); otherwise one SQLite file, `DATABASE_PATH` or
 * `./data/glose.db`.
 */
import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { openPostgresStore, redactUrl } from "./postgres";
import { openSqliteStore } from "./sqlite";
import type { GloseStore } from "./types";

export type * from "./types";

export const DEFAULT_DATABASE_PATH = path.join("data", "glose.db");

/** The environment, or the part of it a test hands in: DATABASE_URL, DATABASE_PATH, DATABASE_POOL_SIZE. */
export type StoreEnv = Readonly<Record<string, string | undefined>>;

/** Read on first use, not at import, so tests can point it at a temporary file. */
export function databasePath(env: StoreEnv = process.env): string {
  // A run-time data file, not a source: without the hint, Turbopack would
  // trace the whole project into the server bundle because of this path.
  return path.resolve(/*turbopackIgnore: true*/ env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH);
}

export type StoreConfig =
  { kind: "sqlite"; file: string } | { kind: "postgres"; url: string; poolSize?: number };

/** Which database the environment asks for; throws a plain message when it asks for one Glose cannot open. */
export function storeConfig(env: StoreEnv = process.env): StoreConfig {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { kind: "sqlite", file: databasePath(env) };
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(
      `DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database), not ` +
        `"${redactUrl(url)}". For SQLite, leave DATABASE_URL unset and set DATABASE_PATH to the file.`,
    );
  }
  const poolSize = env.DATABASE_POOL_SIZE?.trim();
  if (poolSize === undefined || poolSize === "") return { kind: "postgres", url };
  if (!/^[1-9]\d*$/.test(poolSize)) {
    throw new Error(`DATABASE_POOL_SIZE must be a whole number of connections, not "${poolSize}".`);
  }
  return { kind: "postgres", url, poolSize: Number(poolSize) };
}

/** Where the store is, without secrets: for start-up logs and messages. */
export function describeStore(config: StoreConfig): string {
  return config.kind === "sqlite" ? `SQLite ${config.file}` : `PostgreSQL ${redactUrl(config.url)}`;
}

export function openStore(config: StoreConfig): GloseStore {
  if (config.kind === "postgres") return openPostgresStore(config.url, { poolSize: config.poolSize });
  mkdirSync(path.dirname(config.file), { recursive: true });
  return openSqliteStore(config.file);
}

// Kept on globalThis because `next dev` re-evaluates modules on every edit:
// a module-level variable would open a new connection each time.
const holder = globalThis as typeof globalThis & { __gloseStore?: GloseStore };

/**
 * One store per process: better-sqlite3 is synchronous, so sharing one
 * connection serialises writes cheaply; PostgreSQL's is a pool.
 */
export function getStore(): GloseStore {
  holder.__gloseStore ??= openStore(storeConfig());
  return holder.__gloseStore;
}

/** Closes the process's store so the next `getStore()` opens the configured database afresh. */
export async function resetStoreForTests(): Promise<void> {
  const current = holder.__gloseStore;
  holder.__gloseStore = undefined;
  await current?.close();
}
