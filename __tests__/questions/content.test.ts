/**
 * @jest-environment node
 *
 * The real content of the ai-talent-race article, checked end to end: the
 * files on disk, the loader that validates them, and what the reader sees.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ARTICLES_DIR, loadArticleBundle, type ArticleBundle } from "@/app/_server/content-files";
import {
  allSentences,
  articleText,
  bodySentences,
  segmentSentence,
  sortedGlossary,
} from "@/questions/article";
import { articleSchema, vocabularySchema, type Term } from "@/questions/schema";
import { ContentError } from "@/questions/validate";

const SLUG = "ai-talent-race";
const ARTICLE_DIR = path.join(ARTICLES_DIR, SLUG);
const SHARED_SOURCE = path.join(process.cwd(), "..", "shared", "source-article.fr.txt");
/** SHA-256 of the article as the team received it, so the check holds even where shared/ is absent. */
const ORIGINAL_SHA256 = "02a68d4c4a676c99a2642f0428c6aa151b6acdea324c6bbb74a6acf8ed02205a";

function readJsonFile(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8")) as unknown;
}

let bundle: ArticleBundle;
beforeAll(() => {
  bundle = loadArticleBundle(SLUG);
});

function term(id: string): Term {
  const found = bundle.vocabulary.find((t) => t.id === id);
  if (!found) throw new Error(`no term with id "${id}"`);
  return found;
}

describe("article.json and source.fr.txt", () => {
  const article = articleSchema.parse(readJsonFile(path.join(ARTICLE_DIR, "article.json")));
  const source = readFileSync(path.join(ARTICLE_DIR, "source.fr.txt"), "utf8");

  it("gives back the source text exactly when its sentences are joined", () => {
    expect(articleText(article)).toBe(source);
    expect(source.split("\n")).toHaveLength(7);
    expect(source.startsWith("Les premiers grands gagnants de la course à l'IA surhumaine")).toBe(true);
    expect(source.endsWith("pour des postes liés à l'IA.")).toBe(true);
  });

  it("keeps source.fr.txt identical to the original article", () => {
    expect(
      createHash("sha256")
        .update(readFileSync(path.join(ARTICLE_DIR, "source.fr.txt")))
        .digest("hex"),
    ).toBe(ORIGINAL_SHA256);
    // Where the shared original sits beside the checkout (here and in CI), compare with it too.
    const shared = existsSync(SHARED_SOURCE) ? readFileSync(SHARED_SOURCE, "utf8") : source;
    expect(source).toBe(shared);
  });

  it("has a title and 15 body sentences in 6 paragraphs, with unique ids in reading order", () => {
    expect(article.slug).toBe(SLUG);
    expect(article.title.id).toBe("title");
    expect(article.paragraphs).toHaveLength(6);
    expect(article.paragraphs.map((p) => p.id)).toEqual(["p1", "p2", "p3", "p4", "p5", "p6"]);
    expect(article.paragraphs.map((p) => p.sentences.length)).toEqual([2, 3, 3, 2, 2, 3]);
    expect(bodySentences(article).map((s) => s.id)).toEqual(
      Array.from({ length: 15 }, (_, i) => `s${i + 1}`),
    );
    const ids = allSentences(article).map((s) => s.id);
    expect(ids).toHaveLength(16);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every sentence French without surrounding spaces and an English translation", () => {
    for (const sentence of allSentences(article)) {
      expect(sentence.fr).toBe(sentence.fr.trim());
      expect(sentence.en.trim().length).toBeGreaterThan(0);
    }
  });
});

