/**
 * What a teacher's device keeps of the studio: the owner key of each draft it
 * created (so the teacher never has to type it here), and a copy of each
 * draft as it is being edited, written on every change before anything is
 * sent, so that a reload, a closed tab or a dropped connection loses nothing.
 */
import { createSafeStorage, type StorageProblem, type SyncStorage } from "@/app/_lib/safe-storage";

const KEYS = "glose:studio:keys";
/** Where a draft's copy is kept (see `local-copy.ts`). */
export const LOCAL_COPY_KEY = (id: string) => `glose:studio:draft:${id}`;

export interface DeviceDraftEntry {
  id: string;
  key: string;
  slug: string;
  title: string;
  /** ISO 8601: when this device last changed it. */
  updatedAt: string;
}

let storage: SyncStorage | null = null;
let problemListener: ((problem: StorageProblem) => void) | null = null;

/** Told when the device cannot keep what the studio writes (storage off, or full). */
export function onStorageProblem(listener: ((problem: StorageProblem) => void) | null): void {
  problemListener = listener;
}

export function studioStorage(): SyncStorage {
  storage ??= createSafeStorage(undefined, (problem) => problemListener?.(problem));
  return storage;
}

function readJson(name: string): unknown {
  try {
    return JSON.parse(studioStorage().getItem(name) ?? "null") as unknown;
  } catch {
    return null;
  }
}

const isEntry = (value: unknown): value is DeviceDraftEntry =>
  typeof value === "object" &&
  value !== null &&
  ["id", "key", "slug", "title", "updatedAt"].every(
    (field) => typeof (value as Record<string, unknown>)[field] === "string",
  );

/** The drafts this device holds a key for, the latest first. */
export function deviceDrafts(): DeviceDraftEntry[] {
  const raw = readJson(KEYS);
  return (Array.isArray(raw) ? raw.filter(isEntry) : []).sort((a, b) =>
    b.updatedAt.localeCompare(a.updatedAt),
  );
}

export function ownerKeyOf(id: string): string | null {
  return deviceDrafts().find((d) => d.id === id)?.key ?? null;
}

export function rememberDraft(entry: DeviceDraftEntry): void {
  const others = deviceDrafts().filter((d) => d.id !== entry.id);
  studioStorage().setItem(KEYS, JSON.stringify([entry, ...others]));
}

/** Updates the title and time shown in the device's list of drafts. */
export function touchDraft(id: string, title: string, now = new Date()): void {
  const entry = deviceDrafts().find((d) => d.id === id);
  if (entry) rememberDraft({ ...entry, title, updatedAt: now.toISOString() });
}

/** A new draft's copy, as the server sent it, before the editor first opens it. */
export function keepNewDraft(id: string, draft: unknown, revision: number): void {
  studioStorage().setItem(
    LOCAL_COPY_KEY(id),
    JSON.stringify({ draft, baseRevision: revision, dirty: false, savedAt: new Date().toISOString() }),
  );
}
