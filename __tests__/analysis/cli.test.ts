/**
 * @jest-environment node
 *
 * `npm run import`: a draft content folder that `npm run questions` accepts,
 * a report a teacher can read, and coded errors with exit code 1.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

jest.setTimeout(90_000);

const TSX = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
const FIXTURES = path.join(__dirname, "fixtures");

function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [TSX, "--conditions=react-server", script, ...args], {
    cwd: process.cwd(),
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let out: string;

beforeAll(() => {
  out = mkdtempSync(path.join(os.tmpdir(), "analysis-cli-"));
});

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe("npm run import", () => {
  it("writes a draft folder, prints the report, and the draft validates as any article", () => {
    const imported = run(
      "scripts/import.ts",
      path.join(FIXTURES, "jardin-partage.fr.txt"),
      "--en",
      path.join(FIXTURES, "jardin-partage.en.txt"),
      "--slug",
      "jardin-partage",
      "--out",
      out,
    );
    expect(imported.stderr).toBe("");
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("Estimated level: B1");
    expect(imported.stdout).toContain("18 of 18 one-to-one with confidence");
    expect(imported.stdout).toMatch(/Suggested terms: \d+/);
    expect(imported.stdout).toMatch(/cloze\s+\d+/);
    const dir = path.join(out, "jardin-partage");
    for (const file of ["source.fr.txt", "article.json", "vocabulary.json", "facts.json", "suggestions.json"])
      expect([file, existsSync(path.join(dir, file))]).toEqual([file, true]);
    expect(JSON.parse(readFileSync(path.join(dir, "article.json"), "utf8"))).toMatchObject({
      slug: "jardin-partage",
      draft: true,
      level: "B1",
    });

    const validated = run("scripts/questions.ts", "--root", out);
    expect(validated.stderr).toBe("");
    expect(validated.status).toBe(0);
    expect(validated.stdout).toContain("jardin-partage:");
  });

  it("refuses to replace an existing article without --force", () => {
    const again = run(
      "scripts/import.ts",
      path.join(FIXTURES, "jardin-partage.fr.txt"),
      "--slug",
      "jardin-partage",
      "--out",
      out,
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds an article; add --force/);
  });

  it("drafts a text with no translation, the French alone", () => {
    const imported = run(
      "scripts/import.ts",
      path.join(FIXTURES, "jardin-partage.fr.txt"),
      "--slug",
      "sans-traduction",
      "--out",
      out,
    );
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("Translation: none given");
    const article = JSON.parse(readFileSync(path.join(out, "sans-traduction", "article.json"), "utf8")) as {
      paragraphs: { sentences: { en: string }[] }[];
    };
    expect(article.paragraphs[0]?.sentences[0]?.en).toBe("(no translation yet)");
    expect(run("scripts/questions.ts", "--root", out).status).toBe(0);
  });

  it("exits 1 with a coded message on bad input", () => {
    const empty = path.join(out, "empty.txt");
    writeFileSync(empty, "   \n");
    const result = run("scripts/import.ts", empty, "--out", out);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("error [empty-text]: The text is empty. Paste a French text to analyse.\n");
    const missing = run("scripts/import.ts", path.join(out, "nope.txt"), "--out", out);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^error: ENOENT/);
  });
});
