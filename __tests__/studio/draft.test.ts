/**
 * @jest-environment node
 *
 * The studio's draft operations and its build to content, as plain
 * functions: what a teacher's edits do to sentence ids and to everything that
 * points at them, what the build refuses and why, and that a repository
 * article goes through the studio and comes out the same article.
 */
import { loadArticleBundle, loadOutsiders, readArticleFiles } from "@/app/_server/content-files";
import { buildQuestionBank } from "@/questions/generate";
import { buildArticle, type StudioProblem } from "@/questions/studio/build";
import {
  draftSentences,
  studioDraftSchema,
  type StudioDraft,
  type TeacherFact,
} from "@/questions/studio/draft";
import {
  plainNumber,
  proposeWrongAnswers,
  quantityMatches,
  removeBaseFact,
  saveFact,
  toContentFact,
} from "@/questions/studio/facts";
import { draftFromContent } from "@/questions/studio/from-content";
import {
  canMergeWithNext,
  confirmSentence,
  defaultSplitPoint,
  editSentence,
  findSentence,
  mergeWithNext,
  splitEnglish,
  splitSentence,
} from "@/questions/studio/sentences";
import {
  dismissSuggestion,
  pendingSuggestions,
  proposeWrongGlosses,
  removeTerm,
  saveTerm,
  termFromSpan,
} from "@/questions/studio/terms";
import { itemWarnings } from "@/questions/studio/warnings";

const outsiders = loadOutsiders();
const seed = loadArticleBundle("ai-talent-race");
const ownOutsiders = {};

/** The seed article as a studio draft, as an import makes it. */
function seedDraft(): StudioDraft {
  return studioDraftSchema.parse(draftFromContent(seed, { slug: "ai-talent-race", ownOutsiders }));
}

const codes = (problems: StudioProblem[]) => problems.map((p) => `${p.code}:${p.target.id}`);
const ids = (draft: StudioDraft) => draftSentences(draft).map((s) => s.id);

describe("an article through the studio", () => {
  it("comes out as the same article, with the same question bank", () => {
    const built = buildArticle(seedDraft(), outsiders);
    expect(built.problems).toEqual([]);
    expect(built.publishable).toBe(true);
    const files = readArticleFiles("ai-talent-race");
    expect(built.files?.["source.fr.txt"]).toBe(files["source.fr.txt"]);
    expect(JSON.parse(built.files?.["article.json"] ?? "")).toEqual(JSON.parse(files["article.json"]));
    expect(built.bundle?.vocabulary).toEqual(seed.vocabulary);
    expect(built.bundle?.facts).toEqual(seed.facts);
    expect(built.generated.map((g) => g.question)).toEqual(buildQuestionBank(seed));
  });
});

