// `npm run bench`: what Glose costs a visitor next to a bare Next.js page, and
// what the submissions API takes, measured in one run and checked against the
// budgets of the performance issue.
//
//   1. build the app when its sources changed (scripts/ensure-build.mjs), and a
//      bare Next.js page of the same version (the template in bench/bare/,
//      copied to bench/.bare/ and built with the same `next` binary);
//   2. serve both, on free ports, the app on a throw-away database;
//   3. page weight of the bare page, of a control page (the bare page with four
//      of the article's paragraphs, not budgeted) and of home, reader and quiz
//      (the HTML and every script it references, gzip -9: bench/page-weight.mjs);
//   4. Lighthouse 12.2.3, its default (mobile) config, five runs per page,
//      interleaved so that drift of the machine hits every page alike;
//   5. stop both servers, then `scripts/bench-api.ts` for 10 s (it starts its
//      own server, and checks after a SIGKILL that every acknowledged
//      submission is stored);
//   6. print the table, write bench/results/latest.{json,md} and the README
//      block between <!-- bench:start --> and <!-- bench:end -->, check the
//      budgets: exit 1 listing the misses, 0 when all are met.
//
// Figures: kB = 1,024 bytes. Performance and LCP are the median of the
// runs; accessibility and best practices the lowest; CLS the highest.
//
// Environment: BENCH_RUNS (Lighthouse runs per page, default 5),
// BENCH_API_SECONDS (default 10), CHROME_PATH (default: e2e/chromium.json's).
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import chromium from "../e2e/chromium.json" with { type: "json" };
import { measurePage } from "./page-weight.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BARE_TEMPLATE = path.join(ROOT, "bench", "bare");
const BARE_DIR = path.join(ROOT, "bench", ".bare");
const RESULTS_DIR = path.join(ROOT, "bench", "results");
const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");
const TSX_BIN = path.join(ROOT, "node_modules", ".bin", "tsx");
const CHROME_PATH = process.env.CHROME_PATH || chromium.executablePath;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 5));
/** Lighthouse waits for the 1-minute load to fall under this share of the cores (a build just ran), at most SETTLE_MAX_MS. */
const SETTLE_LOAD_PER_CORE = 0.5;
const SETTLE_MAX_MS = 150_000;
const API_SECONDS = Math.max(1, Number(process.env.BENCH_API_SECONDS || 10));
/** The whole run stops by itself after this, whatever hangs. */
const OVERALL_TIMEOUT_MS = 12 * 60_000;

const PAGES = [
  { key: "bare", label: "Bare Next.js page", server: "bare", path: "/" },
  // Not budgeted: the bare page with four of the article's paragraphs and nothing
  // else (bench/bare/app/text/), to show what real text alone costs in the score.
  { key: "bareText", label: "Bare page + 4 paragraphs", server: "bare", path: "/text", control: true },
  { key: "home", label: "Home", server: "app", path: "/en" },
  { key: "reader", label: "Reader", server: "app", path: "/en/read/ai-talent-race" },
  { key: "quiz", label: "Quiz", server: "app", path: "/en/quiz/ai-talent-race" },
];

const BUDGETS = {
  /** JavaScript (gzip) a page may add over the bare page, in bytes. */
  jsOverBare: { reader: 40 * 1024, quiz: 60 * 1024 },
  accessibility: 100,
  bestPractices: 95,
};

const CHROME_FLAGS = ["--headless=new", ...chromium.args];

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s`;
const log = (message) => console.log(`[bench ${elapsed()}] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const kB = (bytes) => (bytes / 1024).toFixed(1);
/** Three decimals as Lighthouse shows it, but a shift under 0.001 is not shown as 0.000. */
const clsText = (cls) => (cls > 0 && cls < 0.001 ? cls.toPrecision(1) : cls.toFixed(3));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// --- child processes: each in its own group, all killed on the way out -------

const children = new Set();
let chrome = null;
const tempDirs = [];

