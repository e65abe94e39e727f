/**
 * @jest-environment node
 *
 * Abuse limits: creating assignments and submitting answers are limited per
 * client, with the limits from configuration, and the client's address comes
 * from a proxy header only when a proxy is trusted. The route handlers run
 * against a real SQLite file; the peer's address is the header the server
 * stamps on every request (see client-address.ts).
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { resetStoreForTests } from "@/app/_server/db";
import { PEER_HEADER, addressKey, clientAddress, trustedProxyHops } from "@/app/_server/client-address";
import { TokenBuckets, parseRateLimit, resetRateLimitsForTests } from "@/app/_server/rate-limit";
import {
  answersFor,
  createAssignment,
  expectPlainRefusal,
  newAssignment,
  setTemporaryDatabase,
  storedSubmissionCount,
  submit,
  validAssignment,
} from "./api-helpers";

const databaseFile = setTemporaryDatabase("rate-limit");

afterAll(async () => {
  await resetStoreForTests();
  rmSync(path.dirname(databaseFile), { recursive: true, force: true });
});

function configure(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetRateLimitsForTests();
}

const from = (peer: string, extra: Record<string, string> = {}) => ({ [PEER_HEADER]: peer, ...extra });

describe("the configuration", () => {
  it("reads counts per window, and off", () => {
    expect(parseRateLimit("300/5min")).toEqual({ count: 300, windowSeconds: 300 });
    expect(parseRateLimit("60/1h")).toEqual({ count: 60, windowSeconds: 3600 });
    expect(parseRateLimit(" 10 / s ")).toEqual({ count: 10, windowSeconds: 1 });
    expect(parseRateLimit("1000/d")).toEqual({ count: 1000, windowSeconds: 86_400 });
    expect(parseRateLimit("off")).toBeNull();
    expect(parseRateLimit("0")).toBeNull();
  });

  it("refuses a limit it cannot read, naming the variable", () => {
    for (const bad of ["", "300", "300/week", "-1/h", "0/h", "ten/min", "5/0min"]) {
      expect(() => parseRateLimit(bad, "RATE_LIMIT_SUBMIT")).toThrow(/RATE_LIMIT_SUBMIT must look like/);
    }
  });

  it("trusts no proxy unless told how many there are", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("false")).toBe(0);
    expect(trustedProxyHops("0")).toBe(0);
    expect(trustedProxyHops("true")).toBe(1);
    expect(trustedProxyHops("2")).toBe(2);
    expect(() => trustedProxyHops("yes please")).toThrow(/TRUST_PROXY/);
  });
});

describe("a token bucket", () => {
  it("lets `count` through at once, then one more each `window / count`, and says how long to wait", () => {
    const buckets = new TokenBuckets({ count: 3, windowSeconds: 60 });
    const t0 = 1_000_000;
    expect([0, 0, 0].map(() => buckets.take("a", t0))).toEqual([0, 0, 0]);
    expect(buckets.take("a", t0)).toBe(20);
    expect(buckets.take("a", t0 + 15_000)).toBe(5);
    expect(buckets.take("a", t0 + 20_000)).toBe(0);
    expect(buckets.take("b", t0 + 20_000)).toBe(0);
  });
});

describe("the client's address", () => {
  const request = (headers: Record<string, string>) => new Request("http://glose.test/api", { headers });

  it("is the peer's when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    const spoofed = request(from("203.0.113.5", { "X-Forwarded-For": "198.51.100.1" }));
    expect(clientAddress(spoofed, 0)).toBe("203.0.113.5");
  });

  it("is read from the right of X-Forwarded-For, past the trusted proxies only", () => {
    const viaOne = request(from("10.0.0.2", { "X-Forwarded-For": "198.51.100.1, 203.0.113.9" }));
    expect(clientAddress(viaOne, 1)).toBe("203.0.113.9");
    expect(clientAddress(viaOne, 2)).toBe("198.51.100.1");
    // More hops than entries: the leftmost is as far as anyone vouches.
    expect(clientAddress(viaOne, 5)).toBe("198.51.100.1");
    expect(clientAddress(request(from("10.0.0.2")), 1)).toBe("10.0.0.2");
  });

  it("counts IPv4-mapped IPv6 as IPv4, and IPv6 by its /64", () => {
    expect(addressKey("::ffff:203.0.113.5")).toBe("203.0.113.5");
    expect(addressKey("2001:db8:85a3:0042:1000:8a2e:0370:7334")).toBe("2001:db8:85a3:42::/64");
    expect(addressKey("2001:db8:85a3:42::1")).toBe("2001:db8:85a3:42::/64");
    expect(addressKey("[2001:db8::1]")).toBe("2001:db8:0:0::/64");
  });
});

describe("creating assignments", () => {
  beforeAll(() => configure({ RATE_LIMIT_CREATE: "2/1h", RATE_LIMIT_SUBMIT: "off", TRUST_PROXY: undefined }));

  it("is refused past the limit with 429, rate_limited and Retry-After, for that client only", async () => {
    const teacher = from("203.0.113.10");
    expect((await createAssignment(validAssignment, teacher)).status).toBe(201);
    expect((await createAssignment(validAssignment, teacher)).status).toBe(201);

    const refused = await createAssignment(validAssignment, teacher);
    expectPlainRefusal(refused, 429, "rate_limited");
    const retryAfter = Number(refused.headers.get("retry-after"));
    // Two per hour: the next one is half an hour away.
    expect(retryAfter).toBeGreaterThan(1790);
    expect(retryAfter).toBeLessThanOrEqual(1800);
    expect(refused.json).toMatchObject({ retryAfter });

    // A made-up X-Forwarded-For changes nothing: no proxy is trusted.
    const spoofed = await createAssignment(validAssignment, { ...teacher, "X-Forwarded-For": "192.0.2.99" });
    expectPlainRefusal(spoofed, 429, "rate_limited");

    // Another client is not held back by the first.
    expect((await createAssignment(validAssignment, from("203.0.113.11"))).status).toBe(201);
  });

  it("tells clients behind a trusted proxy apart by X-Forwarded-For", async () => {
    configure({ RATE_LIMIT_CREATE: "1/1h", TRUST_PROXY: "1" });
    const proxy = "10.0.0.1";
    const first = from(proxy, { "X-Forwarded-For": "198.51.100.20" });
    const second = from(proxy, { "X-Forwarded-For": "198.51.100.21" });
    expect((await createAssignment(validAssignment, first)).status).toBe(201);
    expect((await createAssignment(validAssignment, second)).status).toBe(201);
    expectPlainRefusal(await createAssignment(validAssignment, first), 429, "rate_limited");
  });
});

describe("submitting", () => {
  it("is refused past the limit, and what was refused is not stored", async () => {
    configure({ RATE_LIMIT_CREATE: "off", RATE_LIMIT_SUBMIT: "3/1min", TRUST_PROXY: undefined });
    const created = await newAssignment();
    const answers = await answersFor(created.id);
    const classroom = from("203.0.113.30");
    const send = (name: string) => submit(created.id, { attemptId: randomUUID(), name, answers }, classroom);

    for (const name of ["Léa", "Noé", "Inès"]) expect((await send(name)).status).toBe(201);
    const refused = await send("Hugo");
    expectPlainRefusal(refused, 429, "rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBe(20);
    expect(await storedSubmissionCount(created.id)).toBe(3);
  });
});
