/**
 * Run by the contract suite as one of several processes racing on one
 * database: opens its own store, says "ready", waits for "go" on stdin, then
 * sends all its submissions at once and prints their outcomes as JSON.
 *
 *   node --import tsx store-racer.ts '<StoreConfig as JSON>' < jobs
 */
import { createInterface } from "node:readline";
import { openStore, type NewSubmission, type StoreConfig } from "../../app/_server/db";

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? "") as StoreConfig;
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const jobs = JSON.parse((await lines.next()).value as string) as NewSubmission[];
  const store = openStore(config);
  await store.schemaVersion();
  process.stdout.write("ready\n");
  await lines.next();
  const outcomes = await Promise.all(jobs.map((job) => store.recordSubmission(job)));
  await store.close();
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
