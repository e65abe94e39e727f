// First-load weight of a page as a browser fetches it: the HTML and every
// script it references, each gzipped the way a server would send it.
import { gzipSync } from "node:zlib";

export async function measurePage(baseURL, path) {
  const response = await fetch(new URL(path, baseURL), { redirect: "follow" });
  const html = await response.text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  const unique = [...new Set(scripts)];
  let jsRaw = 0;
  let jsGzip = 0;
  for (const src of unique) {
    const body = Buffer.from(await (await fetch(new URL(src, baseURL))).arrayBuffer());
    jsRaw += body.length;
    jsGzip += gzipSync(body, { level: 9 }).length;
  }
  const htmlBytes = Buffer.byteLength(html);
  return {
    path,
    status: response.status,
    htmlBytes,
    htmlGzip: gzipSync(Buffer.from(html), { level: 9 }).length,
    scripts: unique.length,
    jsRaw,
    jsGzip,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [base = "http://localhost:3000", ...paths] = process.argv.slice(2);
  for (const path of paths.length ? paths : ["/en", "/en/read/ai-talent-race", "/en/quiz/ai-talent-race"]) {
    const m = await measurePage(base, path);
    console.log(
      `${m.path.padEnd(30)} html ${(m.htmlBytes / 1024).toFixed(1)} kB (gz ${(m.htmlGzip / 1024).toFixed(1)})  js ${m.scripts} files, gz ${(m.jsGzip / 1024).toFixed(1)} kB`,
    );
  }
}
