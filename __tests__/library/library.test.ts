/**
 * @jest-environment node
 *
 * The library's data: every text once with its levels, and what a device
 * remembers of each (read to the end, best quiz score).
 */
import { loadAllArticleBundles } from "@/app/_server/content-files";
import { bestQuizPercentage } from "@/app/_lib/quiz-best";
import { markRead, readRecords, READ_KEY } from "@/app/_lib/reading-records";
import { articleFigures } from "@/questions/article";
import { libraryEntries, libraryLevels } from "@/questions/library";

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe("libraryEntries", () => {
  const bundles = loadAllArticleBundles();
  const entries = libraryEntries(bundles);

  it("lists every text once, the seed with its three levels, the original first shown", () => {
    expect(entries.map((e) => e.id)).toEqual(["ai-talent-race", "crues-vionne", "refuge-combe-noire"]);
    const seed = entries[0];
    expect(seed?.levels.map((l) => [l.level, l.slug])).toEqual([
      ["A2", "ai-talent-race-a2"],
      ["B1", "ai-talent-race-b1"],
      ["B2", "ai-talent-race"],
    ]);
    expect(seed?.defaultSlug).toBe("ai-talent-race");
    expect(seed?.source).toBe("repository");
    expect(seed?.topic).toEqual({ en: "Technology and work", fr: "Technologie et travail" });
    expect(entries.find((e) => e.id === "crues-vionne")?.levels.map((l) => l.level)).toEqual(["C1"]);
  });

  it("gives each level the figures a learner weighs before reading", () => {
    for (const entry of entries) {
      for (const level of entry.levels) {
        const bundle = bundles.find((b) => b.article.slug === level.slug);
        if (!bundle) throw new Error(`no bundle for ${level.slug}`);
        const figures = articleFigures(bundle.article, bundle.vocabulary);
        expect(level).toEqual({
          level: bundle.article.level,
          slug: level.slug,
          title: { fr: bundle.article.title.fr, en: bundle.article.title.en },
          wordCount: figures.wordCount,
          readingMinutes: figures.readingMinutes,
          termCount: figures.termCount,
        });
      }
    }
  });

  it("offers the levels some text is written at, easiest first", () => {
    expect(libraryLevels(entries)).toEqual(["A2", "B1", "B2", "C1"]);
  });
});

describe("what a device remembers", () => {
  it("marks a text read, keeping the others, and reads back nothing from a damaged record", () => {
    const storage = memoryStorage();
    markRead("ai-talent-race-a2", 10, storage);
    markRead("crues-vionne", 20, storage);
    expect(readRecords(storage)).toEqual({ "ai-talent-race-a2": 10, "crues-vionne": 20 });
    expect(readRecords(memoryStorage({ [READ_KEY]: "not json" }))).toEqual({});
    expect(readRecords(memoryStorage({ [READ_KEY]: '["a"]' }))).toEqual({});
    expect(readRecords(memoryStorage({ [READ_KEY]: '{"a": "soon", "b": 3}' }))).toEqual({ b: 3 });
  });

  it("finds the best score of the finished quizzes on a text, retry rounds left out", () => {
    const saved = (history: unknown) =>
      memoryStorage({
        "glose-quiz:self-study:refuge-combe-noire": JSON.stringify({ state: { history }, version: 1 }),
      });
    expect(
      bestQuizPercentage(
        "refuge-combe-noire",
        saved([
          { percentage: 60, isRetry: false },
          { percentage: 100, isRetry: true },
          { percentage: 80, isRetry: false },
        ]),
      ),
    ).toBe(80);
    expect(bestQuizPercentage("refuge-combe-noire", saved([]))).toBeNull();
    expect(
      bestQuizPercentage("refuge-combe-noire", saved([{ percentage: 140 }, { percentage: "80" }])),
    ).toBeNull();
    expect(bestQuizPercentage("refuge-combe-noire", memoryStorage())).toBeNull();
    expect(
      bestQuizPercentage(
        "refuge-combe-noire",
        memoryStorage({ "glose-quiz:self-study:refuge-combe-noire": "{" }),
      ),
    ).toBeNull();
  });
});
