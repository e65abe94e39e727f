import "server-only";
import * as z from "zod/mini";
import {
  LIMITS,
  STUDIO_LIMITS,
  isErrorCode,
  levelSchema,
  type ApiError,
  type ErrorCode,
} from "@/app/api/contract";
import type { CefrLevel } from "@/questions/levels";
import { Refusal } from "./refusal";

/**
 * What every route handler needs to answer safely: bounded body reading,
 * validation against the wire contract, the teacher's bearer key, and the one
 * place where a refusal's code becomes an HTTP status — with a last-resort
 * guard that keeps stack traces out of responses.
 */

/** Each code's status, and the English sentence sent beside it unless a refusal brings a sharper one. */
const API_ERRORS: { readonly [C in ErrorCode]: { status: number; error: string } } = {
  invalid_request: { status: 400, error: "The request is not what this endpoint accepts." },
  body_too_large: {
    status: 413,
    error: `The request body is larger than ${Math.floor(LIMITS.bodyBytes / 1024)} kB.`,
  },
  rate_limited: { status: 429, error: "Too many requests from this client: wait, then try again." },
  server_error: { status: 500, error: "Something went wrong on our side." },
  assignment_not_found: { status: 404, error: "There is no assignment at this address." },
  title_required: { status: 400, error: "title must not be empty." },
  title_too_long: { status: 400, error: `title must be at most ${LIMITS.titleLength} characters.` },
  title_invalid_characters: { status: 400, error: "title must not contain control or invisible characters." },
  kinds_required: { status: 400, error: "kinds must name at least one kind of question." },
  due_date_invalid: {
    status: 400,
    error: "dueAt must be an ISO 8601 date and time with a time zone, like 2026-06-30T18:00:00+02:00.",
  },
  due_date_past: { status: 400, error: "dueAt must be in the future." },
  due_date_too_far: { status: 400, error: `dueAt must be within ${LIMITS.dueDays} days.` },
  no_questions: {
    status: 422,
    error: "No questions of those kinds exist in that language: choose other kinds.",
  },
  name_required: { status: 400, error: "name must not be empty." },
  name_too_long: { status: 400, error: `name must be at most ${LIMITS.nameLength} characters.` },
  name_invalid_characters: { status: 400, error: "name must not contain control or invisible characters." },
  assignment_closed: { status: 409, error: "This assignment is closed." },
  attempts_used: { status: 409, error: "This name has already used its attempt at this assignment." },
  article_not_found: { status: 404, error: "There is no article at this slug." },
  level_not_offered: { status: 400, error: "This assignment is not offered at that level." },
  article_title_required: { status: 400, error: "title must not be empty." },
  article_title_too_long: {
    status: 400,
    error: `title must be at most ${STUDIO_LIMITS.titleLength} characters.`,
  },
  article_title_invalid_characters: {
    status: 400,
    error: "title must not contain control or invisible characters.",
  },
  text_required: { status: 400, error: "text must hold a French text." },
  text_too_long: {
    status: 400,
    error: `text must be at most ${STUDIO_LIMITS.words} words (${STUDIO_LIMITS.characters} characters).`,
  },
  text_unreadable: {
    status: 400,
    error: "text holds binary data, control characters or broken characters.",
  },
  text_not_french: { status: 422, error: "text does not look like French." },
  translation_too_long: {
    status: 400,
    error: `english must be at most ${STUDIO_LIMITS.words} words (${STUDIO_LIMITS.characters} characters).`,
  },
  translation_unreadable: {
    status: 400,
    error: "english holds binary data, control characters or broken characters.",
  },
  translation_too_short: {
    status: 422,
    error: "english has far fewer sentences than the French: part of the translation is missing.",
  },
  translation_not_english: { status: 422, error: "english does not look like English." },
  source_too_long: { status: 400, error: `source must be at most ${STUDIO_LIMITS.sourceLength} characters.` },
  source_invalid_characters: { status: 400, error: "source must not contain control characters." },
  licence_too_long: {
    status: 400,
    error: `licence must be at most ${STUDIO_LIMITS.licenceLength} characters.`,
  },
  licence_invalid_characters: { status: 400, error: "licence must not contain control characters." },
  draft_not_found: { status: 404, error: "There is no draft at this address." },
  draft_conflict: {
    status: 409,
    error: "The draft was saved from somewhere else since this revision: load it again before saving.",
  },
  draft_invalid: { status: 422, error: "The draft is not ready to publish." },
  import_invalid: { status: 422, error: "The files are not a valid Glose article." },
  analysis_unavailable: { status: 503, error: "Texts cannot be analysed right now." },
};

const NO_STORE = { "Cache-Control": "no-store" } as const;

// Student names and titles are stored verbatim, so a name like "<script>"
// travels in responses. Escaping <, > and & keeps the JSON identical once
// parsed, yet no byte of it can be read as markup if a browser or a proxy
// ever sniffs the body as HTML.
const UNSAFE_IN_JSON = /[<>&\u2028\u2029]/g;