function killGroup(child, signal = "SIGKILL") {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function cleanup() {
  for (const child of children) killGroup(child);
  children.clear();
  if (chrome) {
    try {
      chrome.kill();
    } catch {
      // already gone
    }
    chrome = null;
  }
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    console.error(`\n[bench] ${signal}: stopping.`);
    cleanup();
    process.exit(130);
  });
}
const watchdog = setTimeout(() => {
  console.error(
    `[bench] FAIL: the run did not finish within ${OVERALL_TIMEOUT_MS / 60_000} minutes; stopped.`,
  );
  cleanup();
  process.exit(2);
}, OVERALL_TIMEOUT_MS);

/**
 * Runs a command to completion in its own process group; the group is killed
 * when it outlives `timeoutMs`. Output goes through, prefixed, and is kept.
 */
function run(command, args, { cwd = ROOT, env = {}, timeoutMs, prefix }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    children.add(child);
    let output = "";
    const relay = (chunk) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split("\n")) if (line.trim()) console.log(`  ${prefix} ${line}`);
    };
    child.stdout.on("data", relay);
    child.stderr.on("data", relay);
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`${prefix} ${command} ${args.join(" ")}: no end after ${timeoutMs / 1000} s, killed`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      children.delete(child);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

/** Starts `next start` in `cwd` and waits until `probePath` answers 200. */
async function startNext(name, cwd, port, probePath, env = {}) {
  let output = "";
  const child = spawn(NEXT_BIN, ["start", "-p", String(port)], {
    cwd,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  children.add(child);
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the ${name} server exited:\n${output}`);
    try {
      const response = await fetch(url + probePath, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.status === 200) {
        return {
          url,
          output: () => output,
          stop: async () => {
            if (child.exitCode !== null || child.signalCode !== null) return;
            const exited = new Promise((resolve) => child.once("exit", resolve));
            killGroup(child, "SIGTERM");
            await Promise.race([exited, sleep(5_000)]);
            killGroup(child);
            children.delete(child);
          },
        };
      }
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  killGroup(child);
  throw new Error(`the ${name} server did not answer 200 on ${probePath} within 60 s:\n${output}`);
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

async function freePorts(count, from = 3301) {
  const ports = [];
  for (let port = from; ports.length < count && port < from + 200; port++)
    if (await portIsFree(port)) ports.push(port);
  if (ports.length < count) throw new Error(`no ${count} free ports from ${from}`);
  return ports;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// --- the steps ---------------------------------------------------------------

async function buildApp() {
  log("App: building if the sources changed (scripts/ensure-build.mjs)…");
  // .next/ is shared with whoever else works in this checkout: when their
  // `next build` holds the lock, wait for it and try again.
  for (let attempt = 1; ; attempt++) {
    const { code, output } = await run(process.execPath, [path.join(ROOT, "scripts", "ensure-build.mjs")], {
      timeoutMs: 5 * 60_000,
      prefix: "[app build]",
    });
    if (code === 0) return;
    if (!/Another next build process is already running/.test(output) || attempt === 6)
      throw new Error("the app's production build failed");
    log("App: another `next build` is running in this checkout; trying again in 20 s…");
    await sleep(20_000);
  }
}

async function buildBare() {
  log("Bare page: copying bench/bare/ to bench/.bare/ and building it…");
  rmSync(BARE_DIR, { recursive: true, force: true });
  cpSync(BARE_TEMPLATE, BARE_DIR, { recursive: true });
  // No node_modules of its own: bench/.bare/ sits inside the repository, so
  // `next`, `react` and `react-dom` resolve to the app's own copies (same versions).
  const { code } = await run(NEXT_BIN, ["build"], {
    cwd: BARE_DIR,
    timeoutMs: 3 * 60_000,
    prefix: "[bare build]",
  });
  if (code !== 0) throw new Error("the bare page's build failed");
}

async function pageWeights(servers) {
  const weights = {};
  for (const page of PAGES) {
    const base = servers[page.server].url;
    const m = await withTimeout(measurePage(base, page.path), 60_000, `weighing ${page.path}`);
    if (m.status !== 200) throw new Error(`${base}${page.path} answered ${m.status}`);
    weights[page.key] = m;
    log(`  ${page.label.padEnd(18)} html ${m.htmlBytes} B   js ${m.scripts} files, ${kB(m.jsGzip)} kB gzip`);
  }
  return weights;
}

async function lighthouseAll(servers) {
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const launch = () =>
    chromeLauncher.launch({
      chromePath: CHROME_PATH,
      chromeFlags: CHROME_FLAGS,
      logLevel: "silent",
      handleSIGINT: false,
    });
  let browser = null;
  const runs = Object.fromEntries(PAGES.map((p) => [p.key, []]));
  for (let round = 1; round <= RUNS; round++) {
    for (const page of PAGES) {
      const url = servers[page.server].url + page.path;
      // A fresh browser and profile for every run, as the Lighthouse CLI does:
      // nothing cached or stored by the previous page (favicon, IndexedDB…).
      chrome = await withTimeout(launch(), 60_000, "launching Chromium");
      browser ??= (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()).Browser;
      const result = await withTimeout(
        lighthouse(url, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices"],
        }),
        120_000,
        `Lighthouse on ${url}`,
      );
      chrome.kill();
      chrome = null;
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (lhr.runtimeError)
        throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const score = (id) =>
        lhr.categories[id].score === null ? null : Math.round(lhr.categories[id].score * 100);
      const numeric = (id) => lhr.audits[id]?.numericValue ?? null;
      // What keeps accessibility or best practices under 100: the failing audits.
      const failing = ["accessibility", "best-practices"].flatMap((category) =>
        lhr.categories[category].auditRefs
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((audit) => audit.score !== null && audit.score < 1)
          .map((audit) => `${category}: ${audit.id}`),
      );
      const r = {
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        cls: numeric("cumulative-layout-shift"),
        lcpMs: numeric("largest-contentful-paint"),
        fcpMs: numeric("first-contentful-paint"),
        tbtMs: numeric("total-blocking-time"),
        speedIndexMs: numeric("speed-index"),
        failing,
        // Audits that could not run (Lighthouse 12.2 reads some trace events of
        // newer Chromium badly); none of them weighs in the three scores.
        errored: Object.values(lhr.audits)
          .filter((audit) => audit.scoreDisplayMode === "error")
          .map((audit) => audit.id),
        warnings: lhr.runWarnings,
      };
      runs[page.key].push(r);
      log(
        `  Lighthouse ${round}/${RUNS} ${page.label.padEnd(18)} perf ${r.performance}  a11y ${r.accessibility}  ` +
          `bp ${r.bestPractices}  CLS ${r.cls?.toFixed(3)}  LCP ${Math.round(r.lcpMs)} ms  TBT ${Math.round(r.tbtMs)} ms`,
      );
    }
  }
  const summary = {};
  for (const page of PAGES) {
    const list = runs[page.key];
    const nums = (key) => list.map((r) => r[key]).filter((v) => typeof v === "number");
    summary[page.key] = {
      performance: median(nums("performance")),
      performanceRuns: list.map((r) => r.performance),
      accessibility: Math.min(...nums("accessibility")),
      bestPractices: Math.min(...nums("bestPractices")),
      cls: Math.max(...nums("cls")),
      lcpMs: Math.round(median(nums("lcpMs"))),
      fcpMs: Math.round(median(nums("fcpMs"))),
      tbtMs: Math.round(median(nums("tbtMs"))),
      speedIndexMs: Math.round(median(nums("speedIndexMs"))),
      failingAudits: [...new Set(list.flatMap((r) => r.failing))],
      erroredAudits: [...new Set(list.flatMap((r) => r.errored))],
      warnings: [...new Set(list.flatMap((r) => r.warnings))],
      runs: list,
    };
  }
  return { summary, browser };
}

async function apiBench() {
  const [port] = await freePorts(1, 3311);
  log(`Submissions API: scripts/bench-api.ts for ${API_SECONDS} s (its own server on port ${port})…`);
  const before = Date.now();
  const { code } = await run(
    TSX_BIN,
    [path.join(ROOT, "scripts", "bench-api.ts"), "--port", String(port), "--duration", String(API_SECONDS)],
    {
      timeoutMs: (2 * API_SECONDS + 180) * 1000,
      prefix: "[api]",
    },
  );
  const file = path.join(RESULTS_DIR, "api.json");
  let figures = null;
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, "utf8"));
    // Only the figures this run wrote.
    if (Date.parse(parsed.date) >= before - 1000) figures = parsed;
  }
  return { exitCode: code, figures };
}

// --- report -----------------------------------------------------------------

function table(results) {
  const { weights, lighthouse: lh } = results;
  const bareJs = weights.bare.jsGzip;
  const rows = [
    "| Page | HTML bytes | JS gzip | JS over bare | Performance | Accessibility | Best practices | CLS | LCP |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const page of PAGES) {
    const w = weights[page.key];
    const s = lh.summary[page.key];
    const over =
      page.key === "bare" ? "—" : `${w.jsGzip - bareJs >= 0 ? "+" : ""}${kB(w.jsGzip - bareJs)} kB`;
    rows.push(
      `| ${page.label} \`${page.path}\` | ${w.htmlBytes.toLocaleString("en")} | ${kB(w.jsGzip)} kB | ${over} | ` +
        `${s.performance} | ${s.accessibility} | ${s.bestPractices} | ${clsText(s.cls)} | ${(s.lcpMs / 1000).toFixed(1)} s |`,
    );
  }
  return rows.join("\n");
}

