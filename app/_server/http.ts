/**
 * What every route handler needs to answer safely: bounded body reading, JSON
 * errors in plain words, the teacher's bearer key, and a last-resort guard
 * that keeps stack traces out of responses.
 */
import type { z } from "zod";

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/** An answer the client caused (4xx) or a refusal the service decided (404, 409). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

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

export function jsonError(status: number, message: string): Response {
  return jsonResponse(status, { error: message });
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

const KB = 1024;

/**
 * Reads the body as JSON without ever holding more than `limitBytes` of it:
 * a declared length over the limit is refused before reading, and a stream
 * that grows past it (no or false Content-Length) is cut off.
 */
export async function readJsonBody(
  request: Request,
  limitBytes = DEFAULT_BODY_LIMIT_BYTES,
): Promise<unknown> {
  const tooLarge = () =>
    new HttpError(413, `The request body is larger than ${Math.floor(limitBytes / KB)} kB.`);
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limitBytes) throw tooLarge();
  if (!request.body) throw new HttpError(400, "The request has no body: send a JSON object.");

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
  if (size === 0) throw new HttpError(400, "The request has no body: send a JSON object.");

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
    throw new HttpError(400, "The request body is not valid UTF-8 text.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "The request body is not valid JSON.");
  }
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
 * words. Schemas that set their own message on a check keep it.
 */
export const plainErrorMap: z.core.$ZodErrorMap = (issue) => {
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

/** One sentence naming the field and the problem, for `{ error }`. */
export function describeZodError(error: z.ZodError): string {
  const messages = error.issues.slice(0, 3).map((issue) => {
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

/** Parses with plain-word errors, or throws a 400 naming the first problems. */
export function parseRequest<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const result = schema.safeParse(data, { error: plainErrorMap });
  if (!result.success) throw new HttpError(400, describeZodError(result.error));
  return result.data;
}

/**
 * Wraps a route handler. Refusals arrive as HttpError and become
 * `{ error }`; anything else is a bug on our side: it is logged with its
 * stack, and the client gets a 500 that reveals nothing about it.
 */
export function withErrors<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof HttpError) return jsonError(error.status, error.message);
      console.error("Unhandled error in a route handler:", error);
      return jsonError(500, "Something went wrong on our side.");
    }
  };
}
