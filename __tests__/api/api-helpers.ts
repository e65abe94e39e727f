/**
 * Calls the assignment route handlers the way Next does: a real Request, and
 * `params` as a Promise. No server, no mocks: the handlers run against the
 * SQLite file named by DATABASE_PATH.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { POST as createRoute } from "@/app/api/assignments/route";
import { GET as studentRoute } from "@/app/api/assignments/[id]/route";
import { POST as submitRoute } from "@/app/api/assignments/[id]/submissions/route";
import { GET as resultsRoute } from "@/app/api/assignments/[id]/results/route";
import { GET as csvRoute } from "@/app/api/assignments/[id]/results.csv/route";
import { GET as giftRoute } from "@/app/api/assignments/[id]/export.gift/route";
import { POST as closeRoute } from "@/app/api/assignments/[id]/close/route";
import { getStore } from "@/app/_server/db";
import { ERROR_CODES, type ApiError, type ErrorCode } from "@/app/api/contract";

export const ORIGIN = "http://glose.test";

// These tests send far more requests than a class would, all from one client:
// the rate limits have tests of their own (rate-limit.test.ts), which set them.
process.env.RATE_LIMIT_CREATE = "off";
process.env.RATE_LIMIT_SUBMIT = "off";

/** A fresh database file for this test file; call before the first request. */
export function setTemporaryDatabase(prefix: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), `glose-${prefix}-`)), "glose.db");
  process.env.DATABASE_PATH = file;
  // A PostgreSQL URL in the developer's environment would win over the file.
  delete process.env.DATABASE_URL;
  return file;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  json: unknown;
}

async function settle(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

const context = (id: string) => ({ params: Promise.resolve({ id }) });

/** A string body is sent as is (for malformed JSON); anything else is JSON-encoded. */
function postRequest(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body:
      typeof body === "string"
        ? body
        : body instanceof Uint8Array
          ? new Uint8Array(body)
          : JSON.stringify(body),
  });
}

export async function createAssignment(
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  return settle(await createRoute(postRequest(`${ORIGIN}/api/assignments`, body, headers)));
}

export async function getAssignment(id: string): Promise<ApiResponse> {
  return settle(await studentRoute(new Request(`${ORIGIN}/api/assignments/${id}`), context(id)));
}

export async function submit(
  id: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  return settle(
    await submitRoute(postRequest(`${ORIGIN}/api/assignments/${id}/submissions`, body, headers), context(id)),
  );
}

type TeacherRoute = "results" | "results.csv" | "export.gift";
const teacherRoutes = { results: resultsRoute, "results.csv": csvRoute, "export.gift": giftRoute } as const;

export async function teacherGet(
  id: string,
  route: TeacherRoute,
  key: string | null,
): Promise<{ response: ApiResponse; bytes: Uint8Array }> {
  const headers: Record<string, string> = key === null ? {} : { Authorization: `Bearer ${key}` };
  const raw = await teacherRoutes[route](
    new Request(`${ORIGIN}/api/assignments/${id}/${route}`, { headers }),
    context(id),
  );
  const bytes = new Uint8Array(await raw.clone().arrayBuffer());
  return { response: await settle(raw), bytes };
}

/** The teacher closes the assignment now. */
export async function closeAssignment(id: string, key: string | null): Promise<ApiResponse> {
  const headers: Record<string, string> = key === null ? {} : { Authorization: `Bearer ${key}` };
  return settle(
    await closeRoute(
      new Request(`${ORIGIN}/api/assignments/${id}/close`, { method: "POST", headers }),
      context(id),
    ),
  );
}

export const validAssignment = {
  title: "Devoir : la course aux talents",
  count: 8,
  language: "fr",
  mode: "practice",
  helpsAllowed: true,
  dueAt: null,
  maxAttempts: null,
} as const;

export interface Created {
  id: string;
  teacherKey: string;
  studentUrl: string;
  teacherUrl: string;
  questionCount: number;
  levels: { level: string; studentUrl: string; questionCount: number }[];
}

export async function newAssignment(overrides: Record<string, unknown> = {}): Promise<Created> {
  const response = await createAssignment({ ...validAssignment, ...overrides });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${response.text}`);
  return response.json as Created;
}

export interface AnswerInput {
  questionId: string;
  optionId: string | null;
  helpUsed: boolean;
  ms: number;
}

/** Answers from the frozen questions: "right" picks each key, "wrong" the first other option. */
export async function answersFor(id: string, how: "right" | "wrong" = "right"): Promise<AnswerInput[]> {
  const assignment = await getStore().getAssignment(id);
  if (!assignment) throw new Error(`no assignment ${id}`);
  return assignment.questions.map((q) => ({
    questionId: q.id,
    optionId: how === "right" ? q.answerId : (q.options.find((o) => o.id !== q.answerId)?.id ?? null),
    helpUsed: false,
    ms: 4000,
  }));
}

export async function storedSubmissionCount(id: string): Promise<number> {
  return (await getStore().listSubmissions(id)).length;
}

/**
 * Every refusal has the same shape: a 4xx and `{ error, code }` (plus `field`
 * when it is about one), the error in words, never a stack. Returns the code.
 */
export function expectPlainRefusal(response: ApiResponse, status?: number, code?: ErrorCode): ErrorCode {
  if (status !== undefined) expect(response.status).toBe(status);
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  const body = response.json as ApiError;
  expect(
    Object.keys(body)
      .filter((key) => !["field", "retryAfter", "revision"].includes(key))
      .sort(),
  ).toEqual(["code", "error"]);
  expect(body.error.length).toBeGreaterThan(5);
  expect(ERROR_CODES).toContain(body.code);
  if (code !== undefined) expect(body.code).toBe(code);
  expect(response.text).not.toMatch(/\n\s+at |\.ts:\d|node_modules|SqliteError|ZodError/);
  return body.code;
}