function escapeJson(text: string): string {
  return text.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(escapeJson(JSON.stringify(body)), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...NO_STORE, ...headers },
  });
}

export function textResponse(
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(body, {
    status: 200,
    headers: { "Content-Type": contentType, ...NO_STORE, ...headers },
  });
}

/** `{ error, code }` with the code's status; a rate limit also says when to come back. */
function refusalResponse(refusal: Refusal): Response {
  const { status, error } = API_ERRORS[refusal.code];
  const body: ApiError = {
    error: refusal.detail ?? error,
    code: refusal.code,
    ...(refusal.field !== undefined ? { field: refusal.field } : {}),
    ...(refusal.retryAfter !== undefined ? { retryAfter: refusal.retryAfter } : {}),
    ...(refusal.revision !== undefined ? { revision: refusal.revision } : {}),
  };
  const headers: Record<string, string> =
    refusal.retryAfter !== undefined ? { "Retry-After": String(refusal.retryAfter) } : {};
  return jsonResponse(status, body, headers);
}

/**
 * Reads the body as JSON without ever holding more than `limitBytes` of it:
 * a declared length over the limit is refused before reading, and a stream
 * that grows past it (no or false Content-Length) is cut off.
 */
export async function readJsonBody(
  request: Request,
  limitBytes: number = LIMITS.bodyBytes,
): Promise<unknown> {
  const tooLarge = () =>
    new Refusal("body_too_large", {
      detail: `The request body is larger than ${Math.floor(limitBytes / 1024)} kB.`,
    });
  const noBody = () =>
    new Refusal("invalid_request", { detail: "The request has no body: send a JSON object." });
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limitBytes) throw tooLarge();
  if (!request.body) throw noBody();

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (size === 0) throw noBody();

  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Refusal("invalid_request", { detail: "The request body is not valid UTF-8 text." });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Refusal("invalid_request", { detail: "The request body is not valid JSON." });
  }
}

/** `?level=A2` of a request: absent is undefined; anything but a CEFR level is refused with `level_not_offered`. */
export function levelParam(request: Request): CefrLevel | undefined {
  const raw = new URL(request.url).searchParams.get("level");
  if (raw === null) return undefined;
  const parsed = z.safeParse(levelSchema, raw);
  if (!parsed.success) throw new Refusal("level_not_offered", { field: "level" });
  return parsed.data;
}

/** The key from `Authorization: Bearer <key>`, or null when absent or malformed. */
export function bearerKey(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer +([A-Za-z0-9_-]{1,200})\s*$/i);
  return match?.[1] ?? null;
}

function describePath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}

const EXPECTED_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  null: "null",
};

/**
 * Used as the per-parse error map: turns zod's generic messages into plain
 * words. Schemas that set their own message (or code) on a check keep it.
 */
const plainErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value")) {
    return "is required";
  }
  if (issue.code === "invalid_type") return `must be ${EXPECTED_WORDS[issue.expected] ?? issue.expected}`;
  if (issue.code === "invalid_value") {
    const values = issue.values.map((v) => JSON.stringify(v));
    return values.length > 2 ? `must be one of ${values.join(", ")}` : `must be ${values.join(" or ")}`;
  }
  if (issue.code === "invalid_union") return "is not an allowed value";
  return undefined;
};

/** One sentence naming the fields and the problems, for `{ error }`. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const messages = issues.slice(0, 3).map((issue) => {
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.map((key) => `"${key.slice(0, 40)}"`).join(", ");
      const where = issue.path.length ? ` in ${describePath(issue.path)}` : "";
      return `Unknown field${issue.keys.length > 1 ? "s" : ""} ${keys}${where}`;
    }
    // Field names stay as the client spells them, so a sentence may start in lower case.
    if (issue.path.length === 0)
      return issue.code === "invalid_type" ? "The body must be a JSON object" : `The body ${issue.message}`;
    return `${describePath(issue.path)} ${issue.message}`;
  });
  return `${messages.join("; ")}.`;
}

/**
 * Parses a request body against a schema of the wire contract. The first
 * problem decides the refusal: a field a person typed gets its own code (the
 * schema put it in the message); anything else is `invalid_request`, named
 * in plain words.
 */
export function parseBody<T extends z.core.$ZodType>(schema: T, data: unknown): z.output<T> {
  const result = z.safeParse(schema, data, { error: plainErrorMap });
  if (result.success) return result.data;
  const [first] = result.error.issues;
  if (first && isErrorCode(first.message)) {
    throw new Refusal(first.message, { field: describePath(first.path) });
  }
  throw new Refusal("invalid_request", {
    detail: describeIssues(result.error.issues.filter((issue) => !isErrorCode(issue.message))),
  });
}

/**
 * Wraps a route handler. Refusals become `{ error, code }` with their status;
 * anything else is a bug on our side: it is logged with its stack, and the
 * client gets a 500 that reveals nothing about it.
 */
export function withErrors<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof Refusal) return refusalResponse(error);
      console.error("Unhandled error in a route handler:", error);
      return refusalResponse(new Refusal("server_error"));
    }
  };
}
