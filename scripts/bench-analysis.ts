/**
 * npm run bench:analysis: how long the lexicon takes to load and how much
 * memory it holds, then the time and memory to analyse French texts of 300,
 * 1,000 and 5,000 words (made of the seed article and the B1 test text) and
 * to turn each analysis into a draft. Exits 1 if a 1,000-word text takes a
 * second or more: the studio analyses while the teacher waits.
 *
 * Run with `node --expose-gc` (the npm script does) for memory figures that
 * are not blurred by garbage not yet collected. Figures go to
 * bench/results/analysis.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { readLexiconSources } from "../app/_server/analysis/lexicon-files";
import { listArticleSlugs, loadArticleBundle, loadOutsiders } from "../app/_server/content-files";
import { countWords } from "../questions/article";
import { analyseText } from "../questions/analysis/analyse";
import { buildDraft } from "../questions/analysis/draft";
import { buildGlossary } from "../questions/analysis/glossary";
import { createLexicon } from "../questions/analysis/lexicon";

const SIZES = [300, 1_000, 5_000] as const;
const RUNS = 5;
const LIMIT_MS = 1_000;

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** A text of about `words` words: a title, then paragraphs of the two real texts in turn, never over the count. */
function textOf(words: number, paragraphs: readonly string[]): string {
  const out = ["Un texte pour mesurer l’analyse"];
  let count = countWords(out[0] ?? "");
  for (let i = 0; ; i++) {
    const paragraph = paragraphs[i % paragraphs.length] ?? "";
    const next = countWords(paragraph);
    if (count + next > words) break;
    out.push(paragraph);
    count += next;
  }
  return out.join("\n\n");
}

function main(): number {
  if (!gc) process.stderr.write("(run with node --expose-gc for exact memory figures)\n");
  const before = heapMb();
  let started = performance.now();
  const sources = readLexiconSources();
  const readMs = performance.now() - started;
  started = performance.now();
  const lexicon = createLexicon(sources);
  const parseMs = performance.now() - started;
  const lexiconMb = heapMb() - before;

  const seed = loadArticleBundle("ai-talent-race");
  const garden = readFileSync(
    path.join("__tests__", "analysis", "fixtures", "jardin-partage.fr.txt"),
    "utf8",
  );
  const paragraphs = [
    ...seed.source.split("\n").slice(1),
    ...garden
      .split(/\n\n/)
      .slice(1)
      .map((p) => p.replace(/\n/g, " ")),
  ];
  const glossary = buildGlossary(
    listArticleSlugs().map((slug) => ({ slug, vocabulary: loadArticleBundle(slug).vocabulary })),
  );
  const outsiders = loadOutsiders();

  const rows: { words: number; analyseMs: number; draftMs: number; heapMb: number }[] = [];
  for (const size of SIZES) {
    const text = textOf(size, paragraphs);
    const analyseTimes: number[] = [];
    const draftTimes: number[] = [];
    let peak = 0;
    for (let run = 0; run <= RUNS; run++) {
      const base = heapMb();
      let t = performance.now();
      const analysis = analyseText({ text }, { lexicon, glossary });
      const analyseMs = performance.now() - t;
      t = performance.now();
      const draft = buildDraft(analysis, { slug: "bench", outsiders, lexicon, glossary });
      const draftMs = performance.now() - t;
      // Memory held by one analysis and its draft while both are alive.
      peak = Math.max(peak, process.memoryUsage().heapUsed / 1024 / 1024 - base);
      if (run === 0 || draft.facts.length < 0) continue; // the first run warms the JIT up
      analyseTimes.push(analyseMs);
      draftTimes.push(draftMs);
    }
    rows.push({
      words: countWords(text),
      analyseMs: median(analyseTimes),
      draftMs: median(draftTimes),
      heapMb: peak,
    });
  }

  const lines = [
    `Lexicon: read ${readMs.toFixed(0)} ms + parse ${parseMs.toFixed(0)} ms, ${lexiconMb.toFixed(0)} MB of heap (${lexicon.size.toLocaleString("en-GB")} forms)`,
    "",
    "| Words | Analyse (median of 5) | Draft | Heap while alive |",
    "| ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.words.toLocaleString("en-GB")} | ${r.analyseMs.toFixed(0)} ms | ${r.draftMs.toFixed(0)} ms | ${r.heapMb.toFixed(1)} MB |`,
    ),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  mkdirSync(path.join("bench", "results"), { recursive: true });
  writeFileSync(
    path.join("bench", "results", "analysis.json"),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), lexicon: { readMs, parseMs, heapMb: lexiconMb, forms: lexicon.size }, texts: rows }, null, 2)}\n`,
  );
  const thousand = rows.find((r) => r.words <= 1_000 && r.words > 900);
  if (thousand && thousand.analyseMs >= LIMIT_MS) {
    process.stderr.write(
      `a ${thousand.words}-word text took ${thousand.analyseMs.toFixed(0)} ms, over ${LIMIT_MS} ms\n`,
    );
    return 1;
  }
  return 0;
}

process.exitCode = main();
