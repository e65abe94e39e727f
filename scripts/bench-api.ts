/**
 * `npm run bench:api`: how many submissions per second the production server
 * takes on each store, at what latency, and whether every acknowledged one
 * was stored.
 *
 *   npm run bench:api                          SQLite, then PostgreSQL, side by side
 *   npm run bench:api -- --store sqlite        one store only (sqlite | postgres | both)
 *   npm run bench:api -- --url http://host:3000    bench a running server instead
 *   options: --duration 10  --connections 50  --port 3100
 *            with --url: --db <SQLite file> or --database-url <postgres://…> for the check
 *
 * For each store it builds if needed, starts `next start` on a new database
 * (a temporary SQLite file; a PostgreSQL started for the bench with its
 * crash safety on: fsync, synchronous commit), sends submissions from 50
 * connections, each with a fresh attempt id, then kills the server with
 * SIGKILL. PostgreSQL is then stopped as a crash would stop it and started
 * again. Only then are the stored attempts read back: every attempt answered
 * 201 must be there. Exits 1 if one is missing.
 *
 * Figures go to bench/results/api.json: SQLite's at the top level (what
 * `npm run bench` reads), PostgreSQL's under `postgres`.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import postgres from "postgres";
import { z } from "zod";
import { findPostgresBin, POSTGRES_MISSING, runningInCI, startLocalPostgres } from "./local-postgres";
import { startNextServer } from "./next-server";

/** Every request comes from this one machine: the bench measures the store, not the per-client limits. */
const UNLIMITED = { RATE_LIMIT_SUBMIT: "off", RATE_LIMIT_CREATE: "off" };

const ROOT = path.resolve(__dirname, "..");

const { values: args } = parseArgs({
  options: {
    store: { type: "string", default: "both" },
    url: { type: "string" },
    db: { type: "string" },
    "database-url": { type: "string" },
    port: { type: "string", default: "3100" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
  },
});

// --- autocannon has no type declarations: the part used here, typed -------

interface BenchRequest {
  method: "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest: (request: BenchRequest) => BenchRequest;
  onResponse: (status: number, body: string) => void;
}

interface Histogram {
  average: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
}

interface BenchResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: BenchRequest[];
}) => Promise<BenchResult>;

async function loadAutocannon(): Promise<Autocannon> {
  // A variable specifier keeps TypeScript from looking for the missing types.
  const specifier = "autocannon";
  const loaded: unknown = await import(specifier);
  const fn =
    typeof loaded === "object" && loaded !== null && "default" in loaded
      ? (loaded as { default: unknown }).default
      : loaded;
  if (typeof fn !== "function") throw new Error("autocannon did not load as a function");
  return fn as Autocannon;
}

// --- one run against one server -------------------------------------------------

interface Target {
  store: "sqlite" | "postgres" | "unknown";
  url: string;
  /** After the load: kill what must be killed, then read back the stored attempt ids. */
  storedAttempts: (assignment: { id: string; teacherKey: string }) => Promise<Set<string>>;
  killedBeforeCheck: boolean;
}

const createdSchema = z.object({ id: z.string(), teacherKey: z.string() });
const viewSchema = z.object({
  questions: z.array(z.object({ id: z.string(), options: z.array(z.object({ id: z.string() })) })),
});
const ackSchema = z.object({ attemptId: z.string() });
const resultsSchema = z.object({ submissions: z.array(z.object({ attemptId: z.string() })) });
const attemptRowsSchema = z.array(z.object({ attempt_id: z.string() }));

async function createAssignment(url: string) {
  const response = await fetch(`${url}/api/assignments`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      title: `Bench ${new Date().toISOString()}`,
      count: 10,
      language: "fr",
      mode: "test",
      helpsAllowed: true,
      dueAt: null,
      maxAttempts: null,
    }),
  });
  if (response.status !== 201)
    throw new Error(`creating the assignment: ${response.status} ${await response.text()}`);
  const created = createdSchema.parse(await response.json());
  const view = viewSchema.parse(await (await fetch(`${url}/api/assignments/${created.id}`)).json());
  const answers = view.questions.map((q, i) => ({
    questionId: q.id,
    optionId: q.options[i % q.options.length]?.id ?? null,
    helpUsed: i % 3 === 0,
    ms: 3000 + i * 250,
  }));
  return { ...created, answers };
}

