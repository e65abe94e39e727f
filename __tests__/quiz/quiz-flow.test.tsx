import { render, screen, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { loadArticleBundle } from "@/app/_server/content-files";
import { pickResources } from "@/app/i18n/resources";
import { SelfStudyQuiz } from "@/app/quiz/components/self-study-quiz";
import { sentenceTexts } from "@/questions/article";
import { buildQuestionBank } from "@/questions/generate";
import type { Question } from "@/questions/question-types";

// The real article and its real bank: what a learner gets.
const bundle = loadArticleBundle("ai-talent-race");
const bank = buildQuestionBank(bundle);
const sentences = sentenceTexts(bundle.article);
const byStem = (stem: string) => bank.filter((q) => q.stem === stem);

beforeEach(() => {
  window.localStorage.clear();
  jest.spyOn(window, "confirm").mockReturnValue(true);
});

/**
 * The question on screen, found by its heading, passage and options (stems repeat across
 * questions), with its options in the order shown: a quiz deals its keys over the positions, so
 * the screen's order is not always the bank's.
 */
function currentQuestion(): Question {
  const stem = screen.getByRole("heading", { level: 2 }).textContent ?? "";
  const passage = screen.getByRole("heading", { level: 2 }).nextElementSibling?.textContent ?? undefined;
  const labels = screen.getAllByRole("radio").map((radio) => radio.closest("label")?.textContent ?? "");
  const shown = (q: Question) =>
    labels.map((label, i) => q.options.find((o) => label === `${"ABCD"[i]}${o.text}`));
  const match = byStem(stem).find(
    (q) =>
      q.passage === passage && q.options.length === labels.length && shown(q).every((o) => o !== undefined),
  );
  if (!match) throw new Error(`question not found in the bank: ${stem}`);
  return { ...match, options: shown(match) as Question["options"] };
}

async function answerAllByPointer(user: UserEvent, mode: "practice" | "test", pickWrongFirst: boolean) {
  let n = 0;
  for (;;) {
    const question = currentQuestion();
    const wrong = question.options.find((o) => o.id !== question.answerId)!;
    const target =
      pickWrongFirst && n === 0 ? wrong : question.options.find((o) => o.id === question.answerId)!;
    await user.click(screen.getByRole("radio", { name: new RegExp(escape(target.text)) }));
    n += 1;
    const progress = screen.getByText(/Question \d+ of \d+/).textContent ?? "";
    const [, current, total] = progress.match(/Question (\d+) of (\d+)/) ?? [];
    const last = current === total;
    if (mode === "practice") {
      await user.click(screen.getByRole("button", { name: "Check" }));
      expect(
        await screen.findByText(target.id === question.answerId ? "Right!" : "Not quite."),
      ).toBeInTheDocument();
      await user.click(screen.getByRole("button", { name: last ? "See results" : "Next question" }));
    } else {
      expect(screen.queryByText("Right!")).not.toBeInTheDocument();
      await user.click(
        screen.getByRole("button", { name: last ? "Finish and see results" : "Next question" }),
      );
    }
    if (last) return n;
  }
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("a whole quiz", () => {
  it("practice, pointer only: feedback after each answer, results, retry my mistakes", async () => {
    const user = userEvent.setup();
    renderQuiz();
    await user.click(screen.getByRole("radio", { name: "5" }));
    await user.click(screen.getByRole("button", { name: "Start" }));
    expect(screen.getByText("Question 1 of 5", { exact: false })).toBeInTheDocument();

    const answered = await answerAllByPointer(user, "practice", true);
    expect(answered).toBe(5);
    expect(await screen.findByRole("heading", { name: "Your results" })).toHaveFocus();
    expect(screen.getByText("4 / 5")).toBeInTheDocument();
    expect(screen.getByText("80%")).toBeInTheDocument();
    const review = screen.getByRole("list", { name: "Review" });
    expect(within(review).getAllByText("Correct")).toHaveLength(4);
    expect(within(review).getAllByText("Wrong")).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Retry my mistakes" }));
    expect(screen.getByText("Question 1 of 1", { exact: false })).toBeInTheDocument();
  });

  it("test, pointer only: no feedback until the end, then the review", async () => {
    const user = userEvent.setup();
    renderQuiz();
    await user.click(screen.getByRole("radio", { name: "5" }));
    await user.click(screen.getByRole("radio", { name: /Test/ }));
    await user.click(screen.getByRole("button", { name: "Start" }));
    await answerAllByPointer(user, "test", false);
    expect(await screen.findByText("5 / 5")).toBeInTheDocument();
    expect(screen.getByText(/Excellent/)).toBeInTheDocument();
  });

  it("practice, keyboard only: digits and letters choose, Enter checks and moves on, never ends the quiz", async () => {
    const user = userEvent.setup();
    renderQuiz();
    // Defaults: one press of Start gives a 10-question practice quiz.
    screen.getByRole("button", { name: "Start" }).focus();
    await user.keyboard("{Enter}");
    expect(screen.getByText("Question 1 of 10", { exact: false })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2 })).toHaveFocus();

    for (let i = 1; i <= 10; i += 1) {
      const question = currentQuestion();
      const keyIndex = question.options.findIndex((o) => o.id === question.answerId);
      await user.keyboard(i % 2 ? String(keyIndex + 1) : "ABCD"[keyIndex]!.toLowerCase());
      expect(screen.getAllByRole("radio")[keyIndex]).toBeChecked();
      await user.keyboard("{Enter}");
      expect(await screen.findByText("Right!")).toBeInTheDocument();
      expect(screen.getByRole("button", { name: i === 10 ? "See results" : "Next question" })).toHaveFocus();
      if (i < 10) await user.keyboard("{Enter}");
    }
    // On the last feedback, Enter does not end the quiz; Space on the focused button does.
    await user.keyboard("{Enter}");
    expect(screen.queryByRole("heading", { name: "Your results" })).not.toBeInTheDocument();
    await user.keyboard(" ");
    expect(await screen.findByText("10 / 10")).toBeInTheDocument();
  });

  it("test, keyboard only: Enter on the last question does not finish", async () => {
    const user = userEvent.setup();
    renderQuiz();
    await user.click(screen.getByRole("radio", { name: "5" }));
    await user.click(screen.getByRole("radio", { name: /Test/ }));
    await user.click(screen.getByRole("button", { name: "Start" }));
    for (let i = 1; i <= 5; i += 1) {
      await user.keyboard("1{Enter}");
    }
    expect(screen.getByText("Question 5 of 5", { exact: false })).toBeInTheDocument();
    screen.getByRole("button", { name: "Finish and see results" }).focus();
    await user.keyboard(" ");
    expect(await screen.findByRole("heading", { name: "Your results" })).toBeInTheDocument();
  });

  it("three options: 4 and D choose nothing, C is the last, and the quiz goes on", async () => {
    const user = userEvent.setup();
    const threeOption = bank.filter((q) => q.options.length === 3);
    expect(threeOption.length).toBeGreaterThan(0);
    renderQuiz(threeOption);
    screen.getByRole("button", { name: "Start" }).focus();
    await user.keyboard("{Enter}");
    expect(screen.getAllByRole("radio")).toHaveLength(3);
    await user.keyboard("4");
    await user.keyboard("d");
    for (const radio of screen.getAllByRole("radio")) expect(radio).not.toBeChecked();
    await user.keyboard("c");
    expect(screen.getAllByRole("radio")[2]).toBeChecked();
    await user.keyboard("{Enter}");
    expect(await screen.findByText(/^(Right!|Not quite\.)$/)).toBeInTheDocument();
  });

  it("help halves the points and shows the English", async () => {
    const user = userEvent.setup();
    renderQuiz();
    await user.click(screen.getByRole("radio", { name: "5" }));
    await user.click(screen.getByRole("button", { name: "Start" }));
    const question = currentQuestion();
    await user.click(screen.getByRole("button", { name: "Show the key sentence in English" }));
    expect(
      screen.getByText(sentences[question.evidenceSentenceId]!.en, { exact: false }),
    ).toBeInTheDocument();
    const key = question.options.find((o) => o.id === question.answerId)!;
    await user.click(screen.getByRole("radio", { name: new RegExp(escape(key.text)) }));
    await user.click(screen.getByRole("button", { name: "Check" }));
    expect(await screen.findByText("Right, with a hint: half a point.")).toBeInTheDocument();
  });
});

