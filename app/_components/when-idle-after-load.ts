/**
 * Runs `task` once the page has loaded and its main thread is idle (at most
 * `timeoutMs` after load), so background work never competes with hydration
 * and the first tap. Where there is no requestIdleCallback (Safari), it runs
 * at load. Returns a cleanup that cancels it if it has not run.
 */
export function whenIdleAfterLoad(task: () => void, timeoutMs: number): () => void {
  let idleHandle: number | undefined;
  const schedule = () => {
    if ("requestIdleCallback" in window)
      idleHandle = window.requestIdleCallback(task, { timeout: timeoutMs });
    else task();
  };
  if (document.readyState === "complete") schedule();
  else window.addEventListener("load", schedule, { once: true });
  return () => {
    window.removeEventListener("load", schedule);
    if (idleHandle !== undefined) window.cancelIdleCallback(idleHandle);
  };
}
