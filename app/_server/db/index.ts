/**
 * The process's store. Route handlers call `getStore()`; the first call opens
 * the database (creating the folder, the file and the tables), so `npm start`
 * needs nothing else.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { openSqliteStore } from "./sqlite";
import type { GloseStore } from "./types";

export type * from "./types";

export const DEFAULT_DATABASE_PATH = path.join("data", "glose.db");

/** Read on first use, not at import, so tests can point it at a temporary file. */
export function databasePath(): string {
  // A run-time data file, not a source: without the hint, Turbopack would
  // trace the whole project into the server bundle because of this path.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH);
}

// Kept on globalThis because `next dev` re-evaluates modules on every edit:
// a module-level variable would open a new connection each time.
const holder = globalThis as typeof globalThis & { __gloseStore?: GloseStore };

/** One connection per process: better-sqlite3 is synchronous, so sharing it serialises writes cheaply. */
export function getStore(): GloseStore {
  if (!holder.__gloseStore) {
    const file = databasePath();
    mkdirSync(path.dirname(file), { recursive: true });
    holder.__gloseStore = openSqliteStore(file);
  }
  return holder.__gloseStore;
}

/** Closes the process's store so the next `getStore()` opens `DATABASE_PATH` afresh. */
export async function resetStoreForTests(): Promise<void> {
  const current = holder.__gloseStore;
  holder.__gloseStore = undefined;
  await current?.close();
}
