// Lighthouse runs on one page, as `npm run bench` makes them (12.2.3, its
// default mobile config, a fresh Chromium and profile per run), printing each
// run's performance and CLS, and for any shift, the elements that moved.
//
//   node bench/lighthouse-runs.mjs http://127.0.0.1:3271/en/read/ai-talent-race [runs=5] [out-dir]
//   LH_THROTTLING=devtools node bench/lighthouse-runs.mjs …   (a real 4× CPU slowdown)
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import chromium from "../e2e/chromium.json" with { type: "json" };

const [url, runsArg = "5", outDir] = process.argv.slice(2);
if (!url) {
  console.error("usage: node bench/lighthouse-runs.mjs <url> [runs] [out-dir]");
  process.exit(2);
}
const { default: lighthouse } = await import("lighthouse");
const chromeLauncher = await import("chrome-launcher");
const results = [];
for (let run = 1; run <= Number(runsArg); run++) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || chromium.executablePath,
    chromeFlags: ["--headless=new", ...chromium.args],
    logLevel: "silent",
  });
  try {
    const { lhr, artifacts } = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      // LH_THROTTLING=devtools slows the page for real (4× CPU): how a busy phone or machine loads it.
      ...(process.env.LH_THROTTLING ? { throttlingMethod: process.env.LH_THROTTLING } : {}),
    });
    const cls = lhr.audits["cumulative-layout-shift"].numericValue;
    // Lighthouse 12.2's own "layout-shifts" audit fails on this Chromium's traces
    // (a screenshot event it cannot read), so the shifts are read from the trace itself.
    const events = artifacts.Trace.traceEvents;
    const navigation = events.find((e) => e.name === "navigationStart" && e.args?.data?.isLoadingMainFrame);
    const shifts = events
      .filter((e) => e.name === "LayoutShift" && !e.args?.data?.had_recent_input)
      .map((e) => ({
        atMs: navigation ? Math.round((e.ts - navigation.ts) / 1000) : null,
        score: Number((e.args.data.weighted_score_delta ?? e.args.data.score).toFixed(4)),
        nodes: (e.args.data.impacted_nodes ?? []).map((node) => ({
          name: node.debug_name,
          from: node.old_rect,
          to: node.new_rect,
        })),
      }));
    const result = {
      run,
      performance: Math.round(lhr.categories.performance.score * 100),
      cls,
      lcpMs: Math.round(lhr.audits["largest-contentful-paint"].numericValue),
      tbtMs: Math.round(lhr.audits["total-blocking-time"].numericValue),
      shifts,
    };
    results.push(result);
    console.log(JSON.stringify(result));
    if (outDir) {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(path.join(outDir, `run-${run}.json`), JSON.stringify(lhr));
    }
  } finally {
    chrome.kill();
  }
}
const clsValues = results.map((r) => r.cls);
console.log(
  `${results.length} runs: performance ${results.map((r) => r.performance).join(", ")}; CLS ${clsValues.map((c) => c.toFixed(3)).join(", ")}`,
);
