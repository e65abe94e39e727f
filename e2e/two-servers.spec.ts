/**
 * Two servers, one PostgreSQL, a fault. Two production servers (`next start`)
 * share a database started for this file; 400 students submit across both
 * (as a load balancer would spread them), one server is killed with SIGKILL
 * mid-run and started again, and every request it dropped is retried on the
 * other, as the device's outbox does. Every acknowledged attempt must then be
 * stored exactly once, and the teacher must see the same class from either.
 *
 * Also here, because it needs a real server start: a server refuses to start
 * on a database that a newer Glose has upgraded.
 *
 * No browser viewport matters here, so the tests run once (tagged @desktop).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import postgres from "postgres";
import { SCHEMA_VERSION } from "../app/_server/db/schema";
import {
  findPostgresBin,
  POSTGRES_MISSING,
  runningInCI,
  startLocalPostgres,
  type LocalPostgres,
} from "../scripts/local-postgres";
import { startNextServer, type NextServer } from "../scripts/next-server";
import { freePort } from "../scripts/process-helpers";

const SUBMISSIONS = 400;
/** Students submitting at the same moment. */
const CONCURRENCY = 12;
/** Server A is killed once this many submissions have been acknowledged. */
const KILL_AFTER = 120;

interface Ack {
  status: number;
  body: { attemptId: string; score: number; submittedAt: string };
  server: string;
}

