/**
 * @jest-environment node
 *
 * `npm run questions`: the summary, the JSON export teachers and the
 * assignment API rely on, and the exit code on broken content.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  ARTICLES_DIR,
  OUTSIDERS_FILE,
  listArticleSlugs,
  loadAllArticleBundles,
} from "@/app/_server/content-files";
import { buildQuestionBank } from "@/questions/generate";
import { QUESTION_KINDS } from "@/questions/question-kinds";

jest.setTimeout(60_000);

const SLUGS = listArticleSlugs();
const TSX = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");

function run(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [TSX, "--conditions=react-server", "scripts/questions.ts", ...args],
    {
      cwd: process.cwd(),
      encoding: "utf8",
      // The banks of every article as JSON pass the default 1 MB.
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run questions", () => {
  it("prints a summary of the bank and exits 0", () => {
    const { status, stdout, stderr } = run();
    expect(stderr).toBe("");
    expect(status).toBe(0);
    for (const slug of SLUGS) expect(stdout).toContain(`${slug}:`);
    for (const kind of QUESTION_KINDS) {
      expect(stdout).toMatch(new RegExp(`${kind}\\s+\\d+`));
    }
    expect(stdout).toMatch(/facts asked:\s+(\d+)\/\1/);
    expect(stdout).toMatch(/variants per fact, kind and language: min \d+ · avg [\d.]+ · max \d+/);
    // Every body sentence; the title may go unasked.
    const covered = [...stdout.matchAll(/sentences covered:\s+(\d+)\/(\d+)(.*)/g)];
    expect(covered).toHaveLength(SLUGS.length);
    for (const [, done, total, rest] of covered) {
      expect([done, rest]).toEqual(
        done === total ? [total, ""] : [String(Number(total) - 1), " (no question: title)"],
      );
    }
  });

  it("prints only the bank as a JSON array with --json, with exactly the public keys", () => {
    const { status, stdout } = run("--json");
    expect(status).toBe(0);
    const parsed = JSON.parse(stdout) as Record<string, unknown>[];
    expect(Array.isArray(parsed)).toBe(true);
    // Every article's bank, one after the other.
    const bank = loadAllArticleBundles().flatMap((bundle) => buildQuestionBank(bundle));
    expect(parsed).toHaveLength(bank.length);
    expect(parsed.map((q) => q.id)).toEqual(bank.map((q) => q.id));
    for (const q of parsed) {
      expect(Object.keys(q)).toEqual([
        "id",
        "kind",
        "prompt",
        "options",
        "answerId",
        "evidenceSentenceId",
        "explanation",
        "difficulty",
      ]);
      for (const option of q.options as Record<string, unknown>[])
        expect(Object.keys(option)).toEqual(["id", "text"]);
      expect(Object.keys(q.explanation as object)).toEqual(["en", "fr"]);
    }
  });

  describe("on broken content", () => {
    let dir: string;
    let articles: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), "glose-cli-"));
      articles = path.join(dir, "articles");
      cpSync(ARTICLES_DIR, articles, { recursive: true });
      cpSync(OUTSIDERS_FILE, path.join(dir, "outsiders.json"));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it("runs on an intact copy", () => {
      expect(run("--root", articles).status).toBe(0);
    });

    it("exits 1 naming the file, the entry and the field", () => {
      const file = path.join(articles, "ai-talent-race", "facts.json");
      const facts = JSON.parse(readFileSync(file, "utf8")) as { id: string; sentenceId: string }[];
      facts[2]!.sentenceId = "s42";
      writeFileSync(file, JSON.stringify(facts, null, 2));
      const { status, stdout, stderr } = run("--root", articles, "--json");
      expect(status).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toContain(path.relative(process.cwd(), file));
      expect(stderr).toContain(`entry 2 (id "${facts[2]!.id}"): field "sentenceId": no sentence "s42"`);
    });

    it("exits 1 on a schema error too", () => {
      const file = path.join(articles, "ai-talent-race", "facts.json");
      const facts = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>[];
      delete facts[0]!.statement;
      writeFileSync(file, JSON.stringify(facts, null, 2));
      const { status, stderr } = run("--root", articles);
      expect(status).toBe(1);
      expect(stderr).toContain("facts.json");
      expect(stderr).toContain(`entry 0 (id "${String(facts[0]!.id)}"), field "statement"`);
    });

    it("exits 1 naming a discourse entry whose words are not in its sentence", () => {
      const file = path.join(articles, "ai-talent-race", "discourse.json");
      const discourse = JSON.parse(readFileSync(file, "utf8")) as {
        references: { surface: string; sentenceId: string }[];
      };
      const reference = discourse.references[0]!;
      reference.surface = "Cette bataille des talents";
      writeFileSync(file, JSON.stringify(discourse, null, 2));
      const { status, stderr } = run("--root", articles);
      expect(status).toBe(1);
      expect(stderr).toContain("discourse.json");
      expect(stderr).toContain(
        `field "surface": "Cette bataille des talents" does not occur in sentence "${reference.sentenceId}"`,
      );
    });
  });

  describe("--audit and --sample", () => {
    it("prints the bank's quality figures", () => {
      const { status, stdout } = run("--audit");
      expect(status).toBe(0);
      for (const figure of [
        "odd one out",
        "stem–evidence overlap",
        "transparent cognates",
        "items per sentence",
        "duplicates",
        "true/false in drawn quizzes",
        "options per item",
        "main ideas with an option naming what the paragraph does not",
        "items per fact",
        "drawn quizzes holding one item in two languages",
        "drawn quizzes holding items that answer each other",
        "main ideas with a wrong answer reversing the paragraph",
        "comprehension stems cueing the surprising answer",
        "10-question quizzes (setup's kinds)",
        "shorter than their kinds allow",
        "review sample of the whole bank as quizzes of 10",
        "headlines marked",
        "false statements swap",
        "items sharing two wrong answers or more",
      ]) {
        expect(stdout).toContain(figure);
      }
    });

    it("writes a stratified sample for a blind review, the same for the same seed", () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "glose-sample-"));
      try {
        const out = path.join(dir, "sample.md");
        expect(
          run("--sample", "40", "--seed", "12345", "--slug", "ai-talent-race", "--out", out).status,
        ).toBe(0);
        const text = readFileSync(out, "utf8");
        expect(text).toContain("40 items drawn at random with seed 12345");
        expect(text.match(/^### \d+\. /gm)).toHaveLength(40);
        expect(text.match(/^- key: \*\*[A-D]\*\*/gm)).toHaveLength(40);
        // Drawn as the quizzes a learner could meet, of at most 10 items each: as few as the items
        // that answer each other allow (a sample short of vocabulary holds more of them).
        const forms = Number(/They come as (\d+) quizzes/.exec(text)?.[1]);
        expect(forms).toBeGreaterThanOrEqual(4);
        expect(text.match(new RegExp(`^## Quiz \\d+ of ${forms}$`, "gm"))).toHaveLength(forms);
        for (const form of text.split(/^## Quiz /m).slice(1))
          expect(form.match(/^### \d+\. /gm)?.length).toBeLessThanOrEqual(10);
        for (const kind of QUESTION_KINDS) expect(text).toContain(`- kind: ${kind} `);
        expect(run("--sample", "40", "--seed", "12345", "--slug", "ai-talent-race").stdout).toBe(text);
        expect(run("--sample", "40", "--seed", "54321", "--slug", "ai-talent-race").stdout).not.toBe(text);
        // Without --slug, one sample per article.
        expect(run("--sample", "10", "--seed", "12345").stdout.match(/^### \d+\. /gm)).toHaveLength(
          10 * SLUGS.length,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("refuses a sample without a seed", () => {
      const { status, stderr } = run("--sample", "60");
      expect(status).toBe(2);
      expect(stderr).toContain("--seed");
    });

    it("names an option it does not know and shows how to call it, instead of a stack trace", () => {
      const { status, stderr } = run("--smaple", "60");
      expect(status).toBe(2);
      expect(stderr).toContain("'--smaple'");
      expect(stderr).toContain("--sample 60 --seed 7");
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(run("--help").stdout).toContain("Usage:");
    });
  });
});
