/**
 * npm run bench:words: what 10,000 saved words cost. A report, not a test.
 *
 *   1. in Node: saving, answering (FSRS through ts-fsrs), the review queue,
 *      the day's due count, the status counts, coverage of every article,
 *      merging an import of all of them, and the export files;
 *   2. in Chromium (Debian's, headless): the real storage code
 *      (app/words/words-db.ts, bundled with esbuild) importing them into
 *      IndexedDB in one transaction, reading them all back, one answer, and
 *      the origin's storage use as the browser reports it.
 *
 * Words get two or three answers each over simulated weeks, so records carry
 * a review history like a learner's. Figures go to bench/results/words.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import chromiumConfig from "../e2e/chromium.json";
import { listArticleSlugs, loadArticleBundle } from "../app/_server/content-files";
import { articleWords } from "../questions/words/article-words";
import { dueByCount, dueCards } from "../questions/words/cards";
import { coverage } from "../questions/words/coverage";
import { ankiTsv, wordsCsv } from "../questions/words/export-files";
import { parseWordsFile, wordsFileJson } from "../questions/words/glose-json";
import { mergeWords } from "../questions/words/merge";
import { createWord, recordAnswer, setStatus, statusCounts } from "../questions/words/status";
import { GRADES, type SavedWord } from "../questions/words/word";

const COUNT = Number(process.env.BENCH_WORDS ?? 10_000);
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 8);
const ROOT = path.resolve(__dirname, "..");

const results: Record<string, number | string | null> = { words: COUNT };
function timed<T>(name: string, work: () => T): T {
  const started = performance.now();
  const value = work();
  results[`${name}Ms`] = Number((performance.now() - started).toFixed(1));
  return value;
}

// A made-up but plausible vocabulary: distinct lemmas, a sentence each.
const saved = timed("create", () =>
  Array.from({ length: COUNT }, (_, i) =>
    createWord(
      {
        lemma: `mot${i.toString(36)}`,
        meaning: `meaning number ${i}`,
        context: {
          slug: "ai-talent-race",
          sentenceId: `s${(i % 15) + 1}`,
          sentence: `Une phrase d'exemple où le mot${i.toString(36)} apparaît, comme dans un article de presse.`,
          form: `mot${i.toString(36)}`,
        },
        tags: ["B2"],
      },
      T0 + i * 1000,
    ),
  ),
);

const answered = timed("answer", () =>
  saved.map((word, i) => {
    let next = word;
    const answers = 2 + (i % 2);
    let at = word.createdAt;
    for (let n = 0; n < answers; n++) {
      const grade = GRADES[(i + n) % 4] ?? "good";
      next = recordAnswer(next, { id: `${i}-${n}`, card: "recognition", grade, at });
      at = Math.max(at + 60_000, next.cards.recognition.due);
    }
    // A fifth of them known, a few ignored: as a reader who marks texts.
    return i % 5 === 0 ? setStatus(next, "known", at) : i % 50 === 1 ? setStatus(next, "ignored", at) : next;
  }),
);
results.answers = answered.reduce((sum, word) => sum + word.reviews.length, 0);

const now = T0 + 30 * DAY;
const queue = timed("dueQueue", () => dueCards(answered, now));
results.dueNow = queue.length;
results.dueToday = timed("dueToday", () => dueByCount(answered, now + DAY));
timed("statusCounts", () => statusCounts(answered));

const known = new Set(answered.filter((w) => w.status === "known").map((w) => w.id));
const profiles = listArticleSlugs().map((slug) => {
  const { article, vocabulary } = loadArticleBundle(slug);
  return articleWords(article, vocabulary);
});
timed("coverageAllArticles", () => profiles.map((profile) => coverage(profile, known)));

const json = timed("exportJson", () => wordsFileJson(answered, [], now));
results.jsonBytes = Buffer.byteLength(json);
timed("exportAnki", () => ankiTsv(answered));
timed("exportCsv", () => wordsCsv(answered));
const parsed = timed("parseImport", () => parseWordsFile(json));
if (!parsed.ok) throw new Error("the export did not read back");
const existing = new Map(answered.map((w) => [w.id, w]));
const merge = timed("mergeImport", () => mergeWords(existing, parsed.words));
results.mergeUnchanged = merge.unchanged;
results.recordBytesMean = Math.round(
  answered.reduce((sum, word) => sum + Buffer.byteLength(JSON.stringify(word)), 0) / answered.length,
);

async function browserFigures(words: SavedWord[]) {
  const bundle = await build({
    entryPoints: [path.join(ROOT, "bench/words/browser-entry.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((request, response) => {
    if (request.url === "/bench.js") {
      response.writeHead(200, { "content-type": "text/javascript" });
      response.end(script);
      return;
    }
    response.writeHead(200, { "content-type": "text/html" });
    response.end(
      '<!doctype html><meta charset="utf-8"><title>bench</title><script src="/bench.js"></script>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? chromiumConfig.executablePath,
    args: chromiumConfig.args,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    return await page.evaluate(
      (list) =>
        (window as unknown as { benchWords: (w: unknown) => Promise<Record<string, number>> }).benchWords(
          list,
        ),
      words as unknown,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

async function main() {
  const browser = await browserFigures(answered);
  for (const [key, value] of Object.entries(browser))
    results[`indexedDb${key[0]!.toUpperCase()}${key.slice(1)}`] =
      typeof value === "number" ? Number(value.toFixed(1)) : value;
  results.date = new Date().toISOString();
  mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench/results/words.json"), `${JSON.stringify(results, null, 2)}\n`);
  const kB = (bytes: unknown) => `${(Number(bytes) / 1024).toFixed(0)} kB`;
  console.log(
    `${COUNT.toLocaleString("en")} saved words, ${Number(results.answers).toLocaleString("en")} answers`,
  );
  console.log(`  create ${results.createMs} ms, answer all (ts-fsrs) ${results.answerMs} ms`);
  console.log(
    `  review queue ${results.dueQueueMs} ms (${results.dueNow} due), due today ${results.dueTodayMs} ms, counts ${results.statusCountsMs} ms`,
  );
  console.log(`  coverage of ${profiles.length} article(s) ${results.coverageAllArticlesMs} ms`);
  console.log(
    `  export: Glose JSON ${results.exportJsonMs} ms (${kB(results.jsonBytes)}), Anki ${results.exportAnkiMs} ms, CSV ${results.exportCsvMs} ms`,
  );
  console.log(
    `  import: parse ${results.parseImportMs} ms, merge ${results.mergeImportMs} ms (${results.mergeUnchanged} unchanged)`,
  );
  console.log(`  a record: ${results.recordBytesMean} bytes of JSON on average`);
  console.log(
    `  Chromium IndexedDB: import ${results.indexedDbImportMs} ms, read all ${results.indexedDbReadAllMs} ms (IndexedDB's getAll alone ${results.indexedDbRawReadMs} ms; the rest is reading keys and validating each record), one answer ${results.indexedDbAnswerMs} ms, storage used ${kB(results.indexedDbUsageBytes)}`,
  );
  console.log("Wrote bench/results/words.json.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
