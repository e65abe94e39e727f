/**
 * @jest-environment node
 *
 * The fact base and the outsiders: the files on disk, the loader's checks,
 * and the small pieces of French and arithmetic the generator relies on.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  ARTICLES_DIR,
  loadArticleBundle,
  OUTSIDERS_FILE,
  type ArticleBundle,
} from "@/app/_server/content-files";
import { allSentences, indexOfWord } from "@/questions/article";
import { factsSchema, outsidersSchema, templateSlots } from "@/questions/fact-schema";
import { fitsAfter, inSentence, joinFrench } from "@/questions/french";
import { normalizeForComparison, sameText } from "@/questions/normalize";
import { formatNumber, formatQuantity, isPlausibleScale, rescaledQuantities } from "@/questions/quantity";
import { createRandom, hashString, sample, shuffle } from "@/questions/random";
import { ContentError } from "@/questions/validate";

const SLUG = "ai-talent-race";
const ARTICLE_DIR = path.join(ARTICLES_DIR, SLUG);

function readJsonFile(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8")) as unknown;
}

let bundle: ArticleBundle;
beforeAll(() => {
  bundle = loadArticleBundle(SLUG);
});

describe("facts.json", () => {
  it("parses, with at least 22 facts and unique ids", () => {
    const facts = factsSchema.parse(readJsonFile(path.join(ARTICLE_DIR, "facts.json")));
    expect(facts.length).toBeGreaterThanOrEqual(22);
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    expect(bundle.facts).toEqual(facts);
  });

  it("covers every paragraph and most sentences (the bank's other kinds cover the rest)", () => {
    const covered = new Set(bundle.facts.map((f) => f.sentenceId));
    const body = allSentences(bundle.article).filter((s) => s.id !== "title");
    expect(body.filter((s) => covered.has(s.id)).length).toBeGreaterThanOrEqual(body.length - 2);
    for (const paragraph of bundle.article.paragraphs) {
      expect(paragraph.sentences.some((s) => covered.has(s.id))).toBe(true);
    }
  });

  it("marks what a general reader knows as world knowledge and asks nothing of it", () => {
    const known = bundle.facts.flatMap((f) =>
      Object.entries(f.slots)
        .filter(([, slot]) => slot.worldKnowledge)
        .map(([name, slot]) => ({ fact: f, name, fr: slot.fr })),
    );
    expect(known.map((k) => k.fr)).toEqual(expect.arrayContaining(["Facebook", "Mark Zuckerberg"]));
    for (const { fact, name } of known) {
      expect([fact.id, [...fact.questions.map((q) => q.ask), ...fact.trueFalse, ...fact.cloze]]).not.toEqual([
        fact.id,
        expect.arrayContaining([name]),
      ]);
    }
  });

  it("keeps every slot's French exactly as it stands in its sentence", () => {
    const sentences = new Map(allSentences(bundle.article).map((s) => [s.id, s.fr]));
    for (const fact of bundle.facts) {
      for (const [name, slot] of Object.entries(fact.slots)) {
        expect([fact.id, name, indexOfWord(sentences.get(fact.sentenceId) ?? "", slot.fr) >= 0]).toEqual([
          fact.id,
          name,
          true,
        ]);
      }
    }
  });

  it("types slots with the core types, and gives amounts and shares a number", () => {
    const types = new Set(bundle.facts.flatMap((f) => Object.values(f.slots).map((s) => s.type)));
    for (const type of ["person", "organisation", "role", "amount", "sector", "job", "share", "comparison"]) {
      expect([type, types.has(type)]).toEqual([type, true]);
    }
    for (const slot of bundle.facts.flatMap((f) => Object.values(f.slots))) {
      if (slot.type === "amount" || slot.type === "share") expect(slot.quantity).toBeDefined();
    }
  });

  it("uses only known slots in its templates, and restates each fact with all the slots it swaps", () => {
    for (const fact of bundle.facts) {
      for (const language of ["fr", "en"] as const) {
        const used = templateSlots(fact.statement[language]);
        for (const name of used) expect(Object.keys(fact.slots)).toContain(name);
        for (const name of fact.trueFalse) expect(used).toContain(name);
      }
    }
  });

  it("states the big figures of the article with their value", () => {
    const amounts = bundle.facts.flatMap((f) => Object.values(f.slots)).filter((s) => s.type === "amount");
    expect(amounts.map((a) => [a.fr, a.quantity?.value])).toEqual(
      expect.arrayContaining([
        ["des dizaines de millions de dollars", 1e7],
        ["14,3 milliards de dollars", 14.3e9],
        ["100 millions de dollars", 1e8],
      ]),
    );
  });
});

describe("outsiders.json", () => {
  it("parses and offers values for every slot type a fact asks about", () => {
    const outsiders = outsidersSchema.parse(readJsonFile(OUTSIDERS_FILE));
    expect(bundle.outsiders).toEqual(outsiders);
    for (const type of ["organisation", "role", "amount", "sector", "job", "share"]) {
      expect((outsiders[type] ?? []).length).toBeGreaterThanOrEqual(3);
    }
  });

  it("holds no famous names that world knowledge rules out", () => {
    const famous =
      /Pichai|Nadella|Altman|Huang|Cook|Amodei|Hassabis|Jassy|Microsoft|Apple|Amazon|Google|YouTube|TikTok/;
    for (const values of Object.values(bundle.outsiders)) {
      for (const value of values) expect(value.fr).not.toMatch(famous);
    }
  });

  it("never repeats a value inside a type", () => {
    for (const [type, values] of Object.entries(bundle.outsiders)) {
      const keys = values.map((v) => normalizeForComparison(v.fr));
      expect([type, new Set(keys).size]).toEqual([type, keys.length]);
    }
  });

  it("carries gender and number wherever the article's key of that category does", () => {
    const keys = bundle.facts.flatMap((f) => Object.values(f.slots)).filter((s) => s.gender && s.category);
    for (const key of keys) {
      const sameCategory = (bundle.outsiders[key.type] ?? []).filter((o) => o.category === key.category);
      for (const value of sameCategory)
        expect([value.fr, value.gender, value.number].every(Boolean)).toBe(true);
    }
  });
});

describe("broken fact files", () => {
  let dir: string;
  let articles: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "glose-facts-"));
    articles = path.join(dir, "articles");
    cpSync(ARTICLE_DIR, path.join(articles, SLUG), { recursive: true });
    cpSync(OUTSIDERS_FILE, path.join(dir, "outsiders.json"));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const factsFile = () => path.join(articles, SLUG, "facts.json");
  const shown = (file: string) => path.relative(process.cwd(), file);

  type RawFact = Record<string, unknown> & { id: string; slots: Record<string, Record<string, unknown>> };

  function editFact(id: string, change: (fact: RawFact) => void): number {
    const facts = readJsonFile(factsFile()) as RawFact[];
    const index = facts.findIndex((f) => f.id === id);
    const fact = facts[index];
    if (!fact) throw new Error(`no fact "${id}" to corrupt`);
    change(fact);
    writeFileSync(factsFile(), JSON.stringify(facts, null, 2));
    return index;
  }

  function loadError(): ContentError {
    try {
      loadArticleBundle(SLUG, articles);
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      return error as ContentError;
    }
    throw new Error("loadArticleBundle accepted broken content");
  }

  function expectError(file: string, ...parts: string[]): void {
    const error = loadError();
    expect(error.file).toBe(shown(file));
    for (const part of parts) expect(error.message).toContain(part);
  }

  it("loads an untouched copy (so each failure below is the corruption's doing)", () => {
    const copy = loadArticleBundle(SLUG, articles);
    expect(copy.facts).toEqual(bundle.facts);
    expect(copy.outsiders).toEqual(bundle.outsiders);
  });

  it("names the entry and field of a missing statement", () => {
    const index = editFact("s3-meta-parent-of-facebook", (f) => delete f.statement);
    expectError(factsFile(), `entry ${index} (id "s3-meta-parent-of-facebook"), field "statement"`);
  });

  it("names the entry and field of a wrongly typed value", () => {
    const index = editFact("s4-investment-of-14-3-billion", (f) => {
      const amount = f.slots.amount as { quantity: { value: unknown } };
      amount.quantity.value = "14,3";
    });
    expectError(
      factsFile(),
      `entry ${index} (id "s4-investment-of-14-3-billion"), field "slots", field "amount", field "quantity", field "value"`,
    );
  });

  it("names an unknown field (the schema is strict)", () => {
    const index = editFact("s6-talent-war-reflects-tech-sector", (f) => (f.sentense = "s6"));
    expectError(factsFile(), `entry ${index} (id "s6-talent-war-reflects-tech-sector")`, "sentense");
  });

  it("names a question that asks about a slot the fact does not have", () => {
    const index = editFact("s10-research-head-memo", (f) => {
      (f.questions as { ask: string }[])[0]!.ask = "metaphor";
    });
    expectError(
      factsFile(),
      `entry ${index} (id "s10-research-head-memo"), field "questions", entry 0, field "ask": no slot named "metaphor"`,
    );
  });

  it("names an evidence sentence that does not exist", () => {
    const index = editFact("s7-superintelligence-depends-on-human-work", (f) => (f.sentenceId = "s99"));
    expectError(
      factsFile(),
      `entry ${index} (id "s7-superintelligence-depends-on-human-work"): field "sentenceId": no sentence "s99"`,
    );
  });

  it("names a slot whose French is not in its sentence", () => {
    const index = editFact(
      "s10-situation-compared-to-burglary",
      (f) => (f.slots.comparison!.fr = "un braquage"),
    );
    expectError(
      factsFile(),
      `entry ${index} (id "s10-situation-compared-to-burglary"): field "slots.comparison.fr": "un braquage" does not occur in sentence "s10"`,
    );
  });

  it("names an amount whose words disagree with its value", () => {
    const index = editFact("s9-packages-near-100-million", (f) => {
      (f.slots.amount as { quantity: { value: number } }).quantity.value = 1e9;
    });
    expectError(
      factsFile(),
      `entry ${index} (id "s9-packages-near-100-million"): field "slots.amount.quantity": fr "100 millions de dollars" does not match its value, which reads "1 milliard de dollars"`,
    );
  });

  it("names a slot type that has no values to draw distractors from", () => {
    const index = editFact(
      "s10-situation-compared-to-burglary",
      (f) => (f.slots.comparison!.type = "comparaison"),
    );
    expectError(
      factsFile(),
      `entry ${index} (id "s10-situation-compared-to-burglary"): field "cloze.0": slot "comparison" has 0 usable wrong value(s) of type "comparaison"`,
    );
  });

  it("names a fact id used twice", () => {
    const facts = readJsonFile(factsFile()) as RawFact[];
    facts[1]!.id = facts[0]!.id;
    writeFileSync(factsFile(), JSON.stringify(facts));
    expectError(factsFile(), `entry 1 (id "${facts[0]!.id}"), field "id": "${facts[0]!.id}" is used twice`);
  });

  it("reports a file that is not JSON", () => {
    writeFileSync(factsFile(), "[{ oops");
    expectError(factsFile(), "not valid JSON");
  });

  it("refuses an article without a fact base", () => {
    unlinkSync(factsFile());
    expectError(factsFile(), "file is missing");
  });

  it("names the type, entry and field of a broken outsider", () => {
    const file = path.join(dir, "outsiders.json");
    const outsiders = readJsonFile(file) as Record<string, Record<string, unknown>[]>;
    delete outsiders.organisation![2]!.en;
    writeFileSync(file, JSON.stringify(outsiders));
    expectError(file, `field "organisation", entry 2, field "en"`);
  });
});

describe("French where values meet the sentence", () => {
  it.each([
    ["Meta a débauché des chercheurs de ", "Anthropic", "Meta a débauché des chercheurs d’Anthropic"],
    ["Le directeur de ", "OpenAI", "Le directeur d’OpenAI"],
    ["jusqu'à ", "les trois quarts", "jusqu'aux trois quarts"],
    ["vulnérables à ", "le climat", "vulnérables au climat"],
    ["dépend ", "de l'emploi", "dépend de l'emploi"],
    ["la maison mère de ", "Facebook", "la maison mère de Facebook"],
  ])("joins %j and %j", (before, value, expected) => {
    expect(joinFrench(before, value)).toBe(expected);
  });

  it("fits a blank only with values that keep elision and contraction right", () => {
    expect(fitsAfter("PDG de ", "Scale AI", "Brex")).toBe(true);
    expect(fitsAfter("PDG de ", "Scale AI", "OpenAI")).toBe(false);
    expect(fitsAfter("chercheurs d'", "OpenAI", "Anthropic")).toBe(true);
    expect(fitsAfter("chercheurs d'", "OpenAI", "Google")).toBe(false);
    expect(fitsAfter("jusqu'à ", "la moitié", "les trois quarts")).toBe(false);
    expect(fitsAfter("jusqu'à ", "la moitié", "un tiers")).toBe(true);
  });

  it("lowers a sentence-initial capital but keeps proper nouns and acronyms", () => {
    expect(inSentence("Les géants technologiques", false)).toBe("les géants technologiques");
    expect(inSentence("PDG", false)).toBe("PDG");
    expect(inSentence("OpenAI", true)).toBe("OpenAI");
  });
});

describe("quantities", () => {
  const amount = (value: number) => ({ value, format: "decimal" as const, unit: "USD" as const });

  it("words amounts the French and the English way", () => {
    expect(formatQuantity(amount(14.3e9), "fr")).toBe("14,3 milliards de dollars");
    expect(formatQuantity(amount(14.3e9), "en")).toBe("$14.3 billion");
    expect(formatQuantity(amount(1.43e9), "fr")).toBe("1,43 milliard de dollars");
    expect(formatQuantity(amount(1e8), "fr")).toBe("100 millions de dollars");
    expect(formatQuantity(amount(500000), "fr")).toBe("500 000 dollars");
    expect(formatQuantity(amount(500000), "en")).toBe("$500,000");
    expect(formatQuantity({ value: 1e7, format: "magnitude", unit: "USD" }, "fr")).toBe(
      "des dizaines de millions de dollars",
    );
    expect(formatQuantity({ value: 1e7, format: "magnitude", unit: "USD" }, "en")).toBe(
      "tens of millions of dollars",
    );
    expect(formatNumber(1234.5, "fr")).toBe("1 234,5");
  });

  it("changes numbers on a plausible scale: a misplaced comma, half, double", () => {
    expect(rescaledQuantities(amount(14.3e9)).map((r) => r.fr)).toEqual([
      "1,43 milliard de dollars",
      "143 milliards de dollars",
      "7,2 milliards de dollars",
      "28,6 milliards de dollars",
    ]);
    expect(rescaledQuantities(amount(1e8)).map((r) => r.en)).toEqual([
      "$10 million",
      "$1 billion",
      "$50 million",
      "$200 million",
    ]);
  });

  it("moves vague magnitudes by a hundredfold or more, never to the neighbouring one", () => {
    const key = { value: 1e7, format: "magnitude" as const, unit: "USD" as const };
    const values = rescaledQuantities(key).map((r) => r.quantity.value);
    expect(values).toEqual(expect.arrayContaining([1e5, 1e9]));
    for (const value of values) expect(Math.abs(Math.log10(value / 1e7))).toBeGreaterThanOrEqual(2);
    expect(isPlausibleScale(key, { ...key, value: 1e8 })).toBe(false);
  });

  it("keeps rescaled values away from silly scales", () => {
    expect(isPlausibleScale(amount(1e8), amount(1e9))).toBe(true);
    expect(isPlausibleScale(amount(1e8), amount(14.3e9))).toBe(false);
    expect(isPlausibleScale(amount(1e8), amount(3))).toBe(false);
  });
});

describe("normalising and seeding", () => {
  it("compares options without case, accents, punctuation or extra spaces", () => {
    expect(sameText("  L’Emploi ", "l'emploi")).toBe(true);
    expect(sameText("Développer", "developper")).toBe(true);
    expect(sameText("Meta", "Méta ")).toBe(true);
    expect(sameText("Meta", "Metas")).toBe(false);
  });

  it("gives the same sequence for the same seed, another for another seed", () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffle(items, createRandom(7))).toEqual(shuffle(items, createRandom(7)));
    expect(shuffle(items, createRandom(7))).not.toEqual(shuffle(items, createRandom(8)));
    expect([...shuffle(items, createRandom("x"))].sort((a, b) => a - b)).toEqual(items);
    expect(sample(items, 5, createRandom(1))).toHaveLength(5);
    expect(hashString("ai-talent-race")).toBe(hashString("ai-talent-race"));
  });
});
