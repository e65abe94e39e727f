"use client";

import type { Locale } from "@/i18n-config";
import { lazy, Suspense, useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { QUESTION_KINDS } from "@/questions/question-kinds";
import { formatNumber, formatPercent } from "@/app/_lib/format";
import { scoreBand } from "@/questions/scoring";
import { selectMistakes, selectScore } from "../quiz-selectors";
import { hasKey } from "../quiz-state";
import { useQuizStore } from "../quiz-store-context";
import { ReviewItem } from "./review-item";
import type { SentenceTexts } from "./types";

/** Offers missed vocabulary for review; its code (and the words store) loads only when a word was missed. */
const MistakesToReview = lazy(() =>
  import("@/app/words/components/mistakes-to-review").then((module) => ({
    default: module.MistakesToReview,
  })),
);

export interface ResultsScreenProps {
  lng: Locale;
  slug: string;
  sentences: SentenceTexts;
  header?: ReactNode;
  allowRetry: boolean;
}

export function ResultsScreen({ lng, slug, sentences, header, allowRetry }: ResultsScreenProps) {
  const { t } = useTranslation("quiz");
  const score = useQuizStore(selectScore);
  const mistakes = useQuizStore(selectMistakes);
  const questions = useQuizStore((s) => s.questions);
  const retryMistakes = useQuizStore((s) => s.retryMistakes);
  const reset = useQuizStore((s) => s.reset);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  // No keys in the browser (an assignment): the score and the answers come from the server.
  if (!score) {
    return (
      <section className="results" aria-labelledby="results-heading">
        <h2 id="results-heading" ref={headingRef} tabIndex={-1}>
          {t("results.heading")}
        </h2>
        {header}
      </section>
    );
  }

  const kinds = QUESTION_KINDS.filter((kind) => score.byKind[kind].count > 0);
  const missedVocabulary = mistakes.filter((question) => question.kind === "vocabulary");
  const seconds = Math.round(score.totalMs / 1000);
  const results = new Map(score.perQuestion.map((result) => [result.questionId, result]));
  const keyed = questions.filter(hasKey);

  return (
    <section className="results" aria-labelledby="results-heading">
      {header}
      <h2 id="results-heading" ref={headingRef} tabIndex={-1}>
        {t("results.heading")}
      </h2>
      <div className="results__score">
        <p className="results__points">
          {t("results.score", { score: formatNumber(lng, score.score), max: score.maxScore })}
        </p>
        <p className="results__percentage">{formatPercent(lng, score.percentage)}</p>
      </div>
      <p className="results__band">{t(`results.band.${scoreBand(score.percentage)}`)}</p>

      <dl className="stats">
        <div>
          <dt>{t("results.bestStreak")}</dt>
          <dd>{score.bestStreak}</dd>
        </div>
        <div>
          <dt>{t("results.helpsUsed")}</dt>
          <dd>{score.helpsUsed}</dd>
        </div>
        <div>
          <dt>{t("results.time")}</dt>
          <dd>{t("results.minutesSeconds", { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })}</dd>
        </div>
      </dl>

      <h3 id="by-kind-heading">{t("results.byKind")}</h3>
      <ul className="kind-bars" aria-labelledby="by-kind-heading">
        {kinds.map((kind) => {
          const { correct, count, score: points, max } = score.byKind[kind];
          const share = max ? points / max : 0;
          return (
            <li key={kind} className="kind-bar">
              <span className="kind-bar__label">
                {t("results.kindRow", { kind: t(`kinds.${kind}`), correct, count })}
              </span>
              <span className="kind-bar__track" aria-hidden="true">
                <span className="kind-bar__fill" style={{ width: `${Math.round(share * 100)}%` }} />
              </span>
            </li>
          );
        })}
      </ul>

      <div className="actions">
        {allowRetry ? (
          mistakes.length > 0 ? (
            <button type="button" className="button button--primary" onClick={retryMistakes}>
              {t("results.retryMistakes")}
            </button>
          ) : (
            <p className="hint">{t("results.noMistakes")}</p>
          )
        ) : null}
        {allowRetry ? (
          <button type="button" className="button" onClick={reset}>
            {t("results.newQuiz")}
          </button>
        ) : null}
      </div>
      {missedVocabulary.length > 0 ? (
        <Suspense fallback={null}>
          <MistakesToReview lng={lng} slug={slug} questions={missedVocabulary} sentences={sentences} />
        </Suspense>
      ) : null}

      {keyed.length > 0 ? (
        <>
          <h3 id="review-heading">{t("results.review")}</h3>
          <ol className="review" aria-labelledby="review-heading">
            {keyed.map((question, n) => {
              const result = results.get(question.id);
              const evidence = sentences[question.evidenceSentenceId];
              return (
                <ReviewItem
                  key={question.id}
                  lng={lng}
                  n={n + 1}
                  question={question}
                  chosenId={result?.optionId ?? null}
                  answerId={question.answerId}
                  correct={result?.correct ?? false}
                  helpUsed={result?.helpUsed}
                  explanation={question.explanation}
                  evidence={
                    evidence ? { slug, sentenceId: question.evidenceSentenceId, ...evidence } : undefined
                  }
                />
              );
            })}
          </ol>
        </>
      ) : null}
    </section>
  );
}
