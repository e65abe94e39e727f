/**
 * Submissions waiting to reach the server. A student who finishes on a train
 * keeps their answers on the device; they are sent when the connection comes
 * back. Re-sending is harmless: the server answers the same attempt id with
 * the same result.
 */
import * as z from "zod/mini";
import type { SyncStorage } from "@/app/_lib/safe-storage";
import { OUTBOX_KEY } from "./outbox-key";

const answerSchema = z.strictObject({
  questionId: z.string(),
  optionId: z.nullable(z.string()),
  helpUsed: z.boolean(),
  ms: z.number(),
});

const pendingSchema = z.strictObject({
  assignmentId: z.string().check(z.minLength(1)),
  attemptId: z.string().check(z.minLength(1)),
  name: z.string(),
  answers: z.array(answerSchema),
  queuedAt: z.number(),
});
export type PendingSubmission = z.infer<typeof pendingSchema>;

const reviewItemSchema = z.object({
  questionId: z.string(),
  chosen: z.nullable(z.string()),
  answerId: z.string(),
  correct: z.boolean(),
  explanation: z.object({ en: z.string(), fr: z.string() }),
});
export const submissionResultSchema = z.object({
  attemptId: z.string(),
  score: z.number(),
  maxScore: z.number(),
  percentage: z.number(),
  submittedAt: z.string(),
  review: z.optional(z.array(reviewItemSchema)),
});
export type SubmissionResult = z.infer<typeof submissionResultSchema>;

export type SendOutcome =
  | { kind: "sent"; result: SubmissionResult }
  | { kind: "rejected"; status: number; error: string }
  | { kind: "offline" };

/** A storage from `deviceStorage()`: reads and writes never throw (a full disk drops the write). */
type Storage = Pick<SyncStorage, "getItem" | "setItem">;

export function readOutbox(storage: Storage): PendingSubmission[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(OUTBOX_KEY) ?? "[]");
    if (!Array.isArray(parsed)) return [];
    // Keep what is valid: one damaged entry must not cost the others.
    return parsed.flatMap((item) => {
      const entry = pendingSchema.safeParse(item);
      return entry.success ? [entry.data] : [];
    });
  } catch {
    return [];
  }
}

// Storage full or off: the write is dropped, and the submission is still tried right away.
function writeOutbox(storage: Storage, entries: PendingSubmission[]) {
  storage.setItem(OUTBOX_KEY, JSON.stringify(entries));
}

export function enqueue(storage: Storage, submission: PendingSubmission) {
  const others = readOutbox(storage).filter((entry) => entry.attemptId !== submission.attemptId);
  writeOutbox(storage, [...others, submission]);
}

export function dequeue(storage: Storage, attemptId: string) {
  writeOutbox(
    storage,
    readOutbox(storage).filter((entry) => entry.attemptId !== attemptId),
  );
}

/** One try. Network failures and server errors mean "try later"; a 4xx is final. */
export async function sendSubmission(
  submission: PendingSubmission,
  fetchImpl: typeof fetch = fetch,
): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(
      `/api/assignments/${encodeURIComponent(submission.assignmentId)}/submissions`,
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          attemptId: submission.attemptId,
          name: submission.name,
          answers: submission.answers,
        }),
      },
    );
  } catch {
    return { kind: "offline" };
  }
  if (response.status >= 500) return { kind: "offline" };
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const result = submissionResultSchema.safeParse(body);
    return result.success ? { kind: "sent", result: result.data } : { kind: "offline" };
  }
  const error =
    body && typeof body === "object" && "error" in body && typeof body.error === "string" ? body.error : "";
  return { kind: "rejected", status: response.status, error };
}

/** Sends everything queued; what is sent or finally rejected leaves the queue. */
export async function flushOutbox(
  storage: Storage,
  fetchImpl: typeof fetch = fetch,
): Promise<Map<string, SendOutcome>> {
  const outcomes = new Map<string, SendOutcome>();
  for (const submission of readOutbox(storage)) {
    const outcome = await sendSubmission(submission, fetchImpl);
    outcomes.set(submission.attemptId, outcome);
    if (outcome.kind !== "offline") dequeue(storage, submission.attemptId);
  }
  return outcomes;
}
