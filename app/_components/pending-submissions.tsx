"use client";

import { useEffect } from "react";
import { deviceStorage } from "@/app/_lib/safe-storage";
import { OUTBOX_KEY } from "@/app/assignment/outbox-key";
import { whenIdleAfterLoad } from "./when-idle-after-load";

/** Waits at most this long for an idle moment before looking at the outbox. */
const IDLE_TIMEOUT_MS = 3000;

/** With no storage, nothing was queued. */
function hasPending(): boolean {
  const raw = deviceStorage().getItem(OUTBOX_KEY);
  return raw !== null && raw !== "[]";
}

/**
 * Sends assignment submissions that were made offline, from whichever Glose
 * page is open once the connection is back: a student who finished in a
 * tunnel and closed the tab has their answers sent the next time they open
 * Glose, not only when they go back to that assignment. The outbox code (and
 * zod) loads only when something is waiting.
 */
export function PendingSubmissions() {
  useEffect(() => {
    const send = () => {
      if (!navigator.onLine || !hasPending()) return;
      void import("@/app/assignment/outbox").then(({ flushOutbox }) => flushOutbox(deviceStorage()));
    };
    const cancel = whenIdleAfterLoad(send, IDLE_TIMEOUT_MS);
    window.addEventListener("online", send);
    return () => {
      cancel();
      window.removeEventListener("online", send);
    };
  }, []);
  return null;
}
