/**
 * The articles of teachers (published in the studio) that this device knows:
 * the ones created here and the ones opened from a teacher's link. They are
 * unlisted, so the library can show them only from here, as library entries
 * of their own (`source: "device"`). Kept with the project's safe storage,
 * read without a schema library (this module loads on a teacher article's
 * reader page, which counts its kilobytes): anything malformed is skipped.
 */
import type { LibraryEntry, LibraryLevel } from "@/questions/library";
import type { CefrLevel } from "@/questions/levels";
import { deviceStorage, type SyncStorage } from "./safe-storage";

export const DEVICE_ARTICLES_KEY = "glose:device-articles";
/** Fired on this page when the list changes; other tabs hear the `storage` event. */
export const DEVICE_ARTICLES_EVENT = "glose:device-articles";
const LIMIT = 200;

export type DeviceArticleRole = "created" | "opened";

/** What the library shows of an article: its one level's figures, its topic, and how this device knows it. */
export interface DeviceArticle extends LibraryLevel {
  topic: { en: string; fr: string };
  role: DeviceArticleRole;
  /** When this device last created or opened it (ISO 8601). */
  at: string;
}

const LEVELS = new Set(["A1", "A2", "B1", "B2", "C1", "C2"]);
const isText = (value: unknown): value is { en: string; fr: string } =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Record<string, unknown>).en === "string" &&
  typeof (value as Record<string, unknown>).fr === "string";

const isEntry = (value: unknown): value is DeviceArticle => {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.slug === "string" &&
    /^[a-z0-9]+(-[a-z0-9]+)*$/.test(entry.slug) &&
    isText(entry.title) &&
    isText(entry.topic) &&
    typeof entry.level === "string" &&
    LEVELS.has(entry.level) &&
    ["wordCount", "readingMinutes", "termCount"].every((n) => typeof entry[n] === "number") &&
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
 * turned back into "opened" by a later visit; title and figures follow the
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

/** The library's shape: one entry per article, its only level, `source: "device"`. */
export function deviceLibraryEntries(
  articles: readonly DeviceArticle[],
): (LibraryEntry & { role: DeviceArticleRole })[] {
  return articles.map((a) => ({
    id: a.slug,
    source: "device",
    topic: a.topic,
    defaultSlug: a.slug,
    role: a.role,
    levels: [
      {
        level: a.level as CefrLevel,
        slug: a.slug,
        title: a.title,
        wordCount: a.wordCount,
        readingMinutes: a.readingMinutes,
        termCount: a.termCount,
      },
    ],
  }));
}

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