describe("splitting and merging sentences", () => {
  it("splits at a sentence break, renumbers what follows, and every reference follows its words", () => {
    const draft = seedDraft();
    // A term of s5 and a fact of s8: after splitting s4 they stand in s6 and s9.
    const s5Term = draft.terms.find((t) => t.sentenceIds.includes("s5") && !t.sentenceIds.includes("s4"));
    const s8Fact = draft.baseFacts.find((f) => f.sentenceId === "s8");
    const s4 = findSentence(draft, "s4");
    expect(s5Term && s8Fact && s4).toBeTruthy();
    const at = s4!.fr.indexOf(",") + 1;
    const split = splitSentence(draft, "s4", at);
    expect(ids(split)).toHaveLength(ids(draft).length + 1);
    expect(findSentence(split, "s4")?.fr).toBe(s4!.fr.slice(0, at).trim());
    expect(findSentence(split, "s5")?.fr).toBe(s4!.fr.slice(at).trim());
    expect(findSentence(split, "s4")?.check).toBe(true);
    expect(findSentence(split, "s5")?.check).toBe(true);
    const shifted = (id: string) =>
      id !== "title" && Number(id.slice(1)) > 4 ? `s${Number(id.slice(1)) + 1}` : id;
    expect(split.terms.find((t) => t.id === s5Term!.id)?.sentenceIds).toEqual(
      s5Term!.sentenceIds.map(shifted),
    );
    expect(split.baseFacts.find((f) => f.id === s8Fact!.id)?.sentenceId).toBe("s9");
    // The English is split too, at a comma, nothing lost.
    const en4 = findSentence(split, "s4")?.en ?? "";
    const en5 = findSentence(split, "s5")?.en ?? "";
    expect(`${en4} ${en5}`).toBe(s4!.en);
  });

  it("sends a fact to the half that holds its words", () => {
    const draft = seedDraft();
    const fact = draft.baseFacts.find(
      (f) => f.sentenceId === "s4" && Object.values(f.slots).some((s) => s.fr === "Scale AI"),
    );
    expect(fact).toBeDefined();
    const s4 = findSentence(draft, "s4")!;
    const split = splitSentence(draft, "s4", s4.fr.indexOf("PDG"));
    const half = findSentence(split, split.baseFacts.find((f) => f.id === fact!.id)!.sentenceId);
    expect(half?.fr).toContain("Scale AI");
  });

  it("merges a sentence with the next one and renumbers the rest", () => {
    const draft = seedDraft();
    const s3 = findSentence(draft, "s3")!;
    const s4 = findSentence(draft, "s4")!;
    const s5Term = draft.terms.find((t) => t.sentenceIds[0] === "s5");
    expect(canMergeWithNext(draft, "s3")).toBe(true);
    const merged = mergeWithNext(draft, "s3");
    expect(findSentence(merged, "s3")?.fr).toBe(`${s3.fr} ${s4.fr}`);
    expect(findSentence(merged, "s3")?.en).toBe(`${s3.en} ${s4.en}`);
    expect(ids(merged)).toHaveLength(ids(draft).length - 1);
    if (s5Term) expect(merged.terms.find((t) => t.id === s5Term.id)?.sentenceIds[0]).toBe("s4");
    // A split and a merge at the same place give the text back.
    const again = mergeWithNext(splitSentence(draft, "s4", s4.fr.indexOf(",") + 1), "s4");
    expect(findSentence(again, "s4")?.fr).toBe(s4.fr);
  });

  it("does nothing where there is nothing to split or merge", () => {
    const draft = seedDraft();
    expect(splitSentence(draft, "title", 5)).toBe(draft);
    expect(splitSentence(draft, "s1", 0)).toBe(draft);
    expect(splitSentence(draft, "s99", 3)).toBe(draft);
    const last = draft.paragraphs[0]!.sentences.at(-1)!.id;
    expect(canMergeWithNext(draft, last)).toBe(false);
    expect(mergeWithNext(draft, last)).toBe(draft);
  });

  it("finds a sentence break in a quotation, and splits English at the same place", () => {
    const quote =
      "« Une perceuse passe presque toute sa vie au fond d’un placard. Pourquoi chaque famille devrait-elle en acheter une ? » demande-t-elle.";
    expect(quote.slice(defaultSplitPoint(quote))).toMatch(/^Pourquoi/);
    expect(
      splitEnglish(
        "‘A drill spends almost its whole life at the back of a cupboard. Why should every family buy one?’ she asks.",
        0.48,
      ),
    ).toEqual([
      "‘A drill spends almost its whole life at the back of a cupboard.",
      "Why should every family buy one?’ she asks.",
    ]);
    expect(defaultSplitPoint("Une seule phrase sans fin")).toBeUndefined();
  });

  it("takes an edited English as checked, and keeps a line break out of a sentence's text", () => {
    const draft = splitSentence(seedDraft(), "s4", findSentence(seedDraft(), "s4")!.fr.indexOf(",") + 1);
    expect(findSentence(editSentence(draft, "s4", { fr: "Autre." }), "s4")?.check).toBe(true);
    expect(findSentence(editSentence(draft, "s4", { en: "Other." }), "s4")?.check).toBeUndefined();
    expect(findSentence(confirmSentence(draft, "s5"), "s5")?.check).toBeUndefined();
  });
});

