/**
 * `npm run bench:api`: how many submissions per second the production server
 * takes, at what p99 latency, and whether every acknowledged one was stored.
 *
 *   npm run bench:api                         build if needed, start `next start` on
 *                                             a temporary database, bench, check
 *   npm run bench:api -- --url http://host:3000   bench a running server instead
 *   options: --duration 10  --connections 50  --port 3100  --db <file>
 *
 * When it owns the server, the check is the hard one: the server is killed
 * with SIGKILL first, then the SQLite file is opened and every attempt that
 * was answered 201 must be in it. Against --url, the check goes through the
 * teacher's results API (or through --db when the file is reachable).
 * Exits 1 if any acknowledged submission is missing.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { z } from "zod";

const ROOT = process.cwd();

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    db: { type: "string" },
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

// --- the server ------------------------------------------------------------

interface Server {
  url: string;
  databasePath: string | null;
  /** SIGKILL: the check that follows is then also a crash test. */
  kill: () => Promise<void>;
}

async function waitUntilUp(url: string, child: ChildProcess | null, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the server exited:\n${log()}`);
    try {
      const response = await fetch(`${url}/api/assignments/AAAAAAAAAAA`);
      if (response.status === 404) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer within 60 s:\n${log()}`);
}

async function startServer(port: number): Promise<Server> {
  // Builds when there is no build or the sources changed since the last one.
  const build = spawnSync(process.execPath, [path.join(ROOT, "scripts", "ensure-build.mjs")], {
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("the production build failed");

  const dir = mkdtempSync(path.join(os.tmpdir(), "glose-bench-"));
  const databasePath = path.join(dir, "glose.db");
  let output = "";
  // Its own process group, so that killing it also kills any worker next forks.
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: databasePath, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null)
      process.kill(-child.pid, signal);
  };
  process.on("exit", () => killGroup("SIGKILL"));

  try {
    await waitUntilUp(url, child, () => output);
  } catch (error) {
    killGroup("SIGKILL");
    throw error;
  }
  return {
    url,
    databasePath,
    kill: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      killGroup("SIGKILL");
      await exited;
    },
  };
}

// --- the bench ---------------------------------------------------------------

const createdSchema = z.object({ id: z.string(), teacherKey: z.string() });
const viewSchema = z.object({
  questions: z.array(z.object({ id: z.string(), options: z.array(z.object({ id: z.string() })) })),
});
const ackSchema = z.object({ attemptId: z.string() });
const resultsSchema = z.object({ submissions: z.array(z.object({ attemptId: z.string() })) });

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

async function storedAttempts(
  server: Server,
  assignment: { id: string; teacherKey: string },
  databasePath: string | null,
): Promise<Set<string>> {
  if (databasePath) {
    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      const rows = z
        .array(z.object({ attempt_id: z.string() }))
        .parse(db.prepare("SELECT attempt_id FROM submissions WHERE assignment_id = ?").all(assignment.id));
      return new Set(rows.map((r) => r.attempt_id));
    } finally {
      db.close();
    }
  }
  const response = await fetch(`${server.url}/api/assignments/${assignment.id}/results`, {
    headers: { Authorization: `Bearer ${assignment.teacherKey}` },
  });
  return new Set(resultsSchema.parse(await response.json()).submissions.map((s) => s.attemptId));
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<number> {
  const duration = Number(args.duration);
  const connections = Number(args.connections);
  const server: Server = args.url
    ? { url: args.url.replace(/\/$/, ""), databasePath: args.db ?? null, kill: async () => undefined }
    : await startServer(Number(args.port));
  console.log(`Server: ${server.url}${server.databasePath ? `  (database ${server.databasePath})` : ""}`);

  const assignment = await createAssignment(server.url);
  const submitPath = `/api/assignments/${assignment.id}/submissions`;
  const acknowledged = new Set<string>();
  const statuses = new Map<number, number>();
  let student = 0;
  const body = () =>
    JSON.stringify({ attemptId: randomUUID(), name: `Élève ${++student}`, answers: assignment.answers });

  // Warm up: the first requests load the route modules and open the database.
  for (let i = 0; i < 20; i++) {
    const response = await fetch(`${server.url}${submitPath}`, { method: "POST", body: body() });
    if (response.status === 201) acknowledged.add(ackSchema.parse(await response.json()).attemptId);
  }

  const autocannon = await loadAutocannon();
  console.log(`Running ${duration} s at ${connections} connections: POST ${submitPath}`);
  const result = await autocannon({
    url: server.url,
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

  await server.kill();
  const stored = await storedAttempts(server, assignment, server.databasePath);
  const missing = [...acknowledged].filter((id) => !stored.has(id));
  const created = statuses.get(201) ?? 0;

  const figures = {
    date: new Date().toISOString(),
    url: server.url,
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
    killedBeforeCheck: !args.url,
  };

  console.log("");
  console.log(
    `Submissions/s    ${figures.submissionsPerSecond}  (${created} answered 201 in ${result.duration} s)`,
  );
  console.log(`Requests/s       ${figures.requestsPerSecond}  (average over the run)`);
  console.log(
    `Latency          p50 ${ms(result.latency.p50)}   p90 ${ms(result.latency.p90)}   p99 ${ms(result.latency.p99)}   max ${ms(result.latency.max)}`,
  );
  console.log(
    `Statuses         ${[...statuses].map(([s, n]) => `${s}×${n}`).join("  ") || "none"}   errors ${result.errors}   timeouts ${result.timeouts}`,
  );
  console.log(
    `Durability       ${acknowledged.size} acknowledged, ${stored.size} stored, ${missing.length} missing` +
      (args.url ? "" : "  (checked after killing the server with SIGKILL)"),
  );

  const resultsDir = path.join(ROOT, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, "api.json"), `${JSON.stringify(figures, null, 2)}\n`);
  if (!args.url && server.databasePath)
    rmSync(path.dirname(server.databasePath), { recursive: true, force: true });

  if (missing.length > 0) {
    console.error(
      `FAIL: ${missing.length} acknowledged submissions are not in the database, e.g. ${missing.slice(0, 3).join(", ")}`,
    );
    return 1;
  }
  if (created === 0) {
    console.error("FAIL: no submission was acknowledged.");
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
