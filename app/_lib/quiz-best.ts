/**
 * A self-study quiz's best score on this device, read straight from what the
 * quiz store keeps (its history of finished attempts) without loading the
 * store or its checks: the library shows it on every card. Retry rounds ask
 * only missed questions, so they do not count.
 */
import { quizStorageName } from "@/app/quiz/quiz-storage-name";
import { SELF_STUDY_KEY } from "@/app/quiz/components/self-study-key";
import type { SyncStorage } from "./safe-storage";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The best percentage (0–100) of the finished quizzes on `slug`, or null when none is kept. */
export function bestQuizPercentage(slug: string, storage: Pick<SyncStorage, "getItem">): number | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(quizStorageName(SELF_STUDY_KEY(slug))) ?? "null");
  } catch {
    return null;
  }
  const history = isRecord(parsed) && isRecord(parsed.state) ? parsed.state.history : null;
  if (!Array.isArray(history)) return null;
  const scores = history.flatMap((entry) =>
    isRecord(entry) &&
    entry.isRetry !== true &&
    typeof entry.percentage === "number" &&
    entry.percentage >= 0 &&
    entry.percentage <= 100
      ? [entry.percentage]
      : [],
  );
  return scores.length ? Math.max(...scores) : null;
}