function apiLine(api) {
  const f = api.figures;
  if (!f) return `Submissions API: no figures (bench-api exited ${api.exitCode}).`;
  const store = (s) =>
    `**${s.submissionsPerSecond} submissions/s**, p99 ${s.latencyMs.p99} ms (p50 ${s.latencyMs.p50} ms); ` +
    `${s.acknowledged} acknowledged, ${s.stored} stored, ${s.missing} missing`;
  return (
    `Submissions API (${f.connections} connections, ${f.durationSeconds} s): SQLite ${store(f)}` +
    (f.postgres ? `; PostgreSQL ${store(f.postgres)}` : "") +
    (f.killedBeforeCheck ? " (checked after a SIGKILL of the server)." : ".")
  );
}

function checkBudgets(results) {
  const { weights, lighthouse: lh, api } = results;
  const checks = [];
  const check = (name, ok, detail) => checks.push({ name, ok, detail });
  for (const [key, limit] of Object.entries(BUDGETS.jsOverBare)) {
    const over = weights[key].jsGzip - weights.bare.jsGzip;
    check(`${key}: JS over the bare page ≤ ${kB(limit)} kB gzip`, over <= limit, `${kB(over)} kB`);
  }
  const barePerf = lh.summary.bare.performance;
  // The budgets are the app's; the bare page is the yardstick, shown for reference.
  for (const page of PAGES.filter((p) => p.key !== "bare" && !p.control)) {
    const s = lh.summary[page.key];
    check(
      `${page.key}: accessibility = ${BUDGETS.accessibility}`,
      s.accessibility >= BUDGETS.accessibility,
      String(s.accessibility),
    );
    check(
      `${page.key}: best practices ≥ ${BUDGETS.bestPractices}`,
      s.bestPractices >= BUDGETS.bestPractices,
      String(s.bestPractices),
    );
    check(`${page.key}: no layout shift (CLS 0)`, s.cls === 0, clsText(s.cls));
    check(
      `${page.key}: performance ≥ the bare page's (${barePerf})`,
      s.performance >= barePerf,
      `${s.performance} (runs ${s.performanceRuns.join(", ")}; bare ${lh.summary.bare.performanceRuns.join(", ")}; ` +
        `bare + 4 paragraphs ${lh.summary.bareText.performance})`,
    );
  }
  const stores = api.figures ? [api.figures, api.figures.postgres].filter(Boolean) : [];
  check(
    "API: every acknowledged submission stored",
    api.exitCode === 0 && stores.length > 0 && stores.every((s) => s.missing === 0 && s.acknowledged > 0),
    stores.length > 0
      ? `${stores.map((s) => `${s.store}: ${s.acknowledged} acknowledged, ${s.stored} stored`).join("; ")} (bench-api exit ${api.exitCode})`
      : `no figures (bench-api exit ${api.exitCode})`,
  );
  return checks;
}

