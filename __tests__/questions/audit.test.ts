/**
 * @jest-environment node
 *
 * The bank's quality figures (`npm run questions -- --audit`) held to the
 * thresholds of issue 12 and the review rubric (shared/item-review.md), and
 * the measures themselves checked on small cases.
 */
import { listArticleSlugs, loadArticleBundle, type ArticleBundle } from "@/app/_server/content-files";
import { auditBank, isOddOneOut, stemOverlap, type AuditFigures } from "@/questions/audit";
import { isTransparentCognate, looksAlike } from "@/questions/cognates";
import { hasAbsolute, keyHasMostPassageWords } from "@/questions/audit-review";
import { isBelowAskedLevel, lowestAskedLevel } from "@/questions/generators/vocabulary";
import { knownNames } from "@/questions/names";
import { generateQuestionBank, type GeneratedQuestion } from "@/questions/generate";
import type { Question } from "@/questions/question-types";

describe.each(listArticleSlugs())("%s", (slug) => {
  let bundle: ArticleBundle;
  let generated: GeneratedQuestion[];
  let audit: AuditFigures;

  beforeAll(() => {
    bundle = loadArticleBundle(slug);
    generated = generateQuestionBank(bundle);
    audit = auditBank(
      bundle.article,
      bundle.vocabulary,
      generated,
      // As many quizzes as `npm run questions -- --audit` draws: an A2 bank with two true/false topics
      // gives about one statement per quiz, and over 100 quizzes the true share wanders by ±0.05 from
      // its 0.50 (0.377 at 100, 0.438 at 200, 0.500 at 1000 on one A2 bank), past the 0.4–0.6 bounds.
      200,
      knownNames(bundle.facts, bundle.outsiders),
      bundle.discourse,
      bundle.facts,
    );
  });

  describe("the bank's quality figures", () => {
    it("has no key that is the odd one out by fine category or form", () => {
      expect(audit.oddOneOutRate).toBeLessThanOrEqual(0.02);
    });

    it("has comprehension stems that paraphrase their evidence rather than copy it", () => {
      expect(audit.stemOverlapMean).toBeLessThanOrEqual(0.45);
      expect(audit.stemOverlapHighRate).toBeLessThanOrEqual(0.15);
    });

    it("asks no transparent cognate, no word below the level asked and no word without its sentence", () => {
      expect(audit.cognateRate).toBe(0);
      expect(audit.belowLevelRate).toBe(0);
      expect(audit.vocabularyWithoutSentenceRate).toBe(0);
    });

    it("puts no more than twice the mean number of items on one sentence", () => {
      expect(audit.itemsPerSentence.max).toBeLessThanOrEqual(2 * audit.itemsPerSentence.mean + 0.5);
    });

    it("has no duplicates: the same stem, passage and key in one language", () => {
      expect(audit.duplicateGroups).toBe(0);
    });

    it("balances true and false in drawn quizzes, and makes every false statement one the text contradicts", () => {
      expect(audit.trueFalseTrueShare).toBeGreaterThanOrEqual(0.4);
      expect(audit.trueFalseTrueShare).toBeLessThanOrEqual(0.6);
      expect(audit.falseFromOutsideRate).toBe(0);
    });

    it("offers three or four options, and takes distractors from the article", () => {
      expect(Object.keys(audit.optionsPerItem).sort()).toEqual(expect.arrayContaining(["4"]));
      for (const n of Object.keys(audit.optionsPerItem)) expect(["3", "4"]).toContain(n);
      // An article names few values of some fine categories (three AI labs, three people), so the raw
      // share is modest; generate.test.ts holds that a question uses the article's values whenever it has some.
      // Comprehension now asks only where neither a headline nor general knowledge answers, on points
      // whose fine category the article fills once (routine work, human tasks, the memo's channel):
      // about 6 % on the seed, where the people and amounts it no longer asks took theirs from the text.
      expect(audit.distractorsFromArticleRate).toBeGreaterThanOrEqual(0.05);
    });

    it("words no true/false statement with an absolute", () => {
      const ABSOLUTE =
        /(?<!\p{L})(toujours|jamais|tous|toutes|aucun|aucune|seul|seule|seuls|uniquement|always|never|only|all)(?!\p{L})/iu;
      for (const { question } of generated.filter((g) => g.question.kind === "true-false")) {
        expect([question.id, ABSOLUTE.test(question.passage ?? "")]).toEqual([question.id, false]);
      }
    });

    it("sets difficulty per item from its features, so it varies inside each kind", () => {
      for (const kind of ["comprehension-fr", "cloze", "vocabulary"] as const) {
        const levels = new Set(
          generated.filter((g) => g.question.kind === kind).map((g) => g.question.difficulty),
        );
        expect([kind, levels.size >= 2]).toEqual([kind, true]);
      }
    });
  });

  describe("the figures of the second blind review", () => {
    it("offers no main idea naming what its paragraph does not, and no key the names single out", () => {
      expect(audit.review.mainIdeaForeignNameRate).toBe(0);
      expect(audit.byKind["main-idea"]?.oddOneOut).toBe(0);
      expect(audit.byKind.reference?.oddOneOut).toBe(0);
    });

    it("takes most wrong numbers from elsewhere than the key's digits", () => {
      expect(audit.review.numberItemsAllFromKey).toBe(0);
      expect(audit.review.numberDistractorsNotFromKeyRate).toBeGreaterThanOrEqual(0.5);
    });

    it("asks no fact more than three times and no point more than twice, and few items on names alone", () => {
      // A point asked twice is a true/false pair: the statement as it is and with one swap.
      expect(audit.review.itemsPerFact.max).toBeLessThanOrEqual(3);
      expect(audit.review.itemsPerPoint.max).toBeLessThanOrEqual(2);
      expect(audit.review.nameMatchingRate).toBeLessThanOrEqual(0.2);
    });

    it("draws no quiz holding one item in two languages", () => {
      expect(audit.review.quizzesTried).toBeGreaterThan(0);
      expect(audit.review.quizzesWithTwins).toBe(0);
    });

    it("offers no absolutes, and keys that are neither the longest option nor the closest to the passage too often", () => {
      expect(audit.review.absoluteOptionRate).toBe(0);
      for (const [kind, rate] of Object.entries(audit.review.keyLongestRate)) {
        expect([kind, rate <= 0.4]).toEqual([kind, true]);
      }
      expect(audit.review.keyMostPassageWordsRate).toBeLessThanOrEqual(0.4);
    });
  });

  describe("the figures of the third review: nothing gives an answer away", () => {
    it("draws no quiz and no quiz of a review sample holding two items that answer each other", () => {
      expect(audit.giveaways.quizzesTried).toBeGreaterThan(0);
      expect(audit.giveaways.quizzesWithConflicts).toBe(0);
      expect(audit.giveaways.sampleFormConflicts).toBe(0);
      expect(audit.giveaways.sampleRepeats).toBe(0);
      // The rule costs little: a 20-question quiz still fills, and a sample of 64 holds 60 or the whole bank.
      expect(audit.giveaways.fullTwentyRate).toBeGreaterThanOrEqual(0.95);
      expect(audit.giveaways.sampleMeanSize).toBeGreaterThanOrEqual(Math.min(60, audit.giveaways.bankItems));
    });

    it("offers no wrong main idea that reverses its paragraph, and every written one says how it misreads it", () => {
      expect(audit.giveaways.mainIdeaReversalRate).toBe(0);
      expect(audit.giveaways.gistTrapsDeclaredRate).toBe(1);
    });

    it("asks no comprehension stem that cues the surprising answer", () => {
      expect(audit.giveaways.stemCueRate).toBe(0);
    });

    it("builds no vocabulary key from parts of its distractors, which a test-wise learner picks blind", () => {
      expect(audit.giveaways.convergentVocabulary).toEqual([]);
    });

    it("spreads items over the sentences: every sentence asked, none above twice the mean, one light at most", () => {
      const load = audit.giveaways.sentenceLoad;
      expect(load.min).toBeGreaterThanOrEqual(1);
      expect(load.max).toBeLessThanOrEqual(2 * load.mean + 0.5);
      // A paragraph's key sentence, which its main idea rests on, may carry that item alone: the seed's
      // lede (s1) has only words below B2 or transparent, its fact is the headline (never asked) and
      // "Alors que" reads as time there too, so a connector item would offer a right answer as wrong.
      const keySentences = new Set(
        generated
          .filter(({ question }) => question.kind === "main-idea")
          .map(({ question }) => question.evidenceSentenceId),
      );
      expect(load.light.filter((id) => !keySentences.has(id)).length).toBeLessThanOrEqual(1);
    });
  });

  describe("the figures of the fourth review: one quiz, one ground; no headline; no reversal by roles", () => {
    it("draws no 10-question quiz holding two items that answer each other or two on one sentence or fact", () => {
      expect(audit.ground.tenTried).toBeGreaterThan(0);
      expect(audit.ground.tenWithConflicts).toBe(0);
      expect(audit.ground.tenWithSameGround).toBe(0);
    });

    it("fills a 10-question quiz from every selection of kinds, as far as its items can stand together", () => {
      expect(audit.ground.selectionsTried).toBeGreaterThan(0);
      expect(audit.ground.selectionsShort).toBe(0);
    });

    it("lays the review sample out as quizzes of ten that answer nothing of each other and rarely share a sentence", () => {
      expect(audit.ground.sample.largest).toBeLessThanOrEqual(10);
      expect(audit.ground.sample.conflicts).toBe(0);
      // Five samples: half a pair per quiz at most, where the bank leaves no other way.
      expect(audit.ground.sample.sameGroundPairs).toBeLessThanOrEqual(2.5 * audit.ground.sample.forms);
    });

    it("asks no headline, offers no wrong main idea that swaps roles, and asks references among earlier candidates", () => {
      expect(audit.ground.headlineItems).toBe(0);
      expect(audit.ground.mainIdeaRolesOffered).toBe(0);
      expect(audit.ground.referencesNotEarlier).toBe(0);
    });

    it("swaps more than one kind of value in false statements, and gives no two items the same wrong answers", () => {
      const types = Object.keys(audit.ground.swappedTypes);
      if (Object.values(audit.ground.swappedTypes).reduce((a, b) => a + b, 0) > 2)
        expect(types.length).toBeGreaterThanOrEqual(2);
      expect(audit.ground.sharedDistractorPairs).toEqual([]);
    });
  });
});