describe("the loaded bundle and its vocabulary", () => {
  it("loads and validates", () => {
    expect(bundle.article.slug).toBe(SLUG);
    expect(bundle.source).toBe(readFileSync(path.join(ARTICLE_DIR, "source.fr.txt"), "utf8"));
    expect(vocabularySchema.safeParse(readJsonFile(path.join(ARTICLE_DIR, "vocabulary.json"))).success).toBe(
      true,
    );
  });

  it("glosses at least 40 terms, with unique ids", () => {
    expect(bundle.vocabulary.length).toBeGreaterThanOrEqual(40);
    const ids = bundle.vocabulary.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ["se livrer une bataille sans merci", "se livrent une bataille sans merci", "s2"],
    ["maison mère", "maison mère", "s3"],
    ["débaucher", "débauché", "s5"],
    ["cambriolage", "cambriolage", "s10"],
    ["saisie de données", "saisie de données", "s14"],
  ])("glosses %s (as %s in %s)", (lemma, surface, sentenceId) => {
    const found = bundle.vocabulary.find((t) => t.lemma === lemma);
    expect(found).toBeDefined();
    expect(found?.surfaces).toContain(surface);
    expect(found?.sentenceIds).toContain(sentenceId);
  });

  it("knows the gender of the seed's nouns", () => {
    expect(term("maison-mere").gender).toBe("f");
    expect(term("cambriolage").gender).toBe("m");
  });

  it("sorts the glossary alphabetically by lemma, the French way", () => {
    const collator = new Intl.Collator("fr", { sensitivity: "base" });
    const key = (t: Term) => t.lemma.replace(/^(se |s')/i, "");
    const sorted = sortedGlossary(bundle.vocabulary);
    expect(sorted).toHaveLength(bundle.vocabulary.length);
    expect(new Set(sorted)).toEqual(new Set(bundle.vocabulary));
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1] as Term, sorted[i] as Term];
      expect([a.lemma, b.lemma, collator.compare(key(a), key(b)) <= 0]).toEqual([a.lemma, b.lemma, true]);
    }
    const at = (lemma: string) => sorted.findIndex((t) => t.lemma === lemma);
    // Accented letters file with their base letter, not after "z".
    expect(at("effectuer")).toBeLessThan(at("également"));
    expect(at("également")).toBeLessThan(at("emploi"));
    // Reflexive verbs file under the verb.
    expect(at("lié à")).toBeLessThan(at("se livrer une bataille sans merci"));
    expect(at("se livrer une bataille sans merci")).toBeLessThan(at("maison mère"));
    expect(at("moitié")).toBeLessThan(at("se multiplier"));
    expect(sorted[0]?.lemma).toBe("action");
    // The vocabulary itself is left in its order.
    expect(bundle.vocabulary.map((t) => t.id)).toEqual(
      (readJsonFile(path.join(ARTICLE_DIR, "vocabulary.json")) as { id: string }[]).map((t) => t.id),
    );
  });
});

describe("segmentSentence on the real sentences", () => {
  it("marks multi-word expressions whole", () => {
    const s2 = allSentences(bundle.article).find((s) => s.id === "s2");
    expect(s2).toBeDefined();
    if (!s2) return;
    const segments = segmentSentence(s2, bundle.vocabulary);
    expect(segments).toContainEqual({
      text: "se livrent une bataille sans merci",
      termId: "se-livrer-une-bataille-sans-merci",
    });
    expect(segments).toContainEqual({ text: "géants technologiques", termId: "geant-technologique" });
  });
});