test.describe("several servers on one PostgreSQL @desktop", () => {
  if (findPostgresBin() === null) {
    test("needs PostgreSQL, which is not installed here", () => {
      if (runningInCI()) throw new Error(`${POSTGRES_MISSING} CI must run the PostgreSQL tests.`);
      console.warn(`Two servers on one PostgreSQL: not run. ${POSTGRES_MISSING}`);
    });
    return;
  }

  let pg: LocalPostgres | undefined;
  const servers: NextServer[] = [];

  test.beforeAll(async () => {
    pg = await startLocalPostgres();
  });

  test.afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await pg?.stop();
  });

  async function start(port: number, env: Record<string, string>): Promise<NextServer> {
    // All 400 submissions come from one address: the per-client limit would
    // be measured instead of the fault this test is about.
    const server = await startNextServer({ port, env: { RATE_LIMIT_SUBMIT: "off", ...env } });
    servers.push(server);
    return server;
  }

  test("every acknowledged submission is stored once when a server is killed mid-run", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const databaseUrl = await pg!.createDatabase("two_servers");
    const env = { DATABASE_URL: databaseUrl };
    const [portA, portB] = [await freePort(), await freePort()];
    let a = await start(portA!, env);
    const b = await start(portB!, env);

    const created = await (
      await fetch(`${a.url}/api/assignments`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          title: "Two servers — « 3B »",
          count: 10,
          language: "fr",
          mode: "test",
          helpsAllowed: true,
          dueAt: null,
          maxAttempts: 1,
          interfaceLanguage: "en",
        }),
      })
    ).json();
    const { id, teacherKey } = created as { id: string; teacherKey: string };
    // Created on A, read from B: one database.
    const view = (await (await fetch(`${b.url}/api/assignments/${id}`)).json()) as {
      questions: { id: string; options: { id: string }[] }[];
    };
    expect(view.questions).toHaveLength(10);

    const students = Array.from({ length: SUBMISSIONS }, (_, n) => ({
      attemptId: randomUUID(),
      name: `Élève ${n + 1}`,
      answers: view.questions.map((q, i) => ({
        questionId: q.id,
        optionId: q.options[(n + i) % q.options.length]!.id,
        helpUsed: (n + i) % 7 === 0,
        ms: 1000 + ((n * 37 + i * 101) % 9000),
      })),
    }));

    const acks = new Map<string, Ack>();
    let dropped = 0;
    let killedAt = 0;
    let restartedAt = 0;
    let restartMs = 0;
    let acksFromRestartedA = 0;
    let inFlightToA = 0;
    let inFlightAtKill = 0;

    /**
     * The balancer's pick: alternate, and go on sending to A while it is down,
     * as a balancer does until its health check notices.
     */
    const target = (n: number, attempt: number) => ((n + attempt) % 2 === 0 ? a : b);

    async function send(n: number): Promise<void> {
      const student = students[n]!;
      for (let attempt = 0; attempt < 20; attempt++) {
        const server = target(n, attempt);
        const url = server.url;
        try {
          // Every tenth student's outbox also sends the same attempt to the other server at once.
          const racing =
            n % 10 === 0
              ? fetch(`${(server === a ? b : a).url}/api/assignments/${id}/submissions`, {
                  method: "POST",
                  headers: { "Content-Type": "application/json" },
                  body: JSON.stringify(student),
                }).catch(() => null)
              : Promise.resolve(null);
          if (server === a) inFlightToA += 1;
          const response = await fetch(`${url}/api/assignments/${id}/submissions`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(student),
            signal: AbortSignal.timeout(20_000),
          }).finally(() => {
            if (server === a) inFlightToA -= 1;
          });
          await racing;
          if (response.status === 201 || response.status === 200) {
            const body = (await response.json()) as Ack["body"];
            acks.set(student.attemptId, { status: response.status, body, server: url });
            if (restartedAt && url === a.url) acksFromRestartedA += 1;
            return;
          }
          throw new Error(`unexpected ${response.status}: ${await response.text()}`);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith("unexpected")) throw error;
          // The connection died with the server: the outbox sends again.
          dropped += 1;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      throw new Error(`student ${n} was never acknowledged`);
    }

    async function fault(): Promise<void> {
      // Mid-run for real: while A is answering someone.
      while (acks.size < KILL_AFTER || inFlightToA === 0)
        await new Promise((resolve) => setTimeout(resolve, 1));
      killedAt = acks.size;
      inFlightAtKill = inFlightToA;
      await a.kill("SIGKILL");
      const before = Date.now();
      const replaced = a;
      a = await start(portA!, env);
      servers.splice(servers.indexOf(replaced), 1);
      restartMs = Date.now() - before;
      restartedAt = acks.size;
    }

    let next = 0;
    // Paced so that the run is still going when the restarted server is back.
    const worker = async () => {
      while (next < SUBMISSIONS) {
        const n = next++;
        await send(n);
        if (!restartedAt) await new Promise((resolve) => setTimeout(resolve, 300));
      }
    };
    await Promise.all([fault(), ...Array.from({ length: CONCURRENCY }, worker)]);

    // Everyone was acknowledged, some only after a retry.
    expect(acks.size).toBe(SUBMISSIONS);
    const created201 = [...acks.values()].filter((ack) => ack.status === 201).length;
    const duplicates200 = SUBMISSIONS - created201;
    expect(killedAt).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(restartedAt).toBeLessThan(SUBMISSIONS);
    expect(acksFromRestartedA).toBeGreaterThan(0);
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(dropped).toBeGreaterThan(0);

    // Stored exactly once each, with all their answers.
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
    const rows = await sql`
      SELECT s.attempt_id, s.score, count(a.position)::integer AS answers
      FROM submissions s LEFT JOIN submission_answers a ON a.submission_id = s.id
      WHERE s.assignment_id = ${id}
      GROUP BY s.id`;
    await sql.end();
    expect(rows).toHaveLength(SUBMISSIONS);
    const stored = new Map(rows.map((row) => [row.attempt_id as string, row]));
    for (const [attemptId, ack] of acks) {
      expect(stored.get(attemptId)?.score).toBe(ack.body.score);
      expect(stored.get(attemptId)?.answers).toBe(10);
    }

    // The teacher sees the same class from either server.
    const results = async (server: NextServer, file: "results" | "results.csv") => {
      const response = await fetch(`${server.url}/api/assignments/${id}/${file}`, {
        headers: { Authorization: `Bearer ${teacherKey}` },
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    const [jsonA, jsonB] = [await results(a, "results"), await results(b, "results")];
    expect(jsonA).toBe(jsonB);
    expect(JSON.parse(jsonA).summary.submissionCount).toBe(SUBMISSIONS);
    expect(await results(a, "results.csv")).toBe(await results(b, "results.csv"));

    const page = await browser.newPage();
    const classAsShown = async (server: NextServer) => {
      await page.goto(`${server.url}/en/teach/${id}?key=${teacherKey}`);
      return page.locator("main").innerText();
    };
    const shownByA = await classAsShown(a);
    expect(shownByA).toContain("Élève 400");
    expect(await classAsShown(b)).toBe(shownByA);
    await page.close();

    console.log(
      `Two servers, one PostgreSQL: ${SUBMISSIONS} submissions, ${acks.size} acknowledged ` +
        `(${created201} × 201, ${duplicates200} × 200 for an attempt already stored), ${rows.length} stored, ` +
        `${dropped} requests lost with server A and retried; A killed after ${killedAt} acknowledgements ` +
        `with ${inFlightAtKill} in flight, ` +
        `back in ${restartMs} ms, then acknowledged ${acksFromRestartedA}.`,
    );
  });

  test("a server refuses to start on a database a newer Glose has upgraded", async () => {
    test.setTimeout(120_000);
    const databaseUrl = await pg!.createDatabase("from_the_future");
    const first = await start(await freePort(), { DATABASE_URL: databaseUrl });
    await first.kill("SIGTERM");
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
    await sql`INSERT INTO glose_schema (version, step) VALUES (${SCHEMA_VERSION + 1}, 'from a newer Glose')`;
    await sql.end();

    const dir = mkdtempSync(path.join(os.tmpdir(), "glose-newer-"));
    const file = path.join(dir, "glose.db");
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();

    try {
      const environments: Record<string, string>[] = [{ DATABASE_URL: databaseUrl }, { DATABASE_PATH: file }];
      for (const env of environments) {
        const refusal = await start(await freePort(), env).then(
          () => null,
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        );
        expect(refusal).toContain("exited");
        expect(refusal).toContain(
          `is at schema version ${SCHEMA_VERSION + 1}, but this version of Glose knows versions up to ${SCHEMA_VERSION}`,
        );
        expect(refusal).not.toMatch(/\n\s+at /);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
