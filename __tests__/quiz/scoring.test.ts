import { scoreAnswers, scoreBand, type AnswerRecord } from "@/questions/scoring";
import { makeQuestion, makeQuestions } from "./question-fixtures";

const right = (questionId: string, extra: Partial<AnswerRecord> = {}): AnswerRecord => ({
  questionId,
  optionId: "a",
  helpUsed: false,
  ms: 1000,
  ...extra,
});
const wrong = (questionId: string, extra: Partial<AnswerRecord> = {}): AnswerRecord =>
  right(questionId, { optionId: "b", ...extra });

describe("scoreAnswers", () => {
  const questions = makeQuestions();

  it("gives 1 point per correct answer without help", () => {
    const score = scoreAnswers(
      questions,
      questions.map((q) => right(q.id)),
    );
    expect(score).toMatchObject({ score: 4, maxScore: 4, percentage: 100, correctCount: 4, helpsUsed: 0 });
    expect(score.perQuestion.map((r) => r.points)).toEqual([1, 1, 1, 1]);
  });

  it("gives ½ point for a correct answer with help, 0 for a wrong one with or without help", () => {
    const score = scoreAnswers(questions, [
      right("q1", { helpUsed: true }),
      wrong("q2", { helpUsed: true }),
      wrong("q3"),
      right("q4"),
    ]);
    expect(score.perQuestion.map((r) => r.points)).toEqual([0.5, 0, 0, 1]);
    expect(score).toMatchObject({ score: 1.5, correctCount: 2, helpsUsed: 2, percentage: 37.5 });
  });

  it("counts a question without an answer, or with a null option, as unanswered and wrong", () => {
    const score = scoreAnswers(questions, [right("q1"), right("q2", { optionId: null })]);
    expect(score.perQuestion.map((r) => [r.questionId, r.optionId, r.correct])).toEqual([
      ["q1", "a", true],
      ["q2", null, false],
      ["q3", null, false],
      ["q4", null, false],
    ]);
    expect(score.score).toBe(1);
  });

  it("ignores answers to unknown questions and counts only the first answer to a question", () => {
    const score = scoreAnswers(questions, [right("nope"), wrong("q1"), right("q1")]);
    expect(score.perQuestion).toHaveLength(4);
    expect(score.perQuestion[0]).toMatchObject({ questionId: "q1", optionId: "b", correct: false });
    expect(score.score).toBe(0);
  });

  it("treats an option that is not among the question's options as wrong", () => {
    expect(scoreAnswers([makeQuestion("q1")], [right("q1", { optionId: "zzz" })]).score).toBe(0);
  });

  it("measures the best streak of consecutive correct answers, help or not, in quiz order", () => {
    const six = ["s1", "s2", "s3", "s4", "s5", "s6"].map((id) => makeQuestion(id));
    const score = scoreAnswers(six, [
      right("s6"),
      right("s1"),
      right("s2", { helpUsed: true }),
      wrong("s3"),
      right("s4"),
      right("s5", { helpUsed: true }),
    ]);
    expect(score.bestStreak).toBe(3);
    expect(scoreAnswers(six, []).bestStreak).toBe(0);
  });

  it("breaks the score down by kind, listing every kind with zeros for absent ones", () => {
    const score = scoreAnswers(questions, [
      right("q1"),
      right("q2", { helpUsed: true }),
      wrong("q3"),
      right("q4"),
    ]);
    expect(score.byKind).toEqual({
      "comprehension-fr": { score: 1, max: 1, correct: 1, count: 1 },
      vocabulary: { score: 1.5, max: 2, correct: 2, count: 2 },
      "comprehension-en": { score: 0, max: 1, correct: 0, count: 1 },
      "true-false": { score: 0, max: 0, correct: 0, count: 0 },
      cloze: { score: 0, max: 0, correct: 0, count: 0 },
      "main-idea": { score: 0, max: 0, correct: 0, count: 0 },
      reference: { score: 0, max: 0, correct: 0, count: 0 },
      connector: { score: 0, max: 0, correct: 0, count: 0 },
    });
  });

  it("sums time, and counts negative or non-finite times as 0", () => {
    const score = scoreAnswers(questions, [
      right("q1", { ms: 1500 }),
      right("q2", { ms: -20 }),
      right("q3", { ms: Number.NaN }),
      right("q4", { ms: Number.POSITIVE_INFINITY }),
    ]);
    expect(score.perQuestion.map((r) => r.ms)).toEqual([1500, 0, 0, 0]);
    expect(score.totalMs).toBe(1500);
  });

  it("rounds the percentage to one decimal and gives 0 for an empty quiz", () => {
    const three = questions.slice(0, 3);
    expect(scoreAnswers(three, [right("q1"), right("q2"), right("q3", { helpUsed: true })]).percentage).toBe(
      83.3,
    );
    expect(scoreAnswers([], [right("q1")])).toMatchObject({ score: 0, maxScore: 0, percentage: 0 });
  });
});

describe("scoreBand", () => {
  it.each([
    [100, "excellent"],
    [90, "excellent"],
    [89.9, "good"],
    [70, "good"],
    [69.9, "fair"],
    [50, "fair"],
    [49.9, "keep-practising"],
    [0, "keep-practising"],
  ] as const)("%s%% is %s", (percentage, band) => {
    expect(scoreBand(percentage)).toBe(band);
  });
});