describe("broken content", () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), "glose-content-"));
    cpSync(ARTICLE_DIR, path.join(root, SLUG), { recursive: true });
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const fileIn = (name: string) => path.join(root, SLUG, name);
  /** The path the loader names in its errors: relative to the working directory. */
  const shown = (name: string) => path.relative(process.cwd(), fileIn(name));

  function edit<T>(name: string, change: (data: T) => void): void {
    const data = readJsonFile(fileIn(name)) as T;
    change(data);
    writeFileSync(fileIn(name), JSON.stringify(data, null, 2));
  }

  type RawTerm = Record<string, unknown> & { id: string };
  type RawArticle = {
    slug: string;
    title: { fr: string };
    paragraphs: { id: string; sentences: Record<string, unknown>[] }[];
  };

  function editTerm(id: string, change: (t: RawTerm) => void): number {
    let index = -1;
    edit<RawTerm[]>("vocabulary.json", (terms) => {
      index = terms.findIndex((t) => t.id === id);
      const found = terms[index];
      if (!found) throw new Error(`no term "${id}" to corrupt`);
      change(found);
    });
    return index;
  }

  function loadError(): ContentError {
    try {
      loadArticleBundle(SLUG, root);
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      return error as ContentError;
    }
    throw new Error("loadArticleBundle accepted broken content");
  }

  function expectError(file: string, ...parts: string[]): ContentError {
    const error = loadError();
    expect(error.file).toBe(shown(file));
    expect(error.file.endsWith(path.join(SLUG, file))).toBe(true);
    expect(error.message).toContain(shown(file));
    for (const part of parts) expect(error.message).toContain(part);
    return error;
  }

  it("loads an untouched copy (so each failure below is the corruption's doing)", () => {
    const copy = loadArticleBundle(SLUG, root);
    expect(copy.vocabulary).toEqual(bundle.vocabulary);
    expect(copy.article).toEqual(bundle.article);
  });

  it("names the entry of a noun without a gender", () => {
    const index = editTerm("maison-mere", (t) => delete t.gender);
    expect(index).toBeGreaterThanOrEqual(0);
    expectError("vocabulary.json", `entry ${index} (id "maison-mere"), field "gender": required for nouns`);
  });

  it("names the entry of a verb given a gender", () => {
    const index = editTerm("debaucher", (t) => (t.gender = "m"));
    expectError(
      "vocabulary.json",
      `entry ${index} (id "debaucher"), field "gender": only nouns have a gender`,
    );
  });

  it("names the entry whose surface is not in the sentence it claims", () => {
    const index = editTerm("cambriolage", (t) => (t.sentenceIds = ["s9"]));
    expectError(
      "vocabulary.json",
      `entry ${index} (id "cambriolage"): field "surfaces": none of them occurs in sentence "s9"`,
      `entry ${index} (id "cambriolage"): field "surfaces": "cambriolage" occurs in none of its sentences`,
    );
  });

  it("names the entry whose surface is misspelt", () => {
    const index = editTerm("debaucher", (t) => (t.surfaces = ["débauchés"]));
    expectError(
      "vocabulary.json",
      `entry ${index} (id "debaucher"): field "surfaces": none of them occurs in sentence "s5"`,
    );
  });

  it("does not match a surface inside a longer word", () => {
    const index = editTerm("remuneration", (t) => (t.surfaces = ["rémunération"]));
    expectError(
      "vocabulary.json",
      `entry ${index} (id "remuneration"): field "surfaces": none of them occurs in sentence "title"`,
    );
  });

  it("names the entry that points at a sentence that does not exist", () => {
    const index = editTerm("cambriolage", (t) => (t.sentenceIds = ["s10", "s99"]));
    expectError(
      "vocabulary.json",
      `entry ${index} (id "cambriolage"): field "sentenceIds": no sentence "s99" in article.json`,
    );
  });

  it("names a duplicated id", () => {
    let index = -1;
    edit<RawTerm[]>("vocabulary.json", (terms) => {
      terms.push({ ...(terms[0] as RawTerm) });
      index = terms.length - 1;
    });
    const first = bundle.vocabulary[0]?.id;
    expectError("vocabulary.json", `entry ${index} (id "${first}"): field "id": used twice`);
  });

  it("names the field of a term with too few wrong glosses or an unknown part of speech", () => {
    const index = editTerm("cambriolage", (t) => {
      t.wrongGlosses = ["kidnapping"];
      t.pos = "noun phrase";
    });
    expectError(
      "vocabulary.json",
      `entry ${index} (id "cambriolage"), field "wrongGlosses"`,
      `entry ${index} (id "cambriolage"), field "pos"`,
    );
  });

  it("names the sentence whose text was changed by one word", () => {
    edit<RawArticle>("article.json", (article) => {
      const s10 = article.paragraphs[3]?.sentences[1];
      if (!s10 || s10.id !== "s10") throw new Error("s10 is not where this test expects it");
      s10.fr = String(s10.fr).replace("cambriolage", "vol");
    });
    expectError(
      "article.json",
      `field "paragraphs", entry 3 (id "p4"), field "sentences", entry 1 (id "s10"), field "fr"`,
      "differ from source.fr.txt",
      `data has "vol.`,
      `source has "cambriolage.`,
    );
  });

  it("names the title when it was changed", () => {
    edit<RawArticle>("article.json", (article) => {
      article.title.fr = article.title.fr.replace("premiers", "derniers");
    });
    expectError(
      "article.json",
      `field "title", field "fr": the sentences joined differ from source.fr.txt at character 4`,
    );
  });

  it("names the sentence of a missing translation", () => {
    edit<RawArticle>("article.json", (article) => {
      delete article.paragraphs[0]?.sentences[1]?.en;
    });
    expectError(
      "article.json",
      `field "paragraphs", entry 0 (id "p1"), field "sentences", entry 1 (id "s2"), field "en"`,
    );
  });

  it("rejects a slug that does not match the folder", () => {
    edit<RawArticle>("article.json", (article) => {
      article.slug = "ai-talent-war";
    });
    expectError("article.json", `field "slug": "ai-talent-war" must match the folder "${SLUG}"`);
  });

  it.each(["vocabulary.json", "article.json"])("rejects invalid JSON in %s", (name) => {
    writeFileSync(fileIn(name), readFileSync(fileIn(name), "utf8").trimEnd() + ",");
    expect(() => readJsonFile(fileIn(name))).toThrow(SyntaxError);
    expectError(name, "not valid JSON");
  });
});
