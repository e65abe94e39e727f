"use client";

import type { Locale } from "@/i18n-config";
import { useTranslation } from "react-i18next";
import type { Question } from "@/questions/question-types";
import { EvidenceQuote } from "./evidence-quote";

export interface ReviewItemProps {
  lng: Locale;
  n: number;
  question: Pick<Question, "stem" | "language" | "passage" | "options" | "optionsLanguage">;
  chosenId: string | null;
  answerId: string;
  correct: boolean;
  helpUsed?: boolean;
  explanation: Question["explanation"];
  /** The sentence that answers it, with a link back into the reader. */
  evidence?: { slug: string; sentenceId: string; fr: string; en: string };
}

/** One question of a review: the learner's answer beside the key, why, and where the text says so. */
export function ReviewItem({
  lng,
  n,
  question,
  chosenId,
  answerId,
  correct,
  helpUsed,
  explanation,
  evidence,
}: ReviewItemProps) {
  const { t } = useTranslation("quiz");
  const chosen = question.options.find((option) => option.id === chosenId);
  const key = question.options.find((option) => option.id === answerId);
  return (
    <li className={`review__item ${correct ? "review__item--right" : "review__item--wrong"}`}>
      <p className="review__head">
        <span className="review__mark">{correct ? t("results.correctMark") : t("results.wrongMark")}</span>
        {helpUsed ? <span className="badge badge--small">{t("results.helpMark")}</span> : null}{" "}
        <span className="visually-hidden">{t("results.reviewQuestion", { n })}</span>
      </p>
      <p className="review__stem" lang={question.language}>
        {question.stem}
      </p>
      {question.passage ? (
        <p className="question-passage" lang="fr">
          {question.passage}
        </p>
      ) : null}
      <dl className="review__answers">
        <div>
          <dt>{t("feedback.yourAnswer")}</dt>
          <dd lang={chosen ? question.optionsLanguage : undefined}>
            {chosen?.text ?? t("feedback.noAnswer")}
          </dd>
        </div>
        <div>
          <dt>{t("feedback.key")}</dt>
          <dd lang={question.optionsLanguage}>{key?.text}</dd>
        </div>
      </dl>
      <p>{explanation[lng]}</p>
      {evidence ? (
        <EvidenceQuote lng={lng} slug={evidence.slug} sentenceId={evidence.sentenceId} evidence={evidence} />
      ) : null}
    </li>
  );
}