describe("glosses", () => {
  it("glosses any words, several included, wherever they stand in the text", () => {
    const draft = seedDraft();
    const term = termFromSpan(draft, {
      sentenceId: "s2",
      surface: "sans merci",
      lemma: "sans merci",
      pos: "expression",
      level: "B2",
      gloss: "merciless",
    });
    expect(term.sentenceIds).toEqual(["s2"]);
    expect(term.wrongGlosses).toHaveLength(3);
    expect(new Set(term.wrongGlosses).size).toBe(3);
    expect(term.wrongGlosses).not.toContain("merciless");
    expect(saveTerm(draft, term).terms).toHaveLength(draft.terms.length + 1);
  });

  it("keeps proposals of the term's own part of speech, closest in length first", () => {
    const draft = seedDraft();
    const proposals = proposeWrongGlosses(draft, { id: "x", pos: "noun", gloss: "ladder", wrongGlosses: [] });
    const nounGlosses = new Set(
      draft.terms.filter((t) => t.pos === "noun").map((t) => t.gloss.split(/[,;]/)[0]!.trim()),
    );
    expect(proposals).toHaveLength(3);
    for (const proposal of proposals) expect(nounGlosses.has(proposal)).toBe(true);
  });

  it("lists only suggestions neither accepted nor removed, and a removed term's suggestion comes back", () => {
    const draft = {
      ...seedDraft(),
      terms: [],
      suggestions: seedDraft()
        .terms.slice(0, 3)
        .map((t) => ({ ...t, reasons: ["rare"] })),
    };
    const [first, second] = draft.suggestions;
    const accepted = saveTerm(draft, { ...seedDraft().terms[0]! });
    expect(pendingSuggestions(accepted).map((s) => s.id)).not.toContain(first!.id);
    expect(pendingSuggestions(dismissSuggestion(accepted, second!.id))).toHaveLength(1);
    expect(pendingSuggestions(removeTerm(accepted, first!.id)).map((s) => s.id)).toContain(first!.id);
  });
});

describe("a teacher's facts", () => {
  const person: TeacherFact = {
    id: "s4-alexandr-wang",
    sentenceId: "s4",
    answer: { fr: "Alexandr Wang", en: "Alexandr Wang", type: "person" },
    question: {
      en: "Who became Meta's first head of AI?",
      fr: "Qui est devenu le premier directeur de l'IA de Meta ?",
    },
    wrongAnswers: [],
  };

  it("becomes a content fact restated from its sentence, typeset the French way", () => {
    const sentence = findSentence(seedDraft(), "s4")!;
    const fact = toContentFact(person, sentence);
    expect(fact.statement.fr).toContain("{answer}");
    expect(fact.statement.en).toContain("{answer}");
    expect(fact.trueFalse).toEqual(["answer"]);
    expect(fact.questions[0]?.fr).toBe("Qui est devenu le premier directeur de l’IA de Meta\u202f?");
  });

  it("gets wrong answers of its kind: the text's first, then invented people; none for a number", () => {
    const draft = seedDraft();
    const wrong = proposeWrongAnswers(draft, person);
    expect(wrong.length).toBe(3);
    expect(wrong.map((w) => w.fr)).not.toContain("Alexandr Wang");
    const textPeople = new Set(
      draft.baseFacts
        .flatMap((f) => Object.values(f.slots))
        .filter((s) => s.type === "person")
        .map((s) => s.fr),
    );
    expect(textPeople.has(wrong[0]!.fr)).toBe(true);
    expect(
      proposeWrongAnswers(draft, { ...person, answer: { fr: "350", en: "350", type: "number" } }),
    ).toEqual([]);
  });

  it("reads plain numbers, and checks a number's words against its value", () => {
    expect(plainNumber("350")).toBe(350);
    expect(plainNumber("14,3")).toBe(14.3);
    expect(plainNumber("1 200")).toBe(1200);
    expect(plainNumber("trois")).toBeUndefined();
    expect(
      quantityMatches({ fr: "350", en: "350", type: "number", quantity: { value: 350, format: "decimal" } }),
    ).toBe(true);
    expect(
      quantityMatches({ fr: "350", en: "350", type: "number", quantity: { value: 35, format: "decimal" } }),
    ).toBe(false);
  });
});