function sqliteAttempts(file: string, assignmentId: string): Set<string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT attempt_id FROM submissions WHERE assignment_id = ?").all(assignmentId);
    return new Set(attemptRowsSchema.parse(rows).map((r) => r.attempt_id));
  } finally {
    db.close();
  }
}

async function postgresAttempts(url: string, assignmentId: string): Promise<Set<string>> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const rows = await sql`SELECT attempt_id FROM submissions WHERE assignment_id = ${assignmentId}`;
    return new Set(attemptRowsSchema.parse([...rows]).map((r) => r.attempt_id));
  } finally {
    await sql.end();
  }
}

interface Figures {
  date: string;
  store: Target["store"];
  url: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  submissionsPerSecond: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  acknowledged: number;
  stored: number;
  missing: number;
  killedBeforeCheck: boolean;
}

async function bench(target: Target, duration: number, connections: number): Promise<Figures> {
  const assignment = await createAssignment(target.url);
  const submitPath = `/api/assignments/${assignment.id}/submissions`;
  const acknowledged = new Set<string>();
  const statuses = new Map<number, number>();
  let student = 0;
  const body = () =>
    JSON.stringify({ attemptId: randomUUID(), name: `Élève ${++student}`, answers: assignment.answers });

  // Warm up: the first requests load the route modules and fill the pool.
  for (let i = 0; i < 20; i++) {
    const response = await fetch(`${target.url}${submitPath}`, { method: "POST", body: body() });
    if (response.status === 201) acknowledged.add(ackSchema.parse(await response.json()).attemptId);
  }

  const autocannon = await loadAutocannon();
  console.log(`[${target.store}] ${duration} s at ${connections} connections: POST ${submitPath}`);
  const result = await autocannon({
    url: target.url,
    connections,
    duration,
    requests: [
      {
        method: "POST",
        path: submitPath,
        headers: { "Content-Type": "application/json" },
        // A fresh attempt id per request, or the idempotency path would be measured instead.
        setupRequest: (request) => ({ ...request, body: body() }),
        onResponse: (status, responseBody) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 201) acknowledged.add(ackSchema.parse(JSON.parse(responseBody)).attemptId);
        },
      },
    ],
  });

  const stored = await target.storedAttempts(assignment);
  const missing = [...acknowledged].filter((id) => !stored.has(id));
  const created = statuses.get(201) ?? 0;
  if (missing.length > 0) {
    console.error(
      `[${target.store}] ${missing.length} acknowledged submissions are not stored, e.g. ${missing.slice(0, 3).join(", ")}`,
    );
  }
  return {
    date: new Date().toISOString(),
    store: target.store,
    url: target.url,
    connections,
    durationSeconds: result.duration,
    requests: result.requests.total,
    submissionsPerSecond: Math.round(created / result.duration),
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    statuses: Object.fromEntries(statuses),
    errors: result.errors,
    timeouts: result.timeouts,
    acknowledged: acknowledged.size,
    stored: stored.size,
    missing: missing.length,
    killedBeforeCheck: target.killedBeforeCheck,
  };
}

// --- each store on a server of its own ----------------------------------------

function ensureBuild(): void {
  // Builds when there is no build or the sources changed since the last one.
  const build = spawnSync(process.execPath, [path.join(ROOT, "scripts", "ensure-build.mjs")], {
    stdio: "inherit",
    cwd: ROOT,
  });
  if (build.status !== 0) throw new Error("the production build failed");
}