describe("the measures", () => {
  const item = (options: string[], meta: GeneratedQuestion["meta"] = {}): GeneratedQuestion => ({
    question: {
      id: "x",
      kind: "comprehension-en",
      topicId: "t",
      variant: 0,
      language: "en",
      prompt: "Who?",
      stem: "Who?",
      stemEn: "Who?",
      options: options.map((text, i) => ({ id: "abcd"[i] ?? "z", text })),
      optionsLanguage: "en",
      answerId: "a",
      support: "x",
      evidenceSentenceId: "s1",
      explanation: { en: "x", fr: "x" },
      difficulty: 2,
    } satisfies Question,
    meta,
  });

  it("finds the key of another fine category, or of another form, and only then", () => {
    const human = {
      fr: "des humains",
      en: "humans",
      type: "group",
      category: "people",
      source: "article" as const,
    };
    const machine = (en: string) => ({
      fr: en,
      en,
      type: "group",
      category: "machines",
      source: "outsider" as const,
    });
    expect(
      isOddOneOut(
        item(["humans", "robots", "machines"], {
          key: human,
          distractors: [machine("robots"), machine("machines")],
        }),
      ),
    ).toBe(true);
    expect(isOddOneOut(item(["the tech giants", "banks", "universities"]))).toBe(true);
    expect(
      isOddOneOut(item(["data entry and filing of invoices by hand", "translation", "accounting"])),
    ).toBe(true);
    expect(isOddOneOut(item(["data entry", "translation", "accounting"]))).toBe(false);
    expect(isOddOneOut(item(["Anthropic", "Brex", "Salesforce"]))).toBe(false);
  });

  it("measures how much of a stem stands in its evidence", () => {
    expect(
      stemOverlap(
        "Which company recently launched a massive offensive?",
        "Meta recently launched a massive offensive.",
      ),
    ).toBe(0.8);
    expect(
      stemOverlap(
        "Which company has set out to boost its AI strength?",
        "Meta recently launched a massive offensive.",
      ),
    ).toBe(0);
  });

  it("finds absolutes, but not in idioms that claim nothing absolute", () => {
    expect(hasAbsolute("Writing all the computer code")).toBe(true);
    expect(hasAbsolute("Vérifier chaque ligne de code")).toBe(true);
    expect(hasAbsolute("a fact that holds all the same")).toBe(false);
    expect(hasAbsolute("un fait qui reste vrai malgré tout")).toBe(false);
    expect(hasAbsolute("ce qui reste vrai en dépit de tout")).toBe(false);
    // Accented letters belong to the word: "allégée" holds no "all".
    expect(hasAbsolute("Une taxe locale allégée")).toBe(false);
    expect(hasAbsolute("Tout a changé")).toBe(true);
  });

  it("finds the key that shares the most words with its passage", () => {
    const passage = "OpenAI a subi des départs suite aux offres alléchantes de Meta.";
    expect(
      keyHasMostPassageWords("les offres alléchantes de Meta", ["les salariés", "la recherche"], passage),
    ).toBe(true);
    expect(
      keyHasMostPassageWords("les offres de Meta", ["les départs d'OpenAI", "la recherche"], passage),
    ).toBe(false);
  });

  it("asks words from B1, or from an A2 text's own level, and never an A1 word", () => {
    // A2 learners read the A2 texts: their level's words are worth asking them, not a B2 reader.
    expect(["A1", "A2", "B1", "B2", "C1", "C2"].map((l) => lowestAskedLevel(l as "A1"))).toEqual([
      "A2",
      "A2",
      "B1",
      "B1",
      "B1",
      "B1",
    ]);
    expect(isBelowAskedLevel("A2", "B2")).toBe(true);
    expect(isBelowAskedLevel("A2", "B1")).toBe(true);
    expect(isBelowAskedLevel("A2", "A2")).toBe(false);
    expect(isBelowAskedLevel("A1", "A2")).toBe(true);
    expect(isBelowAskedLevel("B1", "C1")).toBe(false);
  });

  it("tells transparent cognates from words an English reader must learn", () => {
    expect(looksAlike("recruter", "to recruit")).toBe(true);
    expect(looksAlike("adapter", "to adapt")).toBe(true);
    expect(looksAlike("précieux", "valuable")).toBe(false);
    expect(isTransparentCognate({ lemma: "définir", gloss: "to define" })).toBe(true);
    expect(isTransparentCognate({ lemma: "cadre", gloss: "executive, manager" })).toBe(false);
    expect(isTransparentCognate({ lemma: "nécessiter", gloss: "to require", cognate: true })).toBe(true);
  });
});
