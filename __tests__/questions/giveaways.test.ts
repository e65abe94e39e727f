/**
 * @jest-environment node
 *
 * What gives an answer away without reading (issue 12, third review), on
 * small cases and on the seed: items that answer each other, wrong main ideas
 * that reverse their paragraph, stems that cue the surprising answer,
 * true/false statements checked by scanning, and the review sample drawn as
 * quizzes.
 */
import { loadArticleBundle, type ArticleBundle } from "@/app/_server/content-files";
import { convergesOnKey, hasStemCue, reversalCues } from "@/questions/audit-giveaways";
import {
  conflictBetween,
  conflictingPairs,
  fitsWith,
  sameGroundPairs,
  type ConflictFields,
} from "@/questions/conflicts";
import { discourseSchema } from "@/questions/discourse-schema";
import { factSchema } from "@/questions/fact-schema";
import { generateQuestionBank, type GeneratedQuestion } from "@/questions/generate";
import { isSideBySide } from "@/questions/generators/true-false";
import { itemKey } from "@/questions/quiz";
import { reviewForms } from "@/questions/review-sample";

const item = (fields: Partial<ConflictFields> & Pick<ConflictFields, "kind">): ConflictFields => ({
  topicId: "t",
  stem: "Question ?",
  support: "x",
  options: [
    { id: "a", text: "A" },
    { id: "b", text: "B" },
  ],
  answerId: "a",
  ...fields,
});

describe("items that answer each other", () => {
  it("finds a statement's two sides, the same words tested twice, and a passage that shows a key", () => {
    const trueSide = item({ kind: "true-false", topicId: "s12-sector", support: "le secteur financier" });
    const falseSide = item({ kind: "true-false", topicId: "s12-sector", support: "le secteur financier" });
    expect(conflictBetween(trueSide, falseSide)).toBe("true-false-pair");

    const cloze = item({
      kind: "cloze",
      passage: "comparant la situation à ____.",
      support: "un cambriolage",
      target: "un cambriolage",
      options: [
        { id: "a", text: "un cambriolage" },
        { id: "b", text: "un naufrage" },
      ],
    });
    const vocabulary = item({
      kind: "vocabulary",
      topicId: "term:cambriolage",
      passage: "comparant la situation à un cambriolage.",
      support: "cambriolage",
      target: "cambriolage",
    });
    expect(conflictBetween(cloze, vocabulary)).toBe("same-target");

    const reference = item({
      kind: "reference",
      topicId: "reference:s10",
      passage: "Le directeur a comparé la situation à un cambriolage.",
      target: "la situation",
    });
    expect(conflictBetween(cloze, reference)).toBe("passage-shows-answer");
    // The French stem of a comprehension question shows a cloze's key just as well.
    const question = item({
      kind: "comprehension-fr",
      topicId: "s14",
      stem: "Outre la saisie de données, quel travail est menacé ?",
      support: "le service client",
      options: [
        { id: "a", text: "Le service client" },
        { id: "b", text: "La traduction" },
      ],
    });
    const gap = item({
      kind: "cloze",
      topicId: "s14b",
      support: "la saisie de données",
      target: "la saisie de données",
    });
    expect(conflictBetween(question, gap)).toBe("passage-shows-answer");

    const other = item({
      kind: "vocabulary",
      topicId: "term:subir",
      passage: "OpenAI a subi des départs.",
      target: "subi",
    });
    expect(conflictBetween(vocabulary, other)).toBeUndefined();
    expect(fitsWith(other, [cloze, vocabulary])).toBe(true);
    expect(conflictingPairs([cloze, vocabulary, other])).toEqual([[cloze, vocabulary]]);
  });
});

