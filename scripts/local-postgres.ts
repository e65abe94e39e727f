/**
 * A throwaway PostgreSQL server for the tests and the API bench: Debian's
 * binaries, `initdb` into a temporary folder, `pg_ctl` on a free port, trust
 * authentication on 127.0.0.1 only, removed afterwards.
 *
 * Teardown does not depend on the caller's good behaviour: a guard process
 * stops the server and removes its folder once the process that started it
 * is gone, so a test run killed halfway (Jest timing out, Ctrl-C, SIGKILL)
 * leaves no stray postmaster behind.
 *
 * Also a command, for trying Glose on PostgreSQL by hand:
 *   npx tsx scripts/local-postgres.ts     prints a DATABASE_URL, stops on Ctrl-C
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { freePort, shellQuote as quote, whenThisProcessDies } from "./process-helpers";

const DEBIAN_ROOT = "/usr/lib/postgresql";

/**
 * The folder holding `initdb` and `pg_ctl`: `PG_BIN` when set, else the
 * newest version under /usr/lib/postgresql (Debian's layout); null if none.
 */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | null {
  const has = (dir: string) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"));
  if (env.PG_BIN) return has(env.PG_BIN) ? env.PG_BIN : null;
  if (!existsSync(DEBIAN_ROOT)) return null;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = path.join(DEBIAN_ROOT, version, "bin");
    if (has(dir)) return dir;
  }
  return null;
}

export const POSTGRES_MISSING =
  `PostgreSQL's server binaries were not found (no initdb and pg_ctl in ` +
  `${process.env.PG_BIN ? `PG_BIN=${process.env.PG_BIN}` : `${DEBIAN_ROOT}/<version>/bin`}). ` +
  `Install Debian's package (apt-get install postgresql) or set PG_BIN to their folder; ` +
  `.ci/run installs it.`;

/** CI must run every PostgreSQL test; elsewhere a missing server is explained, not fatal. */
export function runningInCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.CI) && env.CI !== "false" && env.CI !== "0";
}

export interface LocalPostgres {
  port: number;
  /** A URL for `database` on this server (trust authentication: no password). */
  url(database?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server as a crash would (`pg_ctl -m immediate`), leaving its files. */
  crash(): void;
  /** Starts it again on the same port and files after `crash()`; it replays its WAL. */
  restart(): Promise<void>;
  /** Stops the server and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface LocalPostgresOptions {
  /**
   * Keep PostgreSQL's crash safety (fsync, synchronous commit), as a real
   * deployment would: the bench measures with it. Tests turn it off for speed:
   * they kill Glose's servers, never the database.
   */
  durable?: boolean;
}

interface Runner {
  /** Runs a PostgreSQL binary as the user that owns the cluster. */
  run(command: string, args: string[]): SpawnSyncReturns<string>;
  /** The same, as a shell command line (for the guard that cleans up). */
  shell(commandLine: string): string;
  owner: { uid: number; gid: number } | null;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user. */
function runner(): Runner {
  if (process.getuid?.() !== 0) {
    return {
      run: (command, args) => spawnSync(command, args, { encoding: "utf8" }),
      shell: (line) => line,
      owner: null,
    };
  }
  const id = (flag: string) =>
    Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  const uid = id("-u");
  const gid = id("-g");
  if (!Number.isInteger(uid) || uid === 0) {
    throw new Error("Running as root, PostgreSQL needs a `postgres` user (Debian's package creates it).");
  }
  return {
    run: (command, args) =>
      spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" }),
    shell: (line) => `runuser -u postgres -- ${line}`,
    owner: { uid, gid },
  };
}

function check(result: SpawnSyncReturns<string>, what: string, logFile?: string): void {
  if (result.status === 0) return;
  const log = logFile && existsSync(logFile) ? `\n${readFileSync(logFile, "utf8").slice(-2000)}` : "";
  throw new Error(
    `${what} failed (${result.status ?? result.signal}):\n${result.stderr}${result.stdout}${log}`,
  );
}

/** Starts a new, empty PostgreSQL server; throws POSTGRES_MISSING when the binaries are not installed. */
export async function startLocalPostgres(options: LocalPostgresOptions = {}): Promise<LocalPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const as = runner();
  const root = mkdtempSync(path.join(os.tmpdir(), "glose-pg-"));
  if (as.owner) chownSync(root, as.owner.uid, as.owner.gid);
  const data = path.join(root, "data");
  const logFile = path.join(root, "postgres.log");
  const pgCtl = path.join(bin, "pg_ctl");

  // Whatever happens to this process from here on, the server is stopped and its folder removed.
  const guard = whenThisProcessDies(
    `${as.shell(`${quote(pgCtl)} -D ${quote(data)} -m immediate stop`)}; rm -rf ${quote(root)}`,
  );

  let port = 0;
  let running = false;
  const settings = [
    "-c listen_addresses=127.0.0.1",
    `-k ${root}`,
    ...(options.durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
  ];
  const start = () =>
    as.run(pgCtl, [
      "-D",
      data,
      "-l",
      logFile,
      "-w",
      "-t",
      "60",
      "-o",
      `-p ${port} ${settings.join(" ")}`,
      "start",
    ]);

  const stopNow = (mode: "fast" | "immediate") => {
    if (running) as.run(pgCtl, ["-D", data, "-m", mode, "-w", "stop"]);
    running = false;
  };

  try {
    check(
      as.run(path.join(bin, "initdb"), [
        "-D",
        data,
        "-A",
        "trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--no-locale",
        "--no-sync",
      ]),
      "initdb",
    );
    // The port is free when chosen but could be taken before the server binds it: try again then.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const result = start();
      if (result.status === 0) break;
      if (attempt === 3) check(result, `pg_ctl start on port ${port}`, logFile);
    }
    running = true;
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    guard.cancel();
    throw error;
  }

  const url = (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let stopped = false;

  return {
    port,
    url,
    async createDatabase(name) {
      const admin = postgres(url(), { max: 1, onnotice: () => undefined });
      try {
        await admin`CREATE DATABASE ${admin(name)}`;
      } finally {
        await admin.end();
      }
      return url(name);
    },
    crash: () => stopNow("immediate"),
    async restart() {
      check(start(), "pg_ctl start", logFile);
      running = true;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      stopNow("fast");
      rmSync(root, { recursive: true, force: true });
      guard.cancel();
    },
  };
}

async function main(): Promise<void> {
  const server = await startLocalPostgres({ durable: true });
  const databaseUrl = await server.createDatabase("glose");
  console.log(`PostgreSQL is running. In another terminal:\n\n  DATABASE_URL=${databaseUrl} npm start\n`);
  console.log("Ctrl-C stops it and deletes its data.");
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  setInterval(() => undefined, 1 << 30);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
