import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { QuizStoreProvider, useQuizStore } from "@/app/quiz/quiz-store-context";
import { createQuizStore } from "@/app/quiz/quiz-store";
import { selectIsResumable, selectProgress } from "@/app/quiz/quiz-selectors";
import { makeQuestions, makeSettings } from "./question-fixtures";

const KEY = "self-study";

afterEach(() => {
  window.localStorage.clear();
  jest.restoreAllMocks();
});

/** Leaves an attempt in progress in localStorage, as a closed tab would. */
function leaveAttemptInProgress() {
  const store = createQuizStore({ persistKey: KEY });
  store.getState().start(makeQuestions(), makeSettings());
  store.getState().choose("a");
  store.getState().confirm();
  store.getState().next();
}

function QuizStatus() {
  const status = useQuizStore((s) => s.status);
  const hasHydrated = useQuizStore((s) => s.hasHydrated);
  const resumable = useQuizStore(selectIsResumable);
  const { answered, total } = useQuizStore(selectProgress);
  const resume = useQuizStore((s) => s.resume);
  const reset = useQuizStore((s) => s.reset);
  return (
    <div>
      <p>{hasHydrated ? "hydrated" : "not hydrated"}</p>
      <p>status: {status}</p>
      <p>
        {answered} of {total} answered
      </p>
      {resumable && (
        <>
          <button type="button" onClick={resume}>
            Resume
          </button>
          <button type="button" onClick={reset}>
            Start afresh
          </button>
        </>
      )}
    </div>
  );
}

describe("QuizStoreProvider and useQuizStore", () => {
  it("throws a clear error when used outside the provider", () => {
    jest.spyOn(console, "error").mockImplementation(() => {});
    expect(() => render(<QuizStatus />)).toThrow(/within <QuizStoreProvider>/);
  });

  it("renders the same HTML on the server and on first client render, then hydrates after mount", async () => {
    leaveAttemptInProgress();
    const errors = jest.spyOn(console, "error");
    const onRecoverableError = jest.fn();

    const html = renderToString(renderTree());
    expect(html).toContain("not hydrated");
    expect(html).toContain("status: <!-- -->idle");

    const container = document.createElement("div");
    container.innerHTML = html;
    document.body.appendChild(container);
    await act(async () => {
      hydrateRoot(container, renderTree(), { onRecoverableError });
    });

    // React reports a hydration mismatch as a recoverable error.
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    expect(await screen.findByText("hydrated")).toBeInTheDocument();
    expect(screen.getByText(/status: answering/)).toBeInTheDocument();
    expect(screen.getByText("1 of 4 answered")).toBeInTheDocument();
    container.remove();
  });

  it("offers to resume a restored attempt, and the offer goes once accepted", async () => {
    leaveAttemptInProgress();
    const user = userEvent.setup();
    render(renderTree());

    await user.click(await screen.findByRole("button", { name: /resume/i }));
    expect(screen.queryByRole("button", { name: /resume/i })).not.toBeInTheDocument();
    expect(screen.getByText(/status: answering/)).toBeInTheDocument();
  });

  it("starts afresh from the resume offer", async () => {
    leaveAttemptInProgress();
    const user = userEvent.setup();
    render(renderTree());

    await user.click(await screen.findByRole("button", { name: /start afresh/i }));
    expect(screen.getByText(/status: idle/)).toBeInTheDocument();
  });
});

function renderTree(persistKey = KEY) {
  return (
    <QuizStoreProvider persistKey={persistKey}>
      <QuizStatus />
    </QuizStoreProvider>
  );
}
