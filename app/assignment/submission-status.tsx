"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS, type ErrorCode, type StudentView, type SubmissionResponse } from "@/app/api/contract";
import { deviceStorage } from "@/app/_lib/safe-storage";
import { fillNode, SLOT } from "@/app/_components/fill-node";
import { LocalTime } from "@/app/_components/local-time";
import { useRefusalMessage } from "@/app/_components/use-refusal-message";
import { formatNumber, formatPercent } from "@/app/_lib/format";
import { selectAnswerRecords } from "@/app/quiz/quiz-selectors";
import { useQuizStore, useQuizStoreApi } from "@/app/quiz/quiz-store-context";
import { ReviewItem } from "@/app/quiz/components/review-item";
import type { Locale } from "@/i18n-config";
import { saveResult, savedName, savedResult } from "./device-records";
import { dequeue, enqueue, readOutbox, sendSubmission } from "./outbox";

type SendState =
  | { kind: "sending" }
  /** Offline (or the server failed), or `busyFor` seconds of rate limit: kept on the device, tried again. */
  | { kind: "waiting"; busyFor?: number }
  | { kind: "sent"; result: SubmissionResponse }
  | { kind: "refused"; code: ErrorCode };

const RETRY_EVERY_MS = 15_000;

export interface SubmissionStatusProps {
  lng: Locale;
  assignment: StudentView;
}

/** Sends the finished attempt, and says plainly where it stands: sending, waiting, sent or refused. */
export function SubmissionStatus({ lng, assignment }: SubmissionStatusProps) {
  const { t } = useTranslation("assignment");
  const refusalMessage = useRefusalMessage();
  const store = useQuizStoreApi();
  const attemptId = useQuizStore((s) => s.attemptId);
  const [state, setState] = useState<SendState>({ kind: "sending" });
  const sendingRef = useRef(false);

  const trySend = useCallback(async () => {
    const current = store.getState();
    if (!current.attemptId || sendingRef.current) return;
    const storage = deviceStorage();
    const pending = {
      assignmentId: assignment.id,
      attemptId: current.attemptId,
      name: savedName(assignment.id),
      ...(assignment.level !== null ? { level: assignment.level } : {}),
      // A question left open for hours is still an answer, not a reason to refuse the lot.
      answers: selectAnswerRecords(current).map((a) => ({ ...a, ms: Math.min(a.ms, LIMITS.answerMs) })),
      queuedAt: Date.now(),
    };
    const saved = savedResult(current.attemptId);
    if (saved) {
      setState({ kind: "sent", result: saved });
      // A test's answers come once it is closed: the server gives them to the same attempt sent again.
      if (!assignment.closed || saved.review !== undefined) return;
      sendingRef.current = true;
      const outcome = await sendSubmission(pending);
      sendingRef.current = false;
      if (outcome.kind === "sent") {
        saveResult(outcome.result);
        setState({ kind: "sent", result: outcome.result });
      }
      return;
    }
    // Queued before the first try: a tab closed mid-request still has it.
    if (!readOutbox(storage).some((p) => p.attemptId === pending.attemptId)) enqueue(storage, pending);
    sendingRef.current = true;
    const outcome = await sendSubmission(pending);
    sendingRef.current = false;
    switch (outcome.kind) {
      case "offline":
        return setState({ kind: "waiting" });
      case "later":
        return setState({ kind: "waiting", busyFor: outcome.retryAfter });
      case "sent":
        dequeue(storage, pending.attemptId);
        saveResult(outcome.result);
        return setState({ kind: "sent", result: outcome.result });
      case "refused":
        dequeue(storage, pending.attemptId);
        return setState({ kind: "refused", code: outcome.code });
    }
  }, [assignment.id, assignment.closed, assignment.level, store]);

  const waiting = state.kind === "sending" || state.kind === "waiting";
  const busyFor = state.kind === "waiting" ? state.busyFor : undefined;
  useEffect(() => {
    if (!waiting) return; // Sent or refused: nothing left to retry.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- sending starts when the results appear; state follows the network
    if (busyFor === undefined) void trySend();
    const retry = () => void trySend();
    window.addEventListener("online", retry);
    // A rate-limited send waits as long as the server asked; an offline one tries every 15 s.
    const timer = window.setInterval(retry, busyFor !== undefined ? busyFor * 1000 : RETRY_EVERY_MS);
    return () => {
      window.removeEventListener("online", retry);
      window.clearInterval(timer);
    };
  }, [trySend, attemptId, waiting, busyFor]);

  return (
    <div className="submission" aria-live="polite">
      {state.kind === "sending" ? <p className="notice">{t("sending")}</p> : null}
      {state.kind === "waiting" ? (
        <div className="notice">
          <p>
            {state.busyFor === undefined
              ? t("waiting")
              : refusalMessage({ code: "rate_limited", retryAfter: state.busyFor })}
          </p>
          <button type="button" className="button" onClick={() => void trySend()}>
            {t("retryNow")}
          </button>
        </div>
      ) : null}
      {state.kind === "refused" ? (
        <p className="notice notice--bad" role="alert">
          {refusalMessage({ code: state.code })}
        </p>
      ) : null}
      {state.kind === "sent" ? <SentResult lng={lng} assignment={assignment} result={state.result} /> : null}
    </div>
  );
}

interface SentResultProps {
  lng: Locale;
  assignment: StudentView;
  result: SubmissionResponse;
}

function SentResult({ lng, assignment, result }: SentResultProps) {
  const { t } = useTranslation("assignment");
  const questions = new Map(assignment.questions.map((q) => [q.id, q]));
  return (
    <>
      <p className="notice notice--good">{t("sent")}</p>
      <p className="results__band">
        <strong>
          {t("score", {
            score: formatNumber(lng, result.score),
            max: result.maxScore,
            percentage: formatPercent(lng, result.percentage),
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
        <p className="hint">
          {assignment.dueAt
            ? fillNode(
                t("reviewAfterDue", { date: SLOT }),
                <LocalTime iso={assignment.dueAt} lng={lng} format="long" />,
              )
            : t("reviewOnClose")}
        </p>
      )}
    </>
  );
}
