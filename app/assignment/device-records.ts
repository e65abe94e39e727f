import { deviceStorage } from "@/app/_lib/safe-storage";
import { submissionResponseSchema, type SubmissionResponse } from "@/app/api/contract";

/**
 * What a student's device remembers of an assignment: the name they gave
 * (so a second visit does not ask again) and the server's answer to each
 * attempt (so a reload shows it without sending again).
 */

const nameKey = (assignmentId: string) => `glose-assignment:${assignmentId}:name`;
const resultKey = (attemptId: string) => `glose-assignment-result:${attemptId}`;

export function savedName(assignmentId: string): string {
  return deviceStorage().getItem(nameKey(assignmentId)) ?? "";
}

/** Without storage, the name is still kept in memory for this visit. */
export function saveName(assignmentId: string, name: string): void {
  deviceStorage().setItem(nameKey(assignmentId), name);
}

/** The stored response, or null when none was kept or it no longer reads as one. */
export function savedResult(attemptId: string): SubmissionResponse | null {
  const text = deviceStorage().getItem(resultKey(attemptId));
  if (text === null) return null;
  try {
    const parsed = submissionResponseSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The result is on screen; keeping it for a reload is a nicety, so a full disk is no matter. */
export function saveResult(result: SubmissionResponse): void {
  deviceStorage().setItem(resultKey(result.attemptId), JSON.stringify(result));
}