function markdown(results, checks) {
  const date = results.date.slice(0, 16).replace("T", " ");
  const runs = RUNS === 1 ? "one run" : `median of ${RUNS} runs`;
  return [
    `Measured with \`npm run bench\` on ${date} UTC: Next.js ${results.versions.next}, ` +
      `Lighthouse ${results.versions.lighthouse} (mobile defaults, ${runs}), ${results.versions.browser}, ` +
      `${os.cpus().length} CPU cores. JavaScript is every script the page's HTML loads, gzip -9 (kB = 1,024 bytes).`,
    "",
    table(results),
    "",
    apiLine(results.api),
    "",
    `Budgets: ${checks.filter((c) => c.ok).length} of ${checks.length} met` +
      (checks.every((c) => c.ok)
        ? "."
        : `; missed: ${checks
            .filter((c) => !c.ok)
            .map((c) => `${c.name} (${c.detail})`)
            .join("; ")}.`),
  ].join("\n");
}

function updateReadme(md) {
  const readme = path.join(ROOT, "README.md");
  if (!existsSync(readme)) return false;
  const text = readFileSync(readme, "utf8");
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i === -1 || j === -1 || j < i) return false;
  writeFileSync(readme, `${text.slice(0, i + start.length)}\n${md}\n${text.slice(j)}`);
  return true;
}

