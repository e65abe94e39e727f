/**
 * What the tests and benches need to start servers of their own and never
 * leave one behind: a free port, and a guard that cleans up after the
 * starting process even when it dies without a chance to (SIGKILL, a runner
 * timing out).
 */
import { spawn } from "node:child_process";
import net from "node:net";

/** A TCP port free on 127.0.0.1 right now (the caller binds it soon after, or retries). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

export interface Guard {
  /** The cleanup is no longer needed (it was done in the ordinary way). */
  cancel(): void;
}

/**
 * Runs `shellCommand` once this process has exited, however it exits: a
 * detached shell polls for it every second.
 */
export function whenThisProcessDies(shellCommand: string): Guard {
  const guard = spawn(
    "sh",
    ["-c", `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${shellCommand} >/dev/null 2>&1`],
    { detached: true, stdio: "ignore" },
  );
  guard.unref();
  return {
    cancel() {
      if (guard.pid === undefined || guard.exitCode !== null) return;
      try {
        process.kill(guard.pid);
      } catch {
        // already gone
      }
    },
  };
}