function renderQuiz(initialBank: Question[] = bank) {
  return render(
    <SelfStudyQuiz
      lng="en"
      slug="ai-talent-race"
      bankUrl="/api/banks/ai-talent-race"
      initialBank={initialBank}
      sentences={sentences}
      resources={pickResources("en", ["quiz"])}
    />,
  );
}

describe("the setup of a text that lacks a kind", () => {
  it("shows that kind but cannot tick it, says why, and starts with the kinds the text has", async () => {
    const user = userEvent.setup();
    // An A2 text asks no connectors (their metalanguage is above A2): its real bank has none.
    const a2 = loadArticleBundle("ai-talent-race-a2");
    const a2Bank = buildQuestionBank(a2);
    expect(a2Bank.some((q) => q.kind === "connector")).toBe(false);
    render(
      <SelfStudyQuiz
        lng="en"
        slug="ai-talent-race-a2"
        bankUrl="/api/banks/ai-talent-race-a2"
        initialBank={a2Bank}
        sentences={sentenceTexts(a2.article)}
        resources={pickResources("en", ["quiz"])}
      />,
    );
    const kinds = screen.getByRole("group", { name: "Kinds of question" });
    const connector = within(kinds).getByRole("checkbox", { name: "Link words" });
    expect(connector).toBeDisabled();
    expect(connector).not.toBeChecked();
    expect(connector).toHaveAccessibleDescription("Kinds you cannot tick have no questions in this text.");
    // Every kind the text has untick, but one: the quiz asks that kind alone.
    for (const box of within(kinds).getAllByRole("checkbox"))
      if (!box.hasAttribute("disabled") && (box as HTMLInputElement).checked) await user.click(box);
    await user.click(within(kinds).getByRole("checkbox", { name: "Vocabulary in context" }));
    await user.click(screen.getByRole("radio", { name: "5" }));
    await user.click(screen.getByRole("button", { name: "Start" }));
    expect(screen.getByText("Question 1 of 5", { exact: false })).toBeInTheDocument();
    expect(
      screen.getByText("Vocabulary in context", { selector: ".quiz-progress__kind" }),
    ).toBeInTheDocument();
  });
});
