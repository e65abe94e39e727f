/**
 * The articles of teachers (published in the studio) that this device knows:
 * the ones created here and the ones opened from a teacher's link. They are
 * unlisted, so the library can show them only from here. Kept with the
 * project's safe storage, read without a schema library (this module loads on
 * reader pages, which count every kilobyte): anything malformed is skipped.
 */
import { deviceStorage, type SyncStorage } from "./safe-storage";

export const DEVICE_ARTICLES_KEY = "glose:device-articles";
const LIMIT = 200;

export type DeviceArticleRole = "created" | "opened";

export interface DeviceArticle {
  slug: string;
  title: string;
  level: string;
  role: DeviceArticleRole;
  /** When this device last created or opened it (ISO 8601). */
  at: string;
}

const isEntry = (value: unknown): value is DeviceArticle => {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.slug === "string" &&
    /^[a-z0-9]+(-[a-z0-9]+)*$/.test(entry.slug) &&
    typeof entry.title === "string" &&
    typeof entry.level === "string" &&
    (entry.role === "created" || entry.role === "opened") &&
    typeof entry.at === "string"
  );
};

/** This device's articles, the latest first. */
export function readDeviceArticles(storage: SyncStorage = deviceStorage()): DeviceArticle[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(DEVICE_ARTICLES_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
  } catch {
    return [];
  }
}

/**
 * Records that this device created or opened an article. "Created" is never
 * turned back into "opened" by a later visit; the title and level follow the
 * latest version seen.
 */
export function rememberDeviceArticle(
  entry: Omit<DeviceArticle, "at">,
  storage: SyncStorage = deviceStorage(),
  now = new Date(),
): void {
  const known = readDeviceArticles(storage);
  const previous = known.find((a) => a.slug === entry.slug);
  const role: DeviceArticleRole = previous?.role === "created" ? "created" : entry.role;
  const next = [
    { ...entry, role, at: now.toISOString() },
    ...known.filter((a) => a.slug !== entry.slug),
  ].slice(0, LIMIT);
  storage.setItem(DEVICE_ARTICLES_KEY, JSON.stringify(next));
  if (typeof window !== "undefined") window.dispatchEvent(new Event(DEVICE_ARTICLES_EVENT));
}

/** Fired on this page when the list changes; other tabs hear the `storage` event. */
export const DEVICE_ARTICLES_EVENT = "glose:device-articles";

/** For `useSyncExternalStore`: calls back when this tab or another changes the list. */
export function subscribeDeviceArticles(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === DEVICE_ARTICLES_KEY) onChange();
  };
  window.addEventListener(DEVICE_ARTICLES_EVENT, onChange);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(DEVICE_ARTICLES_EVENT, onChange);
    window.removeEventListener("storage", onStorage);
  };
}

const EMPTY: DeviceArticle[] = [];
let snapshot: { raw: string | null; list: DeviceArticle[] } = { raw: null, list: EMPTY };

/** For `useSyncExternalStore`: the same array until the stored list changes. */
export function deviceArticlesSnapshot(storage: SyncStorage = deviceStorage()): DeviceArticle[] {
  const raw = storage.getItem(DEVICE_ARTICLES_KEY);
  if (raw !== snapshot.raw) snapshot = { raw, list: raw === null ? EMPTY : readDeviceArticles(storage) };
  return snapshot.list;
}

/** What the server renders: it cannot know this device. */
export const noDeviceArticles = (): DeviceArticle[] => EMPTY;
