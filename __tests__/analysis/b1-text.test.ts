/**
 * @jest-environment node
 *
 * An original B1 text far from technology (a shared garden in Lyon), written
 * for these tests with its English: it imports with no error, its level reads
 * B1, and its draft gives a quiz of at least 30 questions that passes the
 * bank's quality rules with no hand-written fact.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadLexicon } from "@/app/_server/analysis/lexicon-files";
import { loadArticleBundle, loadOutsiders } from "@/app/_server/content-files";
import { allSentences, indexOfWord } from "@/questions/article";
import { analyseText, type TextAnalysis } from "@/questions/analysis/analyse";
import { buildDraft, type DraftContent } from "@/questions/analysis/draft";
import { buildGlossary } from "@/questions/analysis/glossary";
import { checkBank } from "@/questions/bank-checks";
import { checkArticleText, checkVocabulary } from "@/questions/consistency";
import { checkFacts } from "@/questions/fact-checks";
import { fitsAfter } from "@/questions/french";
import { generateQuestionBank, type GeneratedQuestion } from "@/questions/generate";
import { BLANK, pointsBack } from "@/questions/generators/cloze";
import { normalizeForComparison } from "@/questions/normalize";
import { QUESTION_KINDS, type Question } from "@/questions/question-types";
import { buildQuiz } from "@/questions/quiz";
import { conflictingPairs } from "@/questions/conflicts";
import { SEED } from "./helpers";

jest.setTimeout(30_000);

const FIXTURES = path.join(__dirname, "fixtures");
const read = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

let analysis: TextAnalysis;
let draft: DraftContent;
let generated: GeneratedQuestion[];
let bank: Question[];
let sentences: Map<string, string>;

beforeAll(() => {
  const lexicon = loadLexicon();
  const glossary = buildGlossary([{ slug: SEED, vocabulary: loadArticleBundle(SEED).vocabulary }]);
  analysis = analyseText(
    { text: read("jardin-partage.fr.txt"), english: read("jardin-partage.en.txt") },
    { lexicon, glossary },
  );
  const shared = loadOutsiders();
  draft = buildDraft(analysis, { slug: "jardin-partage", outsiders: shared, lexicon, glossary });
  const outsiders = { ...shared, ...draft.outsiders };
  generated = generateQuestionBank({
    article: draft.article,
    vocabulary: draft.vocabulary,
    facts: draft.facts,
    outsiders,
  });
  bank = generated.map((g) => g.question);
  sentences = new Map(allSentences(draft.article).map((s) => [s.id, s.fr]));
});

const keyOf = (q: Question) => q.options.find((o) => o.id === q.answerId)?.text ?? "";

describe("the B1 test text", () => {
  it("is about 300 words, analyses as B1 and aligns its translation sentence by sentence", () => {
    expect(analysis.wordCount).toBeGreaterThanOrEqual(280);
    expect(analysis.wordCount).toBeLessThanOrEqual(330);
    expect(analysis.level.level).toBe("B1");
    expect(analysis.alignment?.confident).toBe(analysis.alignment?.frenchSentences);
    expect(analysis.warnings).toEqual([]);
  });

  it("finds its people, places and numbers", () => {
    const names = analysis.paragraphs
      .flatMap((p) => p.sentences)
      .flatMap((s) => s.names.map((n) => `${n.text}:${n.kind}`));
    expect(names).toEqual(
      expect.arrayContaining([
        "Claire Dubois:person",
        "Karim Benali:person",
        "Villeurbanne:place",
        "Les Mains Vertes:organisation",
      ]),
    );
    expect(analysis.title?.names.map((n) => `${n.text}:${n.kind}`)).toEqual(["Lyon:place"]);
    const numbers = analysis.paragraphs
      .flatMap((p) => p.sentences)
      .flatMap((s) => s.quantities.map((q) => q.text));
    expect(numbers).toEqual(expect.arrayContaining(["42", "10", "1 euro", "12", "2026"]));
  });

  it("makes a draft that every content check accepts, all of it marked as a draft", () => {
    expect(checkArticleText(draft.article, draft.source)).toEqual([]);
    expect(checkVocabulary(draft.article, draft.vocabulary)).toEqual([]);
    expect(checkFacts(draft.article, draft.facts, { ...loadOutsiders(), ...draft.outsiders })).toEqual([]);
    expect(draft.article.draft).toBe(true);
    expect(draft.facts.length).toBeGreaterThanOrEqual(25);
    expect(draft.facts.every((f) => f.draft)).toBe(true);
    expect(draft.vocabulary.every((t) => t.draft)).toBe(true);
  });

  it("gives a bank that passes the bank checks, with questions on names, numbers and words", () => {
    expect(checkBank(draft.article, bank)).toEqual([]);
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
    const topics = new Set(bank.map((q) => q.topicId));
    expect(topics.size).toBeGreaterThanOrEqual(30);
    expect(bank.some((q) => /-(person|place)-/.test(q.topicId) && q.kind === "true-false")).toBe(true);
    expect(bank.some((q) => /-number-/.test(q.topicId) && q.kind === "cloze")).toBe(true);
    expect(bank.some((q) => /-word-/.test(q.topicId) && q.kind === "cloze")).toBe(true);
  });

  it("gives a quiz in each language of distinct questions over at least three kinds, none answering another", () => {
    for (const language of ["en", "fr"] as const) {
      // A draft asks a cloze and a true/false statement on most sentences, and each shows the
      // other's answer; since round 4 no quiz asks about a sentence another item shows, so a
      // 30-question request gets about one item per sentence: two in three of them at least.
      const quiz = buildQuiz(bank, { seed: 2026, count: 30, kinds: [...QUESTION_KINDS], language });
      expect(quiz.length).toBeGreaterThanOrEqual(Math.ceil((2 / 3) * sentences.size));
      expect(conflictingPairs(quiz)).toEqual([]);
      expect(new Set(quiz.map((q) => q.id)).size).toBe(quiz.length);
      const stems = quiz.map((q) => `${q.prompt}|${keyOf(q)}`).map(normalizeForComparison);
      expect(new Set(stems).size).toBe(quiz.length);
      expect(new Set(quiz.map((q) => q.kind)).size).toBeGreaterThanOrEqual(3);
      expect(checkBank(draft.article, quiz)).toEqual([]);
    }
  });

  it("keeps every key in its evidence sentence and every cloze whole once filled", () => {
    for (const q of bank) {
      const sentence = sentences.get(q.evidenceSentenceId) ?? "";
      expect([q.id, indexOfWord(sentence, q.support) >= 0]).toEqual([q.id, true]);
      if (q.kind === "cloze") {
        // A sentence that points back ("Selon lui, …") comes after the sentence before it.
        const filled = q.passage?.replace(BLANK, keyOf(q)) ?? "";
        const whole = filled === sentence || (pointsBack(sentence) && filled.endsWith(` ${sentence}`));
        expect([q.id, filled, whole]).toEqual([q.id, filled, true]);
        expect(keyOf(q)).toBe(q.support);
      }
    }
  });

  it("fits every cloze option to its gap: same gender and number, elision kept, never a word of the sentence", () => {
    for (const { question: q, meta } of generated.filter((g) => g.question.kind === "cloze")) {
      const before = q.passage?.split(BLANK)[0] ?? "";
      const key = meta.key;
      const slot = draft.facts.find((f) => f.id === meta.factId)?.slots[meta.slot ?? ""];
      for (const d of meta.distractors ?? []) {
        if (slot?.gender) expect([q.id, d.gender]).toEqual([q.id, slot.gender]);
        if (slot?.number) expect([q.id, d.number]).toEqual([q.id, slot.number]);
        if (slot?.category) expect([q.id, d.category]).toEqual([q.id, slot.category]);
        expect([q.id, fitsAfter(before, key?.fr ?? "", d.fr)]).toEqual([q.id, true]);
        if (slot?.type === "word")
          expect([q.id, indexOfWord(sentences.get(q.evidenceSentenceId) ?? "", d.fr)]).toEqual([q.id, -1]);
      }
    }
  });

  it("makes statements false only by swapping in another name or number the text gives, or a rescaled one", () => {
    const falses = generated.filter((g) => g.question.kind === "true-false" && g.meta.truth === false);
    expect(falses.length).toBeGreaterThan(5);
    for (const { question: q, meta } of falses) {
      expect(["article", "rescaled", "outsider"]).toContain(meta.swapped?.source);
      if (meta.swapped?.source === "outsider") expect(meta.swapped.quantity?.format).toBe("fraction");
      expect(q.passage).not.toMatch(/\b(ne|n['’]|pas|jamais)\b/);
    }
  });

  it("spreads the key over the four positions and rarely makes it the longest option", () => {
    const four = bank.filter((q) => q.options.length === 4);
    const positions = [0, 0, 0, 0];
    let longest = 0;
    for (const q of four) {
      const at = q.options.findIndex((o) => o.id === q.answerId);
      positions[at] = (positions[at] ?? 0) + 1;
      if (q.options.every((o, i) => i === at || o.text.length < keyOf(q).length)) longest++;
    }
    for (const count of positions) expect(count / four.length).toBeGreaterThanOrEqual(0.15);
    expect(longest / four.length).toBeLessThanOrEqual(0.4);
  });

  it("never lets French punctuation start a line in the French we write", () => {
    const quoted = [...sentences.values()].sort((a, b) => b.length - a.length);
    for (const q of bank) {
      const ours = [...quoted, q.passage ?? ""].reduce(
        (rest, s) => (s ? rest.split(s).join("…") : rest),
        q.prompt,
      );
      expect({ id: q.id, breakable: ours.match(/ [:;!?%»]|« /g) ?? [] }).toEqual({ id: q.id, breakable: [] });
      expect(q.explanation.fr.includes(sentences.get(q.evidenceSentenceId) ?? "\u0000")).toBe(true);
    }
  });
});
