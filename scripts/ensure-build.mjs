// `npm start` and the browser tests serve the production build: build first when
// there is none, or when the sources changed since (a stale build would test old code).
import { execSync } from "node:child_process";
import { existsSync, readFileSync, statSync, readdirSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const buildId = path.join(root, ".next", "BUILD_ID");
const WATCHED = [
  "app",
  "questions",
  "locales",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "i18n-config.ts",
  "next.config.js",
  "serwist.config.mjs",
  "package-lock.json",
];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // Only files count: a folder's own time changes when the service worker build
  // rewrites public/sw.js, which would make every build look stale.
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (target.endsWith("public") && /^(sw|swe-worker-.*)\.js(\.map)?$/.test(entry)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...WATCHED.map((p) => newestMtime(path.join(root, p))));

const serviceWorkerMissing = !existsSync(path.join(root, "public", "sw.js"));

if (!builtAt || serviceWorkerMissing || changedAt > builtAt || process.env.GLOSE_FORCE_BUILD === "1") {
  console.log(
    builtAt ? "Sources changed since the last build: building…" : "No production build yet: building…",
  );
  execSync("npm run -s build", { stdio: "inherit" });
} else {
  console.log(`Using the production build ${readFileSync(buildId, "utf8").trim()}.`);
}
