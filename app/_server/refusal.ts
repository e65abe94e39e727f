import "server-only";
import type { ErrorCode } from "@/app/api/contract";

/**
 * A request refused for a reason the caller can act on: an assignment that
 * does not exist, a closed test, a name that used its attempt. Services throw
 * it in the domain's words (a code from the wire contract); only the route
 * layer (`http.ts`) decides which HTTP status each code is.
 */
export class Refusal extends Error {
  readonly code: ErrorCode;
  /** The request field it is about, if any. */
  readonly field?: string;
  /** With `rate_limited`: seconds until a retry can succeed. */
  readonly retryAfter?: number;
  /** A more precise English sentence than the code's usual one (which field, which limit). */
  readonly detail?: string;
  /** With `draft_conflict`: the revision the draft is at now. */
  readonly revision?: number;

  constructor(
    code: ErrorCode,
    options: { detail?: string; field?: string; retryAfter?: number; revision?: number } = {},
  ) {
    super(options.detail ?? code);
    this.name = "Refusal";
    this.code = code;
    if (options.field !== undefined) this.field = options.field;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
    if (options.detail !== undefined) this.detail = options.detail;
    if (options.revision !== undefined) this.revision = options.revision;
  }
}

/**
 * For pages: the value, or null when the thing asked for does not exist (the
 * page answers 404). Every other failure, a database error included, is
 * thrown on to the error page: a broken server must not pass for a bad link.
 */
export async function nullWhenNotFound<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof Refusal && error.code.endsWith("_not_found")) return null;
    throw error;
  }
}
