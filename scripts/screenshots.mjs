// Screenshots of pages at a phone and a desktop size, to look at by eye:
//   node scripts/screenshots.mjs http://localhost:3000 /en /fr/read/ai-talent-race
import { chromium as playwright } from "playwright-core";
import chromium from "../e2e/chromium.json" with { type: "json" };
import { mkdirSync } from "node:fs";

const [base = "http://localhost:3000", ...paths] = process.argv.slice(2);
const out = "test-results/screenshots";
mkdirSync(out, { recursive: true });
const browser = await playwright.launch({
  executablePath: process.env.CHROMIUM_PATH ?? chromium.executablePath,
  args: chromium.args,
});
for (const [w, h] of [
  [360, 740],
  [1280, 800],
]) {
  const context = await browser.newContext({
    viewport: { width: w, height: h },
    colorScheme: process.env.SCHEME ?? "light",
  });
  const page = await context.newPage();
  for (const p of paths.length ? paths : ["/en"]) {
    await page.goto(base + p, { waitUntil: "load" });
    const name = `${out}/${p.replace(/[^a-z0-9]+/gi, "_")}-${w}.png`;
    await page.screenshot({ path: name, fullPage: process.env.FULL === "1" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    console.log(name, overflow ? "HORIZONTAL OVERFLOW" : "");
  }
  await context.close();
}
await browser.close();
