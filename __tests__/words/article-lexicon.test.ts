/**
 * @jest-environment node
 *
 * Coverage counts words by lemma. With the lexicon plugged in, "sont" and
 * "est" are one word a learner knows (être), not two; a plural is its
 * singular; and what the reader saves for a selected form matches.
 */
import { getArticleWords } from "@/app/_server/article-words";
import { loadArticleBundle } from "@/app/_server/content-files";
import { allSentences } from "@/questions/article";
import { articleWords } from "@/questions/words/article-words";
import { coverage, lemmaOf } from "@/questions/words/coverage";

const SLUG = "ai-talent-race";

describe("an article's words with the lexicon", () => {
  const words = getArticleWords(SLUG);
  const bundle = loadArticleBundle(SLUG);
  const glossaryOnly = articleWords(bundle.article, bundle.vocabulary);

  it("counts inflected forms under one lemma, so fewer distinct words than with lower case alone", () => {
    expect(words).not.toBeNull();
    const lemmas = Object.keys(words!.lemmas);
    expect(lemmas.length).toBeLessThan(Object.keys(glossaryOnly.lemmas).length - 5);
    const running = (profile: { lemmas: Record<string, number> }) =>
      Object.values(profile.lemmas).reduce((a, b) => a + b, 0);
    expect(running(words!)).toBe(running(glossaryOnly));
  });

  it("saves a selected verb form or plural under its dictionary form", () => {
    const text = allSentences(bundle.article)
      .map((s) => s.fr)
      .join(" ");
    const forms = Object.keys(words!.forms);
    const verbForms = ["sont", "est", "ont", "a"].filter((f) => new RegExp(`\\b${f}\\b`, "i").test(text));
    expect(verbForms.length).toBeGreaterThan(0);
    for (const form of verbForms) expect(["être", "avoir"]).toContain(lemmaOf(words!, form));
    const plural = forms.find((f) => f === "entreprises" || f === "ingénieurs" || f === "salaires");
    expect(plural).toBeDefined();
    expect(lemmaOf(words!, plural!)).toBe(plural!.replace(/s$/, ""));
  });

  it("keeps the glossary's lemma for its terms and coverage's key for elisions", () => {
    for (const term of bundle.vocabulary) {
      const one = term.surfaces.find((s) => /^\p{L}+$/u.test(s));
      if (one) expect(lemmaOf(words!, one)).toBe(term.lemma.toLocaleLowerCase("fr"));
    }
    expect(lemmaOf(words!, "l'")).toBe("le");
    expect(lemmaOf(words!, "qu’")).toBe("que");
  });

  it("knowing être and avoir covers more of the text than knowing the forms 'est' and 'a'", () => {
    const withLexicon = coverage(words!, new Set(["être", "avoir"]));
    const without = coverage(glossaryOnly, new Set(["être", "avoir"]));
    expect(withLexicon.known).toBeGreaterThan(without.known);
  });
});
