"use client";

import type { Resource } from "i18next";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { StudentView } from "@/app/_server/assignments";
import { deviceStorage } from "@/app/_lib/safe-storage";
import { I18nProvider } from "@/app/i18n/i18n-provider";
import { selectAnswerRecords } from "@/app/quiz/quiz-selectors";
import { QuizStoreProvider, useQuizStore, useQuizStoreApi } from "@/app/quiz/quiz-store-context";
import { QuizScreens } from "@/app/quiz/components/quiz-screens";
import { ReviewItem } from "@/app/quiz/components/review-item";
import type { SentenceTexts } from "@/app/quiz/components/types";
import {
  dequeue,
  enqueue,
  readOutbox,
  sendSubmission,
  type SendOutcome,
  type SubmissionResult,
} from "./outbox";

/** What GET /api/assignments/{id} gives a student: no keys. (A type only: nothing of the server ships.) */
export type StudentAssignment = StudentView;

const nameKey = (id: string) => `glose-assignment:${id}:name`;
const resultKey = (attemptId: string) => `glose-assignment-result:${attemptId}`;

export interface AssignmentQuizProps {
  lng: "en" | "fr";
  slug: string;
  assignment: StudentAssignment;
  sentences: SentenceTexts;
  resources: Resource[string];
}

export function AssignmentQuiz({ lng, slug, assignment, sentences, resources }: AssignmentQuizProps) {
  return (
    <I18nProvider lng={lng} resources={resources}>
      <QuizStoreProvider persistKey={`assignment:${assignment.id}`}>
        <QuizScreens
          lng={lng}
          slug={slug}
          sentences={sentences}
          allowRetry={false}
          setup={<NameForm lng={lng} slug={slug} assignment={assignment} />}
          resultsHeader={<Submission lng={lng} assignment={assignment} />}
        />
      </QuizStoreProvider>
    </I18nProvider>
  );
}

