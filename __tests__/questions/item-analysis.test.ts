import {
  analyseItems,
  histogram,
  median,
  summariseClass,
  type AnalysedQuestion,
  type AnalysedSubmission,
} from "@/questions/item-analysis";

function question(id: string): AnalysedQuestion {
  return {
    id,
    kind: "vocabulary",
    prompt: `Question ${id}`,
    options: [
      { id: "a", text: "A" },
      { id: "b", text: "B" },
      { id: "c", text: "C" },
      { id: "d", text: "D" },
    ],
    answerId: "a",
  };
}

/** `choices` maps question id → chosen option (null: skipped); the key is always "a". */
function submission(choices: Record<string, string | null>, percentage = 50): AnalysedSubmission {
  const answers = Object.entries(choices).map(([questionId, optionId]) => ({
    questionId,
    optionId,
    correct: optionId === "a",
  }));
  return { score: answers.filter((a) => a.correct).length, percentage, answers };
}

describe("median", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("histogram", () => {
  it("has ten 10 % buckets, a perfect score in the last one", () => {
    const buckets = histogram([0, 9.9, 10, 55, 90, 99.9, 100]);
    expect(buckets).toHaveLength(10);
    expect(buckets[0]).toEqual({ from: 0, to: 10, count: 2 });
    expect(buckets[1]?.count).toBe(1);
    expect(buckets[5]?.count).toBe(1);
    expect(buckets[9]).toEqual({ from: 90, to: 100, count: 3 });
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(7);
  });
});

describe("summariseClass", () => {
  it("gives the mean and median of scores and percentages", () => {
    const summary = summariseClass([
      { score: 1, percentage: 25, answers: [] },
      { score: 2, percentage: 50, answers: [] },
      { score: 4, percentage: 100, answers: [] },
    ]);
    expect(summary).toMatchObject({
      submissionCount: 3,
      meanScore: 2.3,
      medianScore: 2,
      meanPercentage: 58.3,
      medianPercentage: 50,
    });
  });

  it("has no mean or median for an empty class, and an empty histogram", () => {
    const summary = summariseClass([]);
    expect(summary).toMatchObject({ submissionCount: 0, meanScore: null, medianPercentage: null });
    expect(summary.histogram.every((b) => b.count === 0)).toBe(true);
  });
});

describe("analyseItems", () => {
  const questions = [question("q1"), question("q2"), question("q3")];

  it("counts each option, the share correct and the skips", () => {
    const items = analyseItems(questions, [
      submission({ q1: "a", q2: "b", q3: "a" }),
      submission({ q1: "a", q2: "c", q3: null }),
      submission({ q1: "b", q2: "a" }),
      submission({ q1: "a", q2: "b", q3: "a" }),
    ]);
    const q1 = items.find((i) => i.questionId === "q1");
    expect(q1).toMatchObject({ position: 1, responses: 4, correctCount: 3, percentCorrect: 75, skipped: 0 });
    expect(q1?.options.map((o) => [o.id, o.count, o.percent])).toEqual([
      ["a", 3, 75],
      ["b", 1, 25],
      ["c", 0, 0],
      ["d", 0, 0],
    ]);
    const q3 = items.find((i) => i.questionId === "q3");
    expect(q3).toMatchObject({ correctCount: 2, percentCorrect: 50, skipped: 2 });
  });

  it("puts the most-missed question first, ties in assignment order", () => {
    const items = analyseItems(questions, [
      submission({ q1: "a", q2: "b", q3: "b" }),
      submission({ q1: "a", q2: "a", q3: "b" }),
    ]);
    expect(items.map((i) => [i.questionId, i.percentCorrect])).toEqual([
      ["q3", 0],
      ["q2", 50],
      ["q1", 100],
    ]);
  });

  it("flags distractors chosen by fewer than 5 % of the class, never the key", () => {
    // 20 students: 1 choice is exactly 5 % (working), 0 is below (not working).
    const submissions = [
      ...Array.from({ length: 18 }, () => submission({ q1: "a" })),
      submission({ q1: "b" }),
      submission({ q1: "c" }),
    ];
    const [item] = analyseItems([question("q1")], submissions);
    expect(item?.options.map((o) => [o.id, o.notWorking])).toEqual([
      ["a", false],
      ["b", false],
      ["c", false],
      ["d", true],
    ]);

    const [allWrong] = analyseItems([question("q1")], [submission({ q1: "b" })]);
    expect(allWrong?.options.find((o) => o.isKey)?.notWorking).toBe(false);
  });

  it("counts only the first answer to a question, as scoring does", () => {
    const [item] = analyseItems(
      [question("q1")],
      [
        {
          score: 0,
          percentage: 0,
          answers: [
            { questionId: "q1", optionId: "b", correct: false },
            { questionId: "q1", optionId: "a", correct: true },
          ],
        },
      ],
    );
    expect(item).toMatchObject({ correctCount: 0 });
    expect(item?.options.map((o) => o.count)).toEqual([0, 1, 0, 0]);
  });

  it("flags nothing and reports no percentage before anyone submits", () => {
    const items = analyseItems(questions, []);
    expect(items.map((i) => i.percentCorrect)).toEqual([null, null, null]);
    expect(items.flatMap((i) => i.options).some((o) => o.notWorking)).toBe(false);
  });

  it("ignores answers naming an option the question does not have", () => {
    const [item] = analyseItems([question("q1")], [submission({ q1: "zz" })]);
    expect(item?.options.reduce((n, o) => n + o.count, 0)).toBe(0);
    expect(item?.skipped).toBe(0);
  });

  it("gives no discrimination index below 10 submissions", () => {
    const [item] = analyseItems(
      [question("q1")],
      Array.from({ length: 9 }, () => submission({ q1: "a" })),
    );
    expect(item?.discrimination).toBeNull();
    expect(item?.negativeDiscrimination).toBe(false);
    expect(item?.options.every((o) => o.discrimination === null)).toBe(true);
  });

  it("computes the upper–lower 27 % index: the strongest students right, the weakest wrong gives 1", () => {
    // 11 students: groups of round(11 × 0.27) = 3. The top three got q1 right, the bottom three chose b.
    const strong = Array.from({ length: 3 }, () => submission({ q1: "a", q2: "b" }, 90));
    const middle = Array.from({ length: 5 }, () => submission({ q1: "a", q2: "a" }, 60));
    const weak = Array.from({ length: 3 }, () => submission({ q1: "b", q2: "a" }, 20));
    const items = analyseItems([question("q1"), question("q2")], [...weak, ...middle, ...strong]);
    const q1 = items.find((i) => i.questionId === "q1");
    const q2 = items.find((i) => i.questionId === "q2");
    expect(q1).toMatchObject({ discrimination: 1, negativeDiscrimination: false });
    expect(q1?.options.find((o) => o.id === "b")?.discrimination).toBe(-1);
    // q2: the upper group all chose b, the lower group all got it right.
    expect(q2).toMatchObject({ discrimination: -1, negativeDiscrimination: true });
  });

  it("flags a distractor that stronger students chose more than weaker ones, and says why", () => {
    const strong = Array.from({ length: 3 }, () => submission({ q1: "c" }, 90));
    const middle = Array.from({ length: 5 }, () => submission({ q1: "a" }, 60));
    const weak = [submission({ q1: "b" }, 20), submission({ q1: "b" }, 20), submission({ q1: "d" }, 20)];
    const [item] = analyseItems([question("q1")], [...strong, ...middle, ...weak]);
    const byId = Object.fromEntries((item?.options ?? []).map((o) => [o.id, o]));
    expect(byId.c).toMatchObject({
      notWorking: true,
      weakReasons: ["chosen-by-stronger"],
      discrimination: 1,
    });
    expect(byId.b).toMatchObject({ notWorking: false, weakReasons: [] });
    expect(byId.d).toMatchObject({ notWorking: false, weakReasons: [] });
    expect(byId.a).toMatchObject({ notWorking: false, weakReasons: [] });
  });

  it("gives both reasons when they both hold", () => {
    // 40 students: the strongest alone chose d, 1 in 40 (2.5 %) and none of the lower group.
    const students = [
      submission({ q1: "d" }, 95),
      ...Array.from({ length: 38 }, () => submission({ q1: "a" }, 60)),
      submission({ q1: "b" }, 10),
    ];
    const [item] = analyseItems([question("q1")], students);
    expect(item?.options.find((o) => o.id === "d")?.weakReasons).toEqual([
      "rarely-chosen",
      "chosen-by-stronger",
    ]);
    expect(item?.options.find((o) => o.id === "c")?.weakReasons).toEqual(["rarely-chosen"]);
    expect(item?.options.find((o) => o.id === "b")?.weakReasons).toEqual(["rarely-chosen"]);
  });
});
