/**
 * Counts of one read as one, in both languages: "1 question", not "1
 * questions"; "your last quiz", not "your last 1 quizzes". Counts filled in
 * on the server go through i18next plurals; the home page's trend, filled in
 * the browser where i18next is not loaded, gets both forms from the server
 * and picks one by the language's plural rules.
 */
import { render, screen } from "@testing-library/react";
import { createInstance } from "i18next";
import { QuizHistory, type QuizHistoryLabels } from "@/app/quiz/components/quiz-history";
import { quizHistoryLabels } from "@/app/quiz/components/quiz-history-labels";
import { SELF_STUDY_KEY } from "@/app/quiz/components/self-study-key";
import { createQuizStore } from "@/app/quiz/quiz-store";
import { resources } from "@/app/i18n/resources";
import type { Locale } from "@/i18n-config";
import { makeQuestions, makeSettings } from "../quiz/question-fixtures";

/** One namespace's `t`, as the server's getT gives it. */
async function translators(lng: Locale) {
  const i18n = createInstance();
  await i18n.init({ lng, resources, fallbackLng: false, interpolation: { escapeValue: false } });
  return {
    teach: i18n.getFixedT(lng, "teach"),
    quiz: i18n.getFixedT(lng, "quiz"),
    assignment: i18n.getFixedT(lng, "assignment"),
  };
}

afterEach(() => window.localStorage.clear());

describe.each([
  ["en", "1 question · Test · questions in French", "1 submission", "1 student (100%)", "1 question"],
  ["fr", "1 question · Évaluation · questions en français", "1 copie", "1 élève (100 %)", "1 question"],
] as const)("with a count of 1 in %s", (lng, settings, submissions, chosenBy, questionCount) => {
  it("the teacher's results and the student's page use the singular", async () => {
    const t = await translators(lng);
    expect(
      t.teach("results.settings", {
        count: 1,
        mode: t.quiz("setup.test"),
        language: t.teach("form.languageFr"),
      }),
    ).toBe(settings);
    expect(t.teach("results.submissions", { count: 1 })).toBe(submissions);
    const percentage = new Intl.NumberFormat(lng, { style: "percent" }).format(1);
    expect(t.teach("results.chosenBy", { count: 1, percentage }).replace(/[\u00a0\u202f]/g, " ")).toBe(
      chosenBy,
    );
    expect(t.assignment("questionCount", { count: 1 })).toBe(questionCount);
  });
});

/** The home page's labels, made by the same function as on the home page. */
async function historyLabels(lng: Locale): Promise<QuizHistoryLabels> {
  return quizHistoryLabels((await translators(lng)).quiz);
}

/** Finishes `times` perfect practice quizzes on this device, as the learner would. */
function finishQuizzes(times: number) {
  const store = createQuizStore({ persistKey: SELF_STUDY_KEY("ai-talent-race") });
  for (let i = 0; i < times; i++) {
    store.getState().start(makeQuestions(), makeSettings({ mode: "test" }));
    for (let q = 0; q < 4; q++) {
      store.getState().choose("a");
      store.getState().confirm();
    }
  }
}

describe("the home page's trend", () => {
  it.each([
    ["en", 1, "Score of your last quiz: 100%"],
    ["fr", 1, "Score de votre dernier quiz\u00a0: 100\u00a0%"],
    ["en", 2, "Scores of your last 2 quizzes, oldest first: 100%, 100%"],
    ["fr", 2, "Scores de vos 2 derniers quiz, du plus ancien au plus récent\u00a0: 100\u00a0% et 100\u00a0%"],
  ] as const)("in %s with %i quiz is labelled %p", async (lng, times, label) => {
    finishQuizzes(times);
    render(<QuizHistory lng={lng} slugs={["ai-talent-race"]} labels={await historyLabels(lng)} />);
    const chart = await screen.findByRole("img");
    expect(chart.getAttribute("aria-label")?.replace(/\u202f/g, "\u00a0")).toBe(label);
  });
});
