/**
 * @jest-environment node
 *
 * Re-importing the seed article from its source text and its English, with
 * no help from its own glossary: the same sentences, the same English on
 * each, the hand-glossed terms read right and suggested.
 */
import { loadLexicon } from "@/app/_server/analysis/lexicon-files";
import { loadArticleBundle, type ArticleBundle } from "@/app/_server/content-files";
import { allSentences } from "@/questions/article";
import { allAnalysedSentences, analyseText, type TextAnalysis } from "@/questions/analysis/analyse";
import { buildDraft } from "@/questions/analysis/draft";
import { suggestionRecall, termAnalysis } from "@/questions/analysis/evaluation";
import { buildGlossary } from "@/questions/analysis/glossary";
import { checkBank } from "@/questions/bank-checks";
import { checkArticleText, checkVocabulary } from "@/questions/consistency";
import { checkFacts } from "@/questions/fact-checks";
import { factsSchema } from "@/questions/fact-schema";
import { buildQuestionBank } from "@/questions/generate";
import { articleSchema, vocabularySchema } from "@/questions/schema";
import { englishBlock, SEED } from "./helpers";

jest.setTimeout(30_000);

let seed: ArticleBundle;
let analysis: TextAnalysis;

beforeAll(() => {
  seed = loadArticleBundle(SEED);
  // An empty glossary: the seed's own glosses must not help it.
  analysis = analyseText(
    { text: seed.source, english: englishBlock(seed.article) },
    { lexicon: loadLexicon() },
  );
});

describe("re-importing the seed", () => {
  it("gives back the same title, paragraphs and sentences, with the same ids", () => {
    expect(analysis.title?.fr).toBe(seed.article.title.fr);
    expect(
      analysis.paragraphs.map((p) => ({
        id: p.id,
        sentences: p.sentences.map((s) => ({ id: s.id, fr: s.fr })),
      })),
    ).toEqual(
      seed.article.paragraphs.map((p) => ({
        id: p.id,
        sentences: p.sentences.map((s) => ({ id: s.id, fr: s.fr })),
      })),
    );
    expect(analysis.source).toBe(seed.source);
  });

  it("aligns the English 15 of 15, one to one with confidence, and puts the same English on every sentence", () => {
    const body = seed.article.paragraphs.flatMap((p) => p.sentences);
    expect(body).toHaveLength(15);
    expect(analysis.alignment).toMatchObject({ confident: 15, frenchSentences: 15, englishSentences: 15 });
    expect(analysis.alignment?.pairs.every((p) => p.type === "1-1" && !p.lowConfidence)).toBe(true);
    const expected = new Map(allSentences(seed.article).map((s) => [s.id, s.en]));
    for (const sentence of allAnalysedSentences(analysis))
      expect([sentence.id, sentence.en]).toEqual([sentence.id, expected.get(sentence.id)]);
  });

  it("reads lemma, part of speech and noun gender right for at least 95 %, 90 % and 95 % of the glossed terms", () => {
    const result = termAnalysis(analysis, seed.vocabulary);
    const total = seed.vocabulary.length;
    expect(total).toBe(65);
    const wrong = result.readings.filter((r) => !r.lemmaRight || !r.posRight || r.genderRight === false);
    // Printed on failure: which terms went wrong, and how.
    expect({
      lemma: result.lemma / total >= 0.95,
      pos: result.pos / total >= 0.9,
      gender: result.gender / result.nouns >= 0.95,
      wrong,
    }).toMatchObject({
      lemma: true,
      pos: true,
      gender: true,
    });
  });

  it("ranks suggestions that contain at least 80 % of the hand-glossed terms", () => {
    const { found, missed } = suggestionRecall(analysis, seed.vocabulary);
    expect({ recall: found.length / seed.vocabulary.length >= 0.8, missed }).toMatchObject({ recall: true });
    // A ranked list, not the whole text: at most one suggestion per five words.
    expect(analysis.suggestions.length).toBeLessThanOrEqual(Math.ceil(analysis.wordCount / 5) + 1);
    for (const s of analysis.suggestions) {
      expect(s.lemma.length).toBeGreaterThan(0);
      if (s.pos === "noun") expect(["m", "f"]).toContain(s.gender);
    }
  });

  it("suggests the gloss from Glose's glossary when an article already glossed the lemma", () => {
    const withGlossary = analyseText(
      { text: seed.source, english: englishBlock(seed.article) },
      {
        lexicon: loadLexicon(),
        glossary: buildGlossary([{ slug: SEED, vocabulary: seed.vocabulary }]),
      },
    );
    const cadre = withGlossary.suggestions.find((s) => s.lemma === "cadre");
    expect(cadre).toMatchObject({ gloss: "executive, manager", glossSource: "glossary" });
    expect(cadre?.reasons).toContain("glossary");
  });

  it("finds the names and numbers of the text", () => {
    const s4 = allAnalysedSentences(analysis).find((s) => s.id === "s4");
    expect(s4?.names.map((n) => [n.text, n.kind])).toEqual([
      ["Mark Zuckerberg", "person"],
      ["Alexandr Wang", "person"],
      ["Scale AI", "organisation"],
    ]);
    expect(s4?.quantities.map((q) => [q.text, q.en])).toEqual([
      ["14,3 milliards de dollars", "$14.3 billion"],
    ]);
    const s2 = allAnalysedSentences(analysis).find((s) => s.id === "s2");
    expect(s2?.quantities[0]).toMatchObject({
      text: "des dizaines de millions de dollars",
      quantity: { format: "magnitude" },
    });
  });

  it("estimates the level with its reasons", () => {
    expect(analysis.level.level).toBe(seed.article.level);
    expect(analysis.level.reasons.map((r) => r.code)).toEqual([
      "vocabulary",
      "sentence-length",
      "expressions",
    ]);
    for (const reason of analysis.level.reasons) {
      expect(reason.en).toMatch(/\d/);
      expect(reason.fr).toMatch(/\d/);
    }
  });

  it("makes a draft that passes every content check and a bank with no invalid question", () => {
    const lexicon = loadLexicon();
    const draft = buildDraft(analysis, { slug: "seed-draft", outsiders: seed.outsiders, lexicon });
    expect(articleSchema.safeParse(draft.article).success).toBe(true);
    expect(vocabularySchema.safeParse(draft.vocabulary).success).toBe(true);
    expect(factsSchema.safeParse(draft.facts).success).toBe(true);
    expect(checkArticleText(draft.article, draft.source)).toEqual([]);
    expect(checkVocabulary(draft.article, draft.vocabulary)).toEqual([]);
    const outsiders = { ...seed.outsiders, ...draft.outsiders };
    expect(checkFacts(draft.article, draft.facts, outsiders)).toEqual([]);
    const bank = buildQuestionBank({
      article: draft.article,
      vocabulary: draft.vocabulary,
      facts: draft.facts,
      outsiders,
    });
    expect(checkBank(draft.article, bank)).toEqual([]);
    expect(draft.facts.every((f) => f.draft === true)).toBe(true);
  });
});
