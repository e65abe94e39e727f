// @ts-check
// Builds the service worker after `next build` (Serwist's configurator mode,
// which works with Turbopack and sees the prerendered pages to precache them).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { serwist } from "@serwist/next/config";

const articlesDir = path.join(process.cwd(), "questions", "articles");
const slugs = readdirSync(articlesDir).filter((slug) =>
  existsSync(path.join(articlesDir, slug, "article.json")),
);

/** Each article's question bank and word profile are static routes; their revision is the content they are built from. */
function bankRevision(slug) {
  const hash = createHash("sha256");
  for (const file of ["article.json", "vocabulary.json", "facts.json"]) {
    hash.update(readFileSync(path.join(articlesDir, slug, file)));
  }
  hash.update(readFileSync(path.join(process.cwd(), "questions", "outsiders.json")));
  hash.update(readFileSync(path.join(process.cwd(), ".next", "BUILD_ID")));
  return hash.digest("hex").slice(0, 16);
}

const buildId = readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();

export default serwist({
  swSrc: "app/sw/sw.ts",
  swDest: "public/sw.js",
  additionalPrecacheEntries: [
    ...slugs.map((slug) => ({ url: `/api/banks/${slug}`, revision: bankRevision(slug) })),
    // Coverage, "mark all the rest as known" and quiz mistakes read these, offline too.
    ...slugs.map((slug) => ({ url: `/api/words/${slug}`, revision: bankRevision(slug) })),
    ...["en", "fr"].map((lng) => ({ url: `/${lng}/manifest.webmanifest`, revision: buildId })),
  ],
  // The database and build caches are no business of the browser's.
  globIgnores: ["public/sw.js", "public/sw.js.map"],
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
});