// --- main -------------------------------------------------------------------

/**
 * Waits for the machine to calm down before Lighthouse: on 2 cores, the tail
 * of a build still running moves scores by several points, and not evenly
 * between the bare page and the app's.
 */
async function settle() {
  const limit = os.cpus().length * SETTLE_LOAD_PER_CORE;
  const start = Date.now();
  let load = os.loadavg()[0];
  if (load <= limit) return;
  log(`Waiting for the machine to settle (load ${load.toFixed(1)}, waiting for ≤ ${limit.toFixed(1)})…`);
  while (load > limit && Date.now() - start < SETTLE_MAX_MS) {
    await sleep(3000);
    load = os.loadavg()[0];
  }
  log(`Load ${load.toFixed(1)} after ${((Date.now() - start) / 1000).toFixed(0)} s.`);
}

const loadAtStart = os.loadavg()[0];

async function main() {
  const version = (pkg) =>
    JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;
  const buildId = () => {
    try {
      return readFileSync(path.join(ROOT, ".next", "BUILD_ID"), "utf8").trim();
    } catch {
      return null;
    }
  };
  await buildApp();
  const measuredBuild = buildId();
  await buildBare();

  const [appPort, barePort] = await freePorts(2);
  const dbDir = mkdtempSync(path.join(os.tmpdir(), "glose-bench-pages-"));
  tempDirs.push(dbDir);
  log(`Serving the app on ${appPort} and the bare page on ${barePort}…`);
  const [app, bare] = await Promise.all([
    startNext("app", ROOT, appPort, "/en", { DATABASE_PATH: path.join(dbDir, "glose.db") }),
    startNext("bare", BARE_DIR, barePort, "/"),
  ]);
  const servers = { app, bare };
  // Warm up: the first request to each route loads its modules.
  for (const page of PAGES)
    for (let i = 0; i < 2; i++) await (await fetch(servers[page.server].url + page.path)).arrayBuffer();

  log("Page weight…");
  const weights = await pageWeights(servers);
  await settle();
  const loadBeforeLighthouse = os.loadavg()[0];
  log(`Lighthouse: ${RUNS} runs × ${PAGES.length} pages…`);
  const lh = await lighthouseAll(servers);
  await Promise.all([app.stop(), bare.stop()]);
  const notes = [];
  const [load] = os.loadavg();
  if (loadBeforeLighthouse > os.cpus().length * 0.75 || load > os.cpus().length * 0.75)
    notes.push(
      `The machine was busy (load ${loadBeforeLighthouse.toFixed(1)} before Lighthouse, ${load.toFixed(1)} after, ` +
        `${os.cpus().length} cores): performance scores are noisier than usual.`,
    );
  if (buildId() !== measuredBuild)
    notes.push("The app was rebuilt while its pages were measured: the page figures may mix two builds.");

  const api = await apiBench();
  if (buildId() !== measuredBuild)
    notes.push(
      `scripts/bench-api.ts rebuilt the app (ensure-build judged the sources changed): the API was measured on build ` +
        `${buildId()}, the pages on ${measuredBuild}.`,
    );
  const errored = [...new Set(PAGES.flatMap((p) => lh.summary[p.key].erroredAudits))];
  if (errored.length)
    notes.push(`Lighthouse could not run ${errored.join(", ")} on this Chromium (no weight in the scores).`);

  const results = {
    date: new Date().toISOString(),
    command: "npm run bench",
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { cpus: os.cpus().length, node: process.version, loadAtStart: Number(loadAtStart.toFixed(2)) },
    appBuild: measuredBuild,
    notes,
    versions: { next: version("next"), lighthouse: version("lighthouse"), browser: lh.browser },
    budgets: BUDGETS,
    pages: Object.fromEntries(
      PAGES.map((p) => [
        p.key,
        {
          ...p,
          ...weights[p.key],
          overBareGzip: weights[p.key].jsGzip - weights.bare.jsGzip,
          lighthouse: lh.summary[p.key],
        },
      ]),
    ),
    api,
  };
  const checks = checkBudgets({ weights, lighthouse: lh, api });
  results.checks = checks;
  const md = markdown({ ...results, weights, lighthouse: lh }, checks);

  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(RESULTS_DIR, "latest.md"), `${md}\n`);
  const readme = updateReadme(md);

  console.log(`\n${md}\n`);
  for (const c of checks) console.log(`${c.ok ? "  ok  " : "  FAIL"} ${c.name}: ${c.detail}`);
  for (const page of PAGES) {
    const s = lh.summary[page.key];
    if (s.failingAudits.length) console.log(`  ${page.label}: failing audits: ${s.failingAudits.join(", ")}`);
  }
  for (const note of notes) console.log(`  Note: ${note}`);
  console.log(
    `\nWrote bench/results/latest.json and latest.md` +
      (readme
        ? " and the README block."
        : " (README.md has no <!-- bench:start --> / <!-- bench:end --> markers: not updated).") +
      ` ${Math.round((Date.now() - started) / 1000)} s in all.`,
  );
  const failed = checks.filter((c) => !c.ok);
  if (failed.length) {
    console.error(`\nBudgets missed (${failed.length}):`);
    for (const c of failed) console.error(`  - ${c.name}: ${c.detail}`);
    return 1;
  }
  console.log("\nAll budgets met.");
  return 0;
}

main().then(
  (code) => {
    clearTimeout(watchdog);
    cleanup();
    process.exit(code);
  },
  (error) => {
    console.error(`[bench] FAIL: ${error instanceof Error ? error.message : error}`);
    cleanup();
    process.exit(2);
  },
);
