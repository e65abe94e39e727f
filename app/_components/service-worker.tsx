"use client";

import { useEffect } from "react";
import { whenIdleAfterLoad } from "./when-idle-after-load";

/** Registration waits at most this long for an idle moment after `load`. */
const IDLE_TIMEOUT_MS = 4000;

/**
 * Registers the service worker once the page has loaded and its main thread
 * is idle: installing it downloads and caches ~1.5 MB, which on a 2-core phone
 * would otherwise compete with hydration and delay the first tap. Production
 * only: in development it would serve stale code.
 */
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    return whenIdleAfterLoad(
      () => void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {}),
      IDLE_TIMEOUT_MS,
    );
  }, []);
  return null;
}
