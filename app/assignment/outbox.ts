/**
 * Submissions waiting to reach the server. A student who finishes on a train
 * keeps their answers on the device; they are sent when the connection comes
 * back. Re-sending is harmless: the server answers the same attempt id with
 * the same result.
 */
import * as z from "zod/mini";
import type { SyncStorage } from "@/app/_lib/safe-storage";
import {
  levelSchema,
  readApiError,
  submissionResponseSchema,
  type SubmissionRequest,
  type ErrorCode,
  type SubmissionResponse,
} from "@/app/api/contract";
import { OUTBOX_KEY } from "./outbox-key";

// Looser than the wire's answer on purpose: an entry queued by an older
// version must still be sent (the server judges it), not dropped unread.
const queuedAnswerSchema = z.strictObject({
  questionId: z.string(),
  optionId: z.nullable(z.string()),
  helpUsed: z.boolean(),
  ms: z.number(),
});

const pendingSchema = z.strictObject({
  assignmentId: z.string().check(z.minLength(1)),
  attemptId: z.string().check(z.minLength(1)),
  name: z.string(),
  /** The level whose questions were answered; entries queued before levels have none. */
  level: z.optional(levelSchema),
  answers: z.array(queuedAnswerSchema),
  queuedAt: z.number(),
});
export type PendingSubmission = z.infer<typeof pendingSchema>;

export type SendOutcome =
  | { kind: "sent"; result: SubmissionResponse }
  /** Final: the server said no, for a reason the student is told in their language. */
  | { kind: "refused"; code: ErrorCode }
  /** Not now: too many submissions from this network; try again in `retryAfter` seconds. */
  | { kind: "later"; retryAfter: number }
  /** No connection or a server error: kept, and tried again. */
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

/** One try. Network failures, server errors and rate limits mean "try later"; any other refusal is final. */
export async function sendSubmission(
  submission: PendingSubmission,
  fetchImpl: typeof fetch = fetch,
): Promise<SendOutcome> {
  const body: SubmissionRequest = {
    attemptId: submission.attemptId,
    name: submission.name,
    ...(submission.level !== undefined ? { level: submission.level } : {}),
    answers: submission.answers.map((answer) => ({ ...answer, ms: Math.round(answer.ms) })),
  };
  let response: Response;
  try {
    response = await fetchImpl(
      `/api/assignments/${encodeURIComponent(submission.assignmentId)}/submissions`,
      { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
    );
  } catch {
    return { kind: "offline" };
  }
  if (response.status >= 500) return { kind: "offline" };
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const result = submissionResponseSchema.safeParse(answer);
    return result.success ? { kind: "sent", result: result.data } : { kind: "offline" };
  }
  const refusal = readApiError(answer);
  if (response.status === 429 || refusal?.code === "rate_limited") {
    const header = Number(response.headers.get("retry-after"));
    return { kind: "later", retryAfter: refusal?.retryAfter ?? (Number.isFinite(header) ? header : 60) };
  }
  return { kind: "refused", code: refusal?.code ?? "invalid_request" };
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
    if (outcome.kind === "sent" || outcome.kind === "refused") dequeue(storage, submission.attemptId);
  }
  return outcomes;
}
