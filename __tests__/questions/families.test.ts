/**
 * @jest-environment node
 *
 * Levels of one article: the real families hold together (same fact ids,
 * asked at every level), and a broken family is refused with the article
 * and the fact named.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ARTICLES_DIR, loadAllArticleBundles, type ArticleBundle } from "@/app/_server/content-files";
import {
  checkFamilies,
  compareLevels,
  familyId,
  groupFamilies,
  type FamilyMember,
} from "@/questions/families";
import type { Fact } from "@/questions/fact-schema";
import { ContentError } from "@/questions/validate";

const SEED = "ai-talent-race";

let bundles: ArticleBundle[];
beforeAll(() => {
  bundles = loadAllArticleBundles();
});

const asks = (fact: Fact) => fact.questions.length + fact.trueFalse.length + fact.cloze.length > 0;
const sharedIds = (bundle: ArticleBundle) =>
  bundle.facts
    .filter((f) => !f.levelOnly)
    .map((f) => f.id)
    .sort();

describe("the families in questions/articles", () => {
  it("groups the seed with its A2 and B1 rewrites, easiest first, and every other article alone", () => {
    const families = groupFamilies(bundles.map((b) => b.article));
    expect(families.find((f) => f.id === SEED)?.levels).toEqual([
      { level: "A2", slug: "ai-talent-race-a2" },
      { level: "B1", slug: "ai-talent-race-b1" },
      { level: "B2", slug: "ai-talent-race" },
    ]);
    for (const family of families.filter((f) => f.id !== SEED)) expect(family.levels).toHaveLength(1);
    expect(families.map((f) => f.id)).toHaveLength(new Set(families.map((f) => f.id)).size);
  });

  it("passes the family checks", () => {
    expect(checkFamilies(bundles)).toEqual([]);
  });

  it("gives every level of the seed every fact of the seed, under the same id, asked at every level or at none", () => {
    const seed = bundles.find((b) => b.article.slug === SEED);
    const levels = bundles.filter((b) => familyId(b.article) === SEED);
    expect(seed).toBeDefined();
    expect(levels).toHaveLength(3);
    const seedIds = (seed?.facts ?? []).map((f) => f.id).sort();
    expect(seedIds.length).toBeGreaterThanOrEqual(20);
    for (const level of levels) {
      expect([level.article.slug, sharedIds(level)]).toEqual([level.article.slug, seedIds]);
      for (const fact of level.facts.filter((f) => !f.levelOnly)) {
        const original = seed?.facts.find((f) => f.id === fact.id);
        expect([level.article.slug, fact.id, asks(fact)]).toEqual([
          level.article.slug,
          fact.id,
          original ? asks(original) : false,
        ]);
      }
    }
  });

  it("points each shared fact at the level's own sentence, where its slots stand word for word", () => {
    for (const bundle of bundles.filter((b) => familyId(b.article) === SEED)) {
      const sentences = new Map(
        [bundle.article.title, ...bundle.article.paragraphs.flatMap((p) => p.sentences)].map((s) => [
          s.id,
          s.fr,
        ]),
      );
      for (const fact of bundle.facts) {
        const sentence = sentences.get(fact.sentenceId) ?? "";
        for (const slot of Object.values(fact.slots))
          expect([fact.id, sentence.includes(slot.fr)]).toEqual([fact.id, true]);
      }
    }
  });

  it("orders CEFR levels from A1 to C2", () => {
    expect(["C1", "A2", "B2", "B1"].sort((a, b) => compareLevels(a as "A1", b as "A1"))).toEqual([
      "A2",
      "B1",
      "B2",
      "C1",
    ]);
  });
});

describe("a broken family", () => {
  const fact = (id: string, extra: Partial<Fact> = {}): Fact => ({
    id,
    sentenceId: "s1",
    subject: "x",
    slots: { x: { type: "person", fr: "Claire", en: "Claire" } },
    statement: { fr: "{x} est là.", en: "{x} is there." },
    questions: [],
    trueFalse: [],
    cloze: [],
    difficulty: 2,
    ...extra,
  });
  const member = (
    slug: string,
    level: FamilyMember["article"]["level"],
    facts: Fact[],
    family = "t",
  ): FamilyMember => ({
    article: { slug, family, level },
    facts,
  });
  const asking = { cloze: ["x"] };

  it("names the level that lacks a shared fact, and the level that has it", () => {
    expect(
      checkFamilies([member("t", "B2", [fact("a"), fact("b")]), member("t-a2", "A2", [fact("a")])]),
    ).toEqual([
      expect.stringContaining(
        't-a2/facts.json: fact "b" is missing: every level of "t" states the shared facts ("t" has it',
      ),
    ]);
  });

  it("accepts a fact only one level states when it says so, and refuses one levelOnly here and shared there", () => {
    expect(
      checkFamilies([
        member("t", "B2", [fact("a")]),
        member("t-a2", "A2", [fact("a"), fact("own", { levelOnly: true })]),
      ]),
    ).toEqual([]);
    expect(
      checkFamilies([
        member("t", "B2", [fact("a"), fact("b")]),
        member("t-a2", "A2", [fact("a"), fact("b", { levelOnly: true })]),
      ]),
    ).toEqual([expect.stringContaining('t-a2/facts.json: fact "b" is levelOnly here but shared in "t"')]);
  });

  it("refuses a shared fact asked at one level and not at another", () => {
    expect(
      checkFamilies([member("t", "B2", [fact("a", asking)]), member("t-a2", "A2", [fact("a")])]),
    ).toEqual([
      expect.stringContaining('t-a2/facts.json: fact "a" asks nothing there but asks something in "t"'),
    ]);
  });

  it("refuses two members at one level, and a family named after an article outside it", () => {
    expect(checkFamilies([member("t", "B1", [fact("a")]), member("t-b1", "B1", [fact("a")])])).toEqual([
      't-b1/article.json: field "level": B1 is already the level of "t" in family "t"',
    ]);
    expect(
      checkFamilies([member("t", "B1", [fact("a")], "other"), member("t-a2", "A2", [fact("a")], "t")]),
    ).toEqual([
      expect.stringContaining('t-a2/article.json: field "family": "t" is the slug of an article outside'),
    ]);
  });
});

describe("loading a folder of articles with a broken family", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), "glose-families-"));
    for (const slug of [SEED, "ai-talent-race-a2"]) {
      cpSync(path.join(ARTICLES_DIR, slug), path.join(root, "articles", slug), { recursive: true });
    }
    cpSync(path.join(ARTICLES_DIR, "..", "outsiders.json"), path.join(root, "outsiders.json"));
    const file = path.join(root, "articles", "ai-talent-race-a2", "facts.json");
    const facts = JSON.parse(readFileSync(file, "utf8")) as { id: string }[];
    writeFileSync(
      file,
      JSON.stringify(
        facts.filter((f) => f.id !== "s7-superintelligence-depends-on-human-work"),
        null,
        2,
      ),
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("throws a content error naming the article and the fact", () => {
    let error: unknown;
    try {
      loadAllArticleBundles(path.join(root, "articles"));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect(String((error as Error).message)).toContain(
      'ai-talent-race-a2/facts.json: fact "s7-superintelligence-depends-on-human-work" is missing',
    );
  });

  it("makes npm run questions exit 1 with that message", () => {
    const run = spawnSync(
      "npx",
      ["tsx", "--conditions=react-server", "scripts/questions.ts", "--root", path.join(root, "articles")],
      {
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('fact "s7-superintelligence-depends-on-human-work" is missing');
  });
});
