/**
 * @jest-environment node
 */
import { bearerKey, jsonResponse, readJsonBody, withErrors } from "@/app/_server/http";
import { Refusal } from "@/app/_server/refusal";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

/** A body with no Content-Length, as a chunked upload sends it. */
function streamed(chunks: string[], headers: Record<string, string> = {}): Request {
  return new Request("http://glose.test/api", {
    method: "POST",
    body: streamOf(chunks),
    headers,
    duplex: "half",
  } as RequestInit & { duplex: "half" });
}

async function refusal(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("readJsonBody", () => {
  it("reads a JSON body sent in chunks", async () => {
    await expect(readJsonBody(streamed(['{"a":', ' "é"}']))).resolves.toEqual({ a: "é" });
  });

  it("cuts off a chunked body as soon as it passes the limit", async () => {
    const chunks = Array.from({ length: 100 }, () => "x".repeat(1024));
    const error = await refusal(readJsonBody(streamed(chunks), 64 * 1024));
    expect(error.code).toBe("body_too_large");
    expect(error.message).toBe("The request body is larger than 64 kB.");
  });

  it("refuses a declared length over the limit without reading", async () => {
    const request = streamed(["{}"], { "content-length": String(10 * 1024 * 1024) });
    expect((await refusal(readJsonBody(request))).code).toBe("body_too_large");
  });

  it("accepts a body of exactly the limit", async () => {
    const body = JSON.stringify({ pad: "y".repeat(100 - 10) });
    expect(body).toHaveLength(100);
    await expect(readJsonBody(streamed([body]), 100)).resolves.toEqual({ pad: "y".repeat(90) });
  });

  it("refuses bad JSON, bad UTF-8 and no body as an invalid request", async () => {
    expect((await refusal(readJsonBody(streamed(["{nope"])))).code).toBe("invalid_request");
    expect((await refusal(readJsonBody(new Request("http://glose.test", { method: "POST" })))).code).toBe(
      "invalid_request",
    );
    const badBytes = new Request("http://glose.test", {
      method: "POST",
      body: new Uint8Array([0x22, 0xc3, 0x22]),
    });
    expect((await refusal(readJsonBody(badBytes))).message).toMatch(/UTF-8/);
  });
});

describe("bearerKey", () => {
  const withAuth = (value: string) => new Request("http://glose.test", { headers: { Authorization: value } });

  it("takes the key from a Bearer header", () => {
    expect(bearerKey(withAuth("Bearer abc_DEF-123"))).toBe("abc_DEF-123");
    expect(bearerKey(withAuth("bearer abc"))).toBe("abc");
  });

  it("gives null for anything else", () => {
    expect(bearerKey(new Request("http://glose.test"))).toBeNull();
    expect(bearerKey(withAuth("Basic dXNlcjpwYXNz"))).toBeNull();
    expect(bearerKey(withAuth("Bearer "))).toBeNull();
    expect(bearerKey(withAuth("Bearer a b"))).toBeNull();
    expect(bearerKey(withAuth(`Bearer ${"k".repeat(500)}`))).toBeNull();
  });
});

describe("jsonResponse", () => {
  it("escapes <, > and & so no markup travels in the body, and parses back the same", async () => {
    const response = jsonResponse(200, { name: "<b>Tom & Jerry</b>" });
    const text = await response.text();
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual({ name: "<b>Tom & Jerry</b>" });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("withErrors", () => {
  it("turns a refusal into its status, code and an English sentence", async () => {
    const handler = withErrors(async () => {
      throw new Refusal("assignment_closed");
    });
    const response = await handler();
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: "This assignment is closed.", code: "assignment_closed" });
  });

  it("says when to come back after a rate limit, in the header and the body", async () => {
    const handler = withErrors(async () => {
      throw new Refusal("rate_limited", { retryAfter: 42 });
    });
    const response = await handler();
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
    expect(await response.json()).toMatchObject({ code: "rate_limited", retryAfter: 42 });
  });

  it("turns a bug into a 500 that reveals nothing, and logs it", async () => {
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const handler = withErrors(async () => {
      throw new Error("SQLITE_CORRUPT at /srv/glose/data/glose.db");
    });
    const response = await handler();
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: "Something went wrong on our side.", code: "server_error" });
    expect(text).not.toMatch(/SQLITE|glose\.db|at /);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
