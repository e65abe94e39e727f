import "server-only";
import { clientAddress, trustedProxyHops } from "./client-address";
import { Refusal } from "./refusal";

/**
 * Abuse limits per client: how many times one address may create things, or
 * submit answers, in a window. A route opts in with one line:
 *
 *     enforceRateLimit(request, "create");
 *
 * Creating an article or a draft counts against the same "create" budget as
 * an assignment; a new kind of action with a budget of its own needs one entry
 * in RATE_LIMITS below. Counters live in this process's memory, so behind a
 * load balancer each server counts on its own (the limit is per server).
 */

const RATE_LIMITS = {
  /** Assignments now; articles and drafts to come. A school behind one address has many teachers. */
  create: { env: "RATE_LIMIT_CREATE", fallback: "60/1h" },
  /** A class of 35 submits within a minute, and several classes can share one address. */
  submit: { env: "RATE_LIMIT_SUBMIT", fallback: "300/5min" },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** `count` actions per `windowSeconds`, refilled evenly (a token bucket holding `count`). */
export interface RateLimit {
  count: number;
  windowSeconds: number;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, min: 60, h: 3600, d: 86_400 };

/** "300/5min", "60/1h", "10/s"; "off" (or 0) for no limit. */
export function parseRateLimit(text: string, name = "rate limit"): RateLimit | null {
  const value = text.trim().toLowerCase();
  if (value === "off" || value === "0") return null;
  const match = /^(\d+)\s*\/\s*(\d*)\s*(s|min|h|d)$/.exec(value);
  const count = Number(match?.[1]);
  const windowSeconds = Number(match?.[2] || 1) * (UNIT_SECONDS[match?.[3] ?? ""] ?? NaN);
  if (!match || !(count >= 1) || !(windowSeconds >= 1)) {
    throw new Error(`${name} must look like "300/5min", "60/1h" or "10/s", or be "off"; got "${text}".`);
  }
  return { count, windowSeconds };
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Past this many clients, buckets that have refilled completely are forgotten. */
const MAX_TRACKED = 10_000;

/** One limit's buckets, one per client. `take` answers 0 (go ahead) or the seconds to wait. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perSecond: number;

  constructor(private readonly limit: RateLimit) {
    this.perSecond = limit.count / limit.windowSeconds;
  }

  take(client: string, nowMs: number): number {
    const bucket = this.refilled(client, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(client, bucket);
      if (this.buckets.size > MAX_TRACKED) this.forgetFull(nowMs);
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
  }

  private refilled(client: string, nowMs: number): Bucket {
    const bucket = this.buckets.get(client);
    if (!bucket) return { tokens: this.limit.count, updatedAt: nowMs };
    const elapsed = Math.max(0, nowMs - bucket.updatedAt) / 1000;
    return { tokens: Math.min(this.limit.count, bucket.tokens + elapsed * this.perSecond), updatedAt: nowMs };
  }

  private forgetFull(nowMs: number): void {
    for (const client of [...this.buckets.keys()]) {
      if (this.refilled(client, nowMs).tokens >= this.limit.count) this.buckets.delete(client);
    }
  }
}

interface Limiter {
  hops: number;
  buckets: Record<RateLimitName, TokenBuckets | null>;
}

// On globalThis, like the store: `next dev` re-evaluates modules on every edit.
const holder = globalThis as typeof globalThis & { __gloseRateLimiter?: Limiter };

/** Reads the configuration (and fails loudly on a mistake in it); called at start-up and on first use. */
export function rateLimiter(): Limiter {
  if (!holder.__gloseRateLimiter) {
    const entries = Object.entries(RATE_LIMITS) as [RateLimitName, (typeof RATE_LIMITS)[RateLimitName]][];
    const buckets = Object.fromEntries(
      entries.map(([name, { env, fallback }]) => {
        const limit = parseRateLimit(process.env[env] ?? fallback, env);
        return [name, limit ? new TokenBuckets(limit) : null];
      }),
    ) as Limiter["buckets"];
    holder.__gloseRateLimiter = { hops: trustedProxyHops(), buckets };
  }
  return holder.__gloseRateLimiter;
}

/** Forgets every count and reads the configuration again on next use. */
export function resetRateLimitsForTests(): void {
  holder.__gloseRateLimiter = undefined;
}

/** Throws a `rate_limited` refusal (429, with Retry-After) when this client is over the limit. */
export function enforceRateLimit(request: Request, name: RateLimitName, nowMs = Date.now()): void {
  const { hops, buckets } = rateLimiter();
  const bucket = buckets[name];
  if (!bucket) return;
  const wait = bucket.take(clientAddress(request, hops), nowMs);
  if (wait > 0) throw new Refusal("rate_limited", { retryAfter: wait });
}