describe("what cues an answer", () => {
  it("finds a wrong main idea that turns the paragraph round, unless the paragraph or the key does too", () => {
    const passage = "Certains rôles sont particulièrement vulnérables à l'automatisation.";
    const key = "Les postes répétitifs sont menacés par l'automatisation.";
    expect(reversalCues("Le service client ne risque rien.", key, passage)).toEqual(["negation", "safety"]);
    expect(reversalCues("Les entreprises ont cessé d'embaucher.", key, passage)).toEqual(["stopping"]);
    expect(reversalCues("Meta baisse les salaires de ses équipes.", key, passage)).toEqual(["decrease"]);
    expect(reversalCues("L'IA effectue la moitié du travail de tout le secteur.", key, passage)).toEqual([]);
    expect(
      reversalCues("Ils ne recrutent plus.", key, "Tous les métiers ne bénéficient pas de cette dynamique."),
    ).toEqual([]);
  });

  it("finds a vocabulary key built from parts of its distractors, and not a key that shares as much as another", () => {
    expect(convergesOnKey(["half price", "half board", "bed and breakfast", "full board"], 1)).toBe(true);
    expect(
      convergesOnKey(["merely postpones", "merely shifts", "fully shifts", "does nothing but report"], 1),
    ).toBe(true);
    // Two options paired by a word: the key is no more central than its partner.
    expect(convergesOnKey(["half board", "half price", "bed and breakfast", "full day"], 0)).toBe(false);
    expect(convergesOnKey(["shares", "lawsuits", "campaigns"], 0)).toBe(false);
  });

  it("finds a stem that says the answer is the surprising one", () => {
    expect(
      hasStemCue("Even though AI already does much of its work, what does Salesforce go on doing?"),
    ).toBe(true);
    expect(hasStemCue("What does creating an AI still rely on, above all?")).toBe(true);
    expect(hasStemCue("Même si l'IA fait une bonne part du travail, que fait Salesforce ?")).toBe(true);
    expect(hasStemCue("Which task does David Horn say must stay in human hands?")).toBe(false);
  });

  it("refuses a written wrong main idea that says it reverses the paragraph, naming the misreadings", () => {
    const gist = {
      paragraphId: "p1",
      sentenceId: "s1",
      support: "précieux",
      gist: { en: "A", fr: "A" },
      distractors: [
        { en: "B", fr: "B", trap: "roles" },
        { en: "C", fr: "C", trap: "reversal" },
      ],
    };
    const parsed = discourseSchema.safeParse({ paragraphs: [gist] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain("roles, scope, detail, cause, substitution");
    expect(parsed.error?.issues[0]?.message).toContain("never a reversal");
  });
});

describe("true/false on the seed", () => {
  let bundle: ArticleBundle;
  let generated: GeneratedQuestion[];
  beforeAll(() => {
    bundle = loadArticleBundle("ai-talent-race");
    generated = generateQuestionBank(bundle);
  });
  const fact = (id: string) => {
    const found = bundle.facts.find((f) => f.id === id);
    if (!found) throw new Error(`no fact ${id}`);
    return found;
  };
  const sentence = (id: string) =>
    bundle.article.paragraphs.flatMap((p) => p.sentences).find((s) => s.id === id)?.fr ?? "";

  it("swaps no value that stands beside another of the statement in the sentence: that is scanning", () => {
    const horn = fact("s11-david-horn-of-brex");
    expect(isSideBySide(horn, "company", sentence(horn.sentenceId))).toBe(true);
    const wang = fact("s4-wang-ceo-of-scale-ai");
    expect(isSideBySide(wang, "company", sentence(wang.sentenceId))).toBe(true);
    const sector = fact("s12-brex-serves-financial-sector");
    expect(isSideBySide(sector, "sector", sentence(sector.sentenceId))).toBe(false);
    for (const g of generated.filter((x) => x.question.kind === "true-false")) {
      const f = fact(g.meta.factId ?? "");
      const exchanged = (f.exchange ?? []).some(([a]) => a === g.meta.slot);
      if (!exchanged)
        expect([g.question.id, isSideBySide(f, g.meta.slot ?? "", sentence(f.sentenceId))]).toEqual([
          g.question.id,
          false,
        ]);
    }
  });

  it("contradicts a precise amount with another the article gives, not with its own digits moved", () => {
    const lie = generated.find(
      (g) => g.meta.factId === "s4-investment-of-14-3-billion" && g.meta.truth === false,
    );
    expect(lie?.meta.swapped?.source).toBe("article");
    expect(lie?.question.passage).toContain("100 millions de dollars");
  });

  it("refuses an exchange of two slots of different types", () => {
    const parsed = factSchema.safeParse({
      ...fact("s9-openai-loses-staff-to-meta"),
      slots: {
        poacher: { type: "organisation", fr: "Meta", en: "Meta" },
        victim: { type: "person", fr: "Sam", en: "Sam" },
      },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join(" ")).toContain(
      "must have one type to trade places",
    );
  });
});

describe("the review sample", () => {
  let generated: GeneratedQuestion[];
  beforeAll(() => {
    generated = generateQuestionBank(loadArticleBundle("ai-talent-race"));
  });

  it("comes as quizzes of at most 10 items, none holding two items that answer each other", () => {
    const distinct = new Set(
      generated.map(({ question: q }) => (q.kind === "true-false" ? `${q.topicId}/tf` : itemKey(q))),
    ).size;
    for (const seed of [101, 202, 303]) {
      const forms = reviewForms(generated, 64, seed);
      const all = forms.flat();
      // A sample asked for more than the bank holds is the whole bank, in as few quizzes as ten allow.
      expect(all).toHaveLength(distinct);
      expect(forms).toHaveLength(Math.ceil(distinct / 10));
      for (const form of forms) {
        expect(form.length).toBeLessThanOrEqual(10);
        expect(conflictingPairs(form)).toEqual([]);
      }
      // Two items on one sentence only where the bank leaves no other way (s11 and s12 carry p5).
      expect(forms.flatMap((form) => sameGroundPairs(form)).length).toBeLessThanOrEqual(2);
      // An item once, in one language; a statement on one side only.
      expect(new Set(all.map(itemKey)).size).toBe(all.length);
      const statements = all.filter((q) => q.kind === "true-false").map((q) => q.topicId);
      expect(new Set(statements).size).toBe(statements.length);
    }
  });

  it("shows as many false statements as true ones, as a quiz does", () => {
    // Left to the dealing alone, a side won by what it cost, not by chance (31–41 % true over 200 seeds
    // on one state of the banks; blind reviews 10 to 12 met 22 true statements for 12 false).
    let trues = 0;
    let total = 0;
    for (let seed = 1001; seed <= 1100; seed++) {
      for (const q of reviewForms(generated, 30, seed).flat()) {
        if (q.kind !== "true-false") continue;
        total++;
        if (q.answerId === q.options[0]?.id) trues++;
      }
    }
    expect(total).toBeGreaterThanOrEqual(100);
    expect(trues / total).toBeGreaterThan(0.4);
    expect(trues / total).toBeLessThan(0.6);
  });

  it("is the same for the same seed, and holds the whole bank when asked for more", () => {
    const ids = (seed: number, size: number) =>
      reviewForms(generated, size, seed)
        .flat()
        .map((q) => q.id);
    expect(ids(7, 40)).toEqual(ids(7, 40));
    expect(ids(7, 40)).not.toEqual(ids(8, 40));
    const distinct = new Set(
      generated.map(({ question: q }) => (q.kind === "true-false" ? `${q.topicId}/tf` : itemKey(q))),
    );
    expect(ids(9, 500)).toHaveLength(distinct.size);
  });
});