async function benchSqlite(port: number, duration: number, connections: number): Promise<Figures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "glose-bench-"));
  const file = path.join(dir, "glose.db");
  try {
    const server = await startNextServer({ port, env: { DATABASE_PATH: file, ...UNLIMITED } });
    try {
      return await bench(
        {
          store: "sqlite",
          url: server.url,
          killedBeforeCheck: true,
          storedAttempts: async ({ id }) => {
            await server.kill("SIGKILL");
            return sqliteAttempts(file, id);
          },
        },
        duration,
        connections,
      );
    } finally {
      await server.kill("SIGKILL");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(port: number, duration: number, connections: number): Promise<Figures> {
  const pg = await startLocalPostgres({ durable: true });
  try {
    const databaseUrl = await pg.createDatabase("glose_bench");
    const server = await startNextServer({ port, env: { DATABASE_URL: databaseUrl, ...UNLIMITED } });
    try {
      return await bench(
        {
          store: "postgres",
          url: server.url,
          killedBeforeCheck: true,
          storedAttempts: async ({ id }) => {
            await server.kill("SIGKILL");
            // The database crashes too: what was acknowledged must come back from its WAL.
            pg.crash();
            await pg.restart();
            return postgresAttempts(databaseUrl, id);
          },
        },
        duration,
        connections,
      );
    } finally {
      await server.kill("SIGKILL");
    }
  } finally {
    await pg.stop();
  }
}

async function benchRunningServer(url: string, duration: number, connections: number): Promise<Figures> {
  const databaseUrl = args["database-url"];
  const file = args.db;
  return bench(
    {
      store: databaseUrl ? "postgres" : file ? "sqlite" : "unknown",
      url,
      killedBeforeCheck: false,
      storedAttempts: async ({ id, teacherKey }) => {
        if (databaseUrl) return postgresAttempts(databaseUrl, id);
        if (file) return sqliteAttempts(file, id);
        const response = await fetch(`${url}/api/assignments/${id}/results`, {
          headers: { Authorization: `Bearer ${teacherKey}` },
        });
        return new Set(resultsSchema.parse(await response.json()).submissions.map((s) => s.attemptId));
      },
    },
    duration,
    connections,
  );
}

// --- report ------------------------------------------------------------------------

const ms = (value: number) => `${value.toFixed(1)} ms`;

function report(runs: Figures[]): void {
  const rows: [string, (f: Figures) => string][] = [
    ["Submissions/s", (f) => String(f.submissionsPerSecond)],
    ["Latency p50", (f) => ms(f.latencyMs.p50)],
    ["Latency p90", (f) => ms(f.latencyMs.p90)],
    ["Latency p99", (f) => ms(f.latencyMs.p99)],
    ["Latency max", (f) => ms(f.latencyMs.max)],
    [
      "Statuses",
      (f) =>
        Object.entries(f.statuses)
          .map(([s, n]) => `${s}×${n}`)
          .join(" ") || "none",
    ],
    ["Errors, timeouts", (f) => `${f.errors}, ${f.timeouts}`],
    ["Acknowledged (201)", (f) => String(f.acknowledged)],
    ["Stored", (f) => String(f.stored)],
    ["Missing", (f) => String(f.missing)],
  ];
  const names: Record<Figures["store"], string> = {
    sqlite: "SQLite",
    postgres: "PostgreSQL",
    unknown: "running server",
  };
  const width = 22;
  const column = 18;
  console.log("");
  console.log(
    `${`${runs[0]?.connections ?? 0} connections, ${runs[0]?.durationSeconds ?? 0} s`.padEnd(width)}` +
      runs.map((f) => names[f.store].padStart(column)).join(""),
  );
  for (const [label, value] of rows) {
    console.log(label.padEnd(width) + runs.map((f) => value(f).padStart(column)).join(""));
  }
  if (runs.some((f) => f.killedBeforeCheck)) {
    console.log("\nChecked after killing each server with SIGKILL (and crashing and restarting PostgreSQL).");
  }
}

async function main(): Promise<number> {
  const duration = Number(args.duration);
  const connections = Number(args.connections);
  const port = Number(args.port);
  const runs: Figures[] = [];
  let postgresSkipped: string | null = null;

  if (args.url) {
    runs.push(await benchRunningServer(args.url.replace(/\/$/, ""), duration, connections));
  } else {
    const store = z.enum(["sqlite", "postgres", "both"]).parse(args.store);
    ensureBuild();
    if (store !== "postgres") runs.push(await benchSqlite(port, duration, connections));
    if (store !== "sqlite") {
      if (findPostgresBin() === null && !runningInCI()) {
        postgresSkipped = POSTGRES_MISSING;
        console.warn(`PostgreSQL not measured: ${POSTGRES_MISSING}`);
      } else {
        runs.push(await benchPostgres(port, duration, connections));
      }
    }
  }

  report(runs);

  const sqlite = runs.find((f) => f.store === "sqlite");
  const pg = runs.find((f) => f.store === "postgres");
  const resultsDir = path.join(ROOT, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    path.join(resultsDir, "api.json"),
    `${JSON.stringify({ ...(sqlite ?? runs[0]), postgres: pg ?? null, postgresSkipped }, null, 2)}\n`,
  );

  const failed = runs.filter((f) => f.missing > 0 || f.acknowledged === 0);
  for (const f of failed) {
    console.error(
      f.missing > 0
        ? `FAIL (${f.store}): ${f.missing} acknowledged submissions are not stored.`
        : `FAIL (${f.store}): no submission was acknowledged.`,
    );
  }
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
