/**
 * Starts the production build (`next start`) on a port, for the API bench and
 * the multi-server tests; the caller builds first (scripts/ensure-build.mjs).
 * The server runs in its own process group, so a kill reaches any worker it
 * forks, and a guard kills the group if the caller dies without doing so.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { whenThisProcessDies } from "./process-helpers";

const ROOT = path.resolve(__dirname, "..");

export interface NextServer {
  url: string;
  port: number;
  /** Everything the server printed so far. */
  output(): string;
  /** SIGKILL by default: no goodbye, as a crashed machine would leave it. Resolves once it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface NextServerOptions {
  port: number;
  /** Added to this process's environment (DATABASE_URL, DATABASE_PATH, …). */
  env: Record<string, string>;
  timeoutMs?: number;
}

/** Resolves once the server answers API requests (its database opened and migrated). */
export async function startNextServer({
  port,
  env,
  timeoutMs = 60_000,
}: NextServerOptions): Promise<NextServer> {
  let output = "";
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const guard = child.pid === undefined ? null : whenThisProcessDies(`kill -9 -${child.pid}`);

  const kill = async (signal: NodeJS.Signals = "SIGKILL") => {
    if (child.pid !== undefined && running()) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // exited meanwhile
      }
    }
    await exited;
    guard?.cancel();
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!running()) throw new Error(`next start on port ${port} exited:\n${output}`);
    try {
      // Unknown id: 404 from the route once the store answers.
      const response = await fetch(`${url}/api/assignments/AAAAAAAAAAA`, {
        signal: AbortSignal.timeout(5000),
      });
      if (response.status === 404) return { url, port, output: () => output, kill };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await kill();
  throw new Error(`next start on port ${port} did not answer within ${timeoutMs} ms:\n${output}`);
}
