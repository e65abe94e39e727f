/**
 * @jest-environment node
 *
 * "A server killed and restarted keeps every acknowledged submission": a real
 * process writes through the store and is killed with SIGKILL mid-stream; the
 * reopened database must hold every attempt it had acknowledged.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openSqliteStore } from "@/app/_server/db/sqlite";

const ROOT = path.resolve(__dirname, "../..");

jest.setTimeout(60_000);

it("keeps every acknowledged submission when the writer is killed", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "glose-kill-"));
  const file = path.join(dir, "glose.db");
  // `node --import tsx`, not the tsx binary: the binary runs the script in a
  // second process, and killing the wrapper would leave the writer running.
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "kill-writer.ts"), file],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );

  const acknowledged: string[] = [];
  let assignmentId = "";
  let buffer = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));

  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on("exit", (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        const [word, value = ""] = line.split(" ");
        if (word === "assignment") assignmentId = value;
        if (word === "ack") acknowledged.push(value);
      }
      // Kill mid-stream, while writes are still being committed.
      if (acknowledged.length >= 2000 && !child.killed) {
        child.kill("SIGKILL");
        resolve();
      }
    });
    child.on("exit", () => resolve());
    child.on("error", reject);
  });

  expect(await exited).toBe("SIGKILL");
  expect(stderr).toBe("");
  expect(acknowledged.length).toBeGreaterThanOrEqual(2000);

  const store = openSqliteStore(file);
  const stored = new Set((await store.listSubmissions(assignmentId)).map((s) => s.attemptId));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const missing = acknowledged.filter((id) => !stored.has(id));
  expect(missing).toEqual([]);
  // The kill came mid-stream: some writes may have been committed but not yet
  // reported, never the other way round.
  expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
});
