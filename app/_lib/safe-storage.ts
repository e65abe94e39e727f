/**
 * Web Storage that never throws. Reading `localStorage` itself throws a
 * SecurityError when cookies are blocked or in sandboxed frames, some
 * WebViews return `null`, and a full disk makes `setItem` throw. Every part
 * of Glose that keeps something on the device goes through this module, so
 * none of them needs its own try/catch.
 */

/** The synchronous subset of the Web Storage API that Glose uses. */
export type SyncStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** `unavailable`: nothing can be stored (kept in memory instead); `full`: a write was dropped. */
export type StorageProblem = "unavailable" | "full";

export function createMemoryStorage(): SyncStorage {
  const items = new Map<string, string>();
  return {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => {
      items.set(name, String(value));
    },
    removeItem: (name) => {
      items.delete(name);
    },
  };
}

function isQuotaExceeded(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const name = "name" in error ? error.name : undefined;
  const code = "code" in error ? error.code : undefined;
  // Firefox used its own name; old WebKit only set the legacy code.
  return (
    name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22 || code === 1014
  );
}

function browserLocalStorage(): SyncStorage {
  // On the server there is nothing to persist to, and nothing to tell anyone.
  if (typeof window === "undefined") return createMemoryStorage();
  return window.localStorage;
}

/**
 * Wraps a storage so it never throws. Unavailable → an in-memory fallback for
 * the rest of the session; quota exceeded on write → the write is dropped
 * (the previous value stays intact). `onProblem` hears about either, so a
 * screen can tell the learner.
 */
export function createSafeStorage(
  source: SyncStorage | (() => SyncStorage) = browserLocalStorage,
  onProblem: (problem: StorageProblem) => void = () => undefined,
): SyncStorage {
  const memory = createMemoryStorage();
  let backend: SyncStorage | null = null;

  const fallBack = (): SyncStorage => {
    backend = memory;
    onProblem("unavailable");
    return memory;
  };
  const resolve = (): SyncStorage => {
    if (backend) return backend;
    let resolved: SyncStorage | null | undefined;
    try {
      resolved = typeof source === "function" ? source() : source;
    } catch {
      return fallBack();
    }
    if (!resolved) return fallBack();
    backend = resolved;
    return resolved;
  };

  return {
    getItem(name) {
      const storage = resolve();
      try {
        return storage.getItem(name);
      } catch {
        fallBack();
        return null;
      }
    },
    setItem(name, value) {
      const storage = resolve();
      try {
        storage.setItem(name, value);
      } catch (error) {
        if (isQuotaExceeded(error)) {
          onProblem("full");
          return;
        }
        fallBack().setItem(name, value);
      }
    },
    removeItem(name) {
      try {
        resolve().removeItem(name);
      } catch {
        // Nothing stored where nothing can be stored.
      }
    },
  };
}

let shared: SyncStorage | null = null;

/**
 * The page's one safe `localStorage`, for code that needs no problem reports:
 * shared, so that when storage is off what one part keeps in memory (a
 * student's name) is still there for another part of the same page.
 */
export function deviceStorage(): SyncStorage {
  // Never shared on the server, where a module outlives a request.
  if (typeof window === "undefined") return createMemoryStorage();
  shared ??= createSafeStorage();
  return shared;
}