describe("what stops publishing, item by item", () => {
  it("names an empty sentence, and builds nothing until it has words", () => {
    const built = buildArticle(editSentence(seedDraft(), "s2", { fr: "  " }), outsiders);
    expect(codes(built.problems)).toContain("sentence-empty:s2");
    expect(built.publishable).toBe(false);
    expect(built.files).toBeNull();
  });

  it("leaves an unfinished gloss out of the article and says what it lacks", () => {
    const draft = seedDraft();
    const [first, second] = draft.terms;
    const edited = saveTerm(saveTerm(draft, { ...first!, gloss: "" }), {
      ...second!,
      wrongGlosses: ["one", "One"],
    });
    const built = buildArticle(edited, outsiders);
    expect(codes(built.problems)).toEqual([
      `term-gloss-missing:${first!.id}`,
      `term-wrong-glosses-missing:${second!.id}`,
    ]);
    expect(built.bundle?.vocabulary.map((t) => t.id)).not.toContain(first!.id);
    expect(built.publishable).toBe(false);
  });

  it("says when a fact's words left its sentence, its English or its questions are missing", () => {
    const draft = saveFact(seedDraft(), {
      id: "s4-nobody",
      sentenceId: "s4",
      answer: { fr: "Jean Personne", en: "", type: "person" },
      question: { en: "Who?", fr: "" },
      wrongAnswers: [{ fr: "Claire Morel", en: "Claire Morel" }],
    });
    expect(codes(buildArticle(draft, outsiders).problems)).toEqual([
      "fact-answer-not-found:s4-nobody",
      "fact-answer-english-missing:s4-nobody",
      "fact-question-missing:s4-nobody",
    ]);
  });

  it("needs two wrong answers of the kind, and none for a number", () => {
    const lonely: TeacherFact = {
      id: "s4-scale-role",
      sentenceId: "s4",
      answer: { fr: "premier directeur de l'IA", en: "first head of AI", type: "post" },
      question: { en: "What post did he get?", fr: "Quel poste a-t-il obtenu ?" },
      wrongAnswers: [{ fr: "directeur financier", en: "finance director" }],
    };
    expect(codes(buildArticle(saveFact(seedDraft(), lonely), outsiders).problems)).toEqual([
      "fact-wrong-answers-missing:s4-scale-role",
    ]);
    const enough = {
      ...lonely,
      wrongAnswers: [...lonely.wrongAnswers, { fr: "directeur juridique", en: "head of legal" }],
    };
    const built = buildArticle(saveFact(seedDraft(), enough), outsiders);
    expect(built.problems).toEqual([]);
    expect(built.generated.some((g) => g.meta.factId === "s4-scale-role")).toBe(true);
  });

  it("keeps a teacher's markup as text, and asks for at least one fact", () => {
    let draft = editSentence(seedDraft(), "title", { fr: "<script>alert(1)</script> La course aux talents" });
    const built = buildArticle(draft, outsiders);
    expect(JSON.parse(built.files?.["article.json"] ?? "{}").title.fr).toBe(
      "<script>alert(1)</script> La course aux talents",
    );
    for (const fact of draft.baseFacts) draft = removeBaseFact(draft, fact.id);
    expect(codes(buildArticle(draft, outsiders).problems)).toContain("no-facts:ai-talent-race");
  });
});

describe("the audit's warnings beside each question", () => {
  it("flags a question with only two wrong answers, and none on a sound one", () => {
    const built = buildArticle(seedDraft(), outsiders);
    const sentences = new Map(
      [built.bundle!.article.title, ...built.bundle!.article.paragraphs.flatMap((p) => p.sentences)].map(
        (s) => [s.id, s],
      ),
    );
    const threeOptions = built.generated.find(
      (g) => g.question.kind !== "true-false" && g.question.options.length === 3,
    );
    const sound = built.generated.find((g) => itemWarnings(g, sentences).length === 0);
    expect(threeOptions && itemWarnings(threeOptions, sentences)).toContain("few-distractors");
    expect(sound).toBeDefined();
  });
});
