"use client";

import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** Whether the browser believes it is online; the server assumes it is. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/** Says plainly, while offline, that this page needs a connection. */
export function OfflineNotice({ message }: { message: string }) {
  const online = useOnline();
  if (online) return null;
  return (
    <p className="notice" role="status">
      {message}
    </p>
  );
}
