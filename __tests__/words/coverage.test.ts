import {
  bandOf,
  coverage,
  glossaryLemmatizer,
  lemmaOf,
  lemmaProfile,
  lowerCaseLemmatizer,
  tokenize,
  unsavedLemmas,
  type Lemmatizer,
} from "@/questions/words/coverage";
import { articleText } from "@/questions/article";
import { loadArticleBundle } from "@/app/_server/content-files";

describe("coverage", () => {
  it("splits French into running words: elisions apart, hyphenated words whole, numbers out", () => {
    expect(tokenize("L'IA d’aujourd'hui : 14,3 milliards, multi-millions !")).toEqual([
      "L'",
      "IA",
      "d’",
      "aujourd'hui",
      "milliards",
      "multi-millions",
    ]);
  });

  it("the default lemmatizer lower-cases and expands elisions; the glossary adds its forms", () => {
    expect(lowerCaseLemmatizer("L'")).toBe("le");
    expect(lowerCaseLemmatizer("Qu’")).toBe("que");
    expect(lowerCaseLemmatizer("Talents")).toBe("talents");
    const withGlossary = glossaryLemmatizer([
      {
        id: "talent",
        surfaces: ["talents", "Alors que"],
        lemma: "talent",
        pos: "noun",
        gender: "m",
        gloss: "talent",
        wrongGlosses: ["a", "b", "c"],
        level: "B1",
        sentenceIds: ["s1"],
      },
    ]);
    expect(withGlossary("Talents")).toBe("talent");
    expect(withGlossary("alors")).toBe("alors"); // multi-word surfaces do not map single words
  });

  it("accepts another lemmatizer, such as a lexicon's", () => {
    const lexicon: Lemmatizer = (token) =>
      ({ recrute: "recruter", recrutent: "recruter" })[token.toLowerCase()] ?? token.toLowerCase();
    const profile = lemmaProfile(["Meta recrute.", "Ils recrutent."], lexicon);
    expect(profile.lemmas).toEqual({ meta: 1, recruter: 2, ils: 1 });
    expect(profile.forms).toEqual({ recrute: "recruter", recrutent: "recruter" });
    expect(lemmaOf(profile, " Recrutent ")).toBe("recruter");
    expect(lemmaOf(profile, "L’")).toBe("le");
    expect(lemmaOf(profile, "inconnu")).toBe("inconnu");
  });

  it("counts running words: known over all but ignored", () => {
    const profile = lemmaProfile(["le chat et le chien et le Meta"], lowerCaseLemmatizer);
    // le ×3, chat, et ×2, chien, meta: 8 words
    const result = coverage(profile, new Set(["le", "et", "chat"]), new Set(["meta"]));
    expect(result).toEqual({ known: 6, total: 7, ratio: 6 / 7, band: "hard" });
    expect(coverage(lemmaProfile([""], lowerCaseLemmatizer), new Set()).ratio).toBe(0);
    expect(unsavedLemmas(profile, new Set(["le", "meta"]))).toEqual(["chat", "chien", "et"]);
  });

  it("places a text against the 95–98 % band", () => {
    expect(bandOf(0.9)).toBe("hard");
    expect(bandOf(0.95)).toBe("supported");
    expect(bandOf(0.979)).toBe("supported");
    expect(bandOf(0.98)).toBe("comfortable");
  });

  it("profiles the real article: every running word counted once", () => {
    const { article, vocabulary } = loadArticleBundle("ai-talent-race");
    const text = articleText(article);
    const profile = lemmaProfile([text], glossaryLemmatizer(vocabulary));
    const total = Object.values(profile.lemmas).reduce((sum, n) => sum + n, 0);
    expect(total).toBe(tokenize(text).length);
    expect(profile.lemmas["rémunération"]).toBeGreaterThanOrEqual(3);
    expect(profile.forms["rémunérations"]).toBe("rémunération");
    const all = new Set(Object.keys(profile.lemmas));
    expect(coverage(profile, all)).toMatchObject({ ratio: 1, band: "comfortable" });
  });
});
