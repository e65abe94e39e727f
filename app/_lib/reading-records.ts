/**
 * Which texts this device has read to the end: `{ slug: epoch ms }` under one
 * localStorage key, so the library reads them all with one `getItem`. The
 * reader writes it when the end of the text comes into view.
 */
import { deviceStorage, type SyncStorage } from "./safe-storage";

export const READ_KEY = "glose:read";

type Storage = Pick<SyncStorage, "getItem" | "setItem">;

/** The slugs read on this device, each with when; an unreadable record reads as nothing read. */
export function readRecords(storage: Storage = deviceStorage()): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(READ_KEY) ?? "{}");
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, number] => Number.isFinite(entry[1])),
    );
  } catch {
    return {};
  }
}

/** Storage full or off: the mark is lost, and nothing else is. */
export function markRead(slug: string, now = Date.now(), storage: Storage = deviceStorage()): void {
  storage.setItem(READ_KEY, JSON.stringify({ ...readRecords(storage), [slug]: now }));
}