function NameForm({
  lng,
  slug,
  assignment,
}: {
  lng: "en" | "fr";
  slug: string;
  assignment: StudentAssignment;
}) {
  const { t } = useTranslation("assignment");
  const start = useQuizStore((s) => s.start);
  const id = useId();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the saved name exists only in the browser
    setName(deviceStorage().getItem(nameKey(assignment.id)) ?? "");
  }, [assignment.id]);

  if (assignment.closed) {
    return (
      <section className="panel" aria-labelledby={`${id}-closed`}>
        <h2 id={`${id}-closed`}>{t("closedTitle")}</h2>
        <p>{t("closedBody")}</p>
      </section>
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed.length === 0) return setError(t("nameRequired"));
    if ([...trimmed].length > 40) return setError(t("nameTooLong"));
    setError(null);
    // Without storage the name is still sent with this attempt.
    deviceStorage().setItem(nameKey(assignment.id), trimmed);
    const { questions } = assignment;
    start(questions, {
      options: {
        seed: 0,
        count: questions.length,
        kinds: [...new Set(questions.map((q) => q.kind))],
        language: assignment.language,
      },
      // Feedback comes from the server after sending: the browser does not know the keys.
      mode: "test",
      helpsAllowed: assignment.helpsAllowed,
      articleSlug: slug,
    });
  }

  return (
    <form className="panel" onSubmit={onSubmit} noValidate>
      <p>{t("questionCount", { count: assignment.questions.length })}</p>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t("name")}</label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="name"
          value={name}
          maxLength={60}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          onChange={(event) => setName(event.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          {t("nameHint")}
        </p>
        {error ? (
          <p id={`${id}-error`} className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary button--wide">
          {t("start")}
        </button>
        <a className="button button--quiet" href={`/${lng}/read/${slug}`}>
          {t("readFirst")}
        </a>
      </div>
    </form>
  );
}

type SendState =
  | { kind: "sending" }
  | { kind: "waiting" }
  | { kind: "sent"; result: SubmissionResult }
  | { kind: "rejected"; status: number; error: string };

const RETRY_EVERY_MS = 15_000;

/** Sends the finished attempt, and says plainly where it stands: sending, waiting, sent. */
function Submission({ lng, assignment }: { lng: "en" | "fr"; assignment: StudentAssignment }) {
  const { t } = useTranslation("assignment");
  const store = useQuizStoreApi();
  const attemptId = useQuizStore((s) => s.attemptId);
  const [state, setState] = useState<SendState>({ kind: "sending" });
  const sendingRef = useRef(false);

  const trySend = useCallback(async () => {
    const storage = deviceStorage();
    const current = store.getState();
    if (!current.attemptId || sendingRef.current) return;
    const saved = storage.getItem(resultKey(current.attemptId));
    if (saved) {
      setState({ kind: "sent", result: JSON.parse(saved) as SubmissionResult });
      return;
    }
    const pending = {
      assignmentId: assignment.id,
      attemptId: current.attemptId,
      name: storage.getItem(nameKey(assignment.id)) ?? "",
      answers: selectAnswerRecords(current),
      queuedAt: Date.now(),
    };
    // Queued before the first try: a tab closed mid-request still has it.
    if (!readOutbox(storage).some((p) => p.attemptId === pending.attemptId)) enqueue(storage, pending);
    sendingRef.current = true;
    const outcome: SendOutcome = await sendSubmission(pending);
    sendingRef.current = false;
    if (outcome.kind === "offline") {
      setState({ kind: "waiting" });
      return;
    }
    dequeue(storage, pending.attemptId);
    if (outcome.kind === "sent") {
      // The result is on screen; keeping it for a reload is a nicety.
      storage.setItem(resultKey(pending.attemptId), JSON.stringify(outcome.result));
      setState({ kind: "sent", result: outcome.result });
    } else {
      setState({ kind: "rejected", status: outcome.status, error: outcome.error });
    }
  }, [assignment.id, store]);

  const waiting = state.kind === "sending" || state.kind === "waiting";
  useEffect(() => {
    if (!waiting) return; // Sent or refused: nothing left to retry.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- sending starts when the results appear; state follows the network
    void trySend();
    const retry = () => void trySend();
    window.addEventListener("online", retry);
    const timer = window.setInterval(retry, RETRY_EVERY_MS);
    return () => {
      window.removeEventListener("online", retry);
      window.clearInterval(timer);
    };
  }, [trySend, attemptId, waiting]);

  return (
    <div className="submission" aria-live="polite">
      {state.kind === "sending" ? <p className="notice">{t("sending")}</p> : null}
      {state.kind === "waiting" ? (
        <div className="notice">
          <p>{t("waiting")}</p>
          <button type="button" className="button" onClick={() => void trySend()}>
            {t("retryNow")}
          </button>
        </div>
      ) : null}
      {state.kind === "rejected" ? (
        <p className="notice notice--bad" role="alert">
          {state.status === 409
            ? /attempt/i.test(state.error)
              ? t("attemptsUsed")
              : t("closedOnSend")
            : t("rejected", { message: state.error })}
        </p>
      ) : null}
      {state.kind === "sent" ? <SentResult lng={lng} assignment={assignment} result={state.result} /> : null}
    </div>
  );
}

function SentResult({
  lng,
  assignment,
  result,
}: {
  lng: "en" | "fr";
  assignment: StudentAssignment;
  result: SubmissionResult;
}) {
  const { t } = useTranslation("assignment");
  const format = (n: number) => new Intl.NumberFormat(lng, { maximumFractionDigits: 1 }).format(n);
  const questions = new Map(assignment.questions.map((q) => [q.id, q]));
  return (
    <>
      <p className="notice notice--good">{t("sent")}</p>
      <p className="results__band">
        <strong>
          {t("score", {
            score: format(result.score),
            max: result.maxScore,
            percentage: format(result.percentage),
          })}
        </strong>
      </p>
      {result.review ? (
        <>
          <h3 id="assignment-review">{t("review")}</h3>
          <ol className="review" aria-labelledby="assignment-review">
            {result.review.map((item, n) => {
              const question = questions.get(item.questionId);
              if (!question) return null;
              return (
                <ReviewItem
                  key={item.questionId}
                  lng={lng}
                  n={n + 1}
                  question={question}
                  chosenId={item.chosen}
                  answerId={item.answerId}
                  correct={item.correct}
                  explanation={item.explanation}
                />
              );
            })}
          </ol>
        </>
      ) : (
        <p className="hint">{t("reviewLater")}</p>
      )}
    </>
  );
}
