"use client";

import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useQuizStore } from "../quiz-store-context";

export function ResumeOffer() {
  const { t } = useTranslation("quiz");
  const index = useQuizStore((s) => s.index);
  const total = useQuizStore((s) => s.questions.length);
  const resume = useQuizStore((s) => s.resume);
  const reset = useQuizStore((s) => s.reset);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="panel" aria-labelledby="resume-heading">
      <h2 id="resume-heading" ref={headingRef} tabIndex={-1}>
        {t("resume.title")}
      </h2>
      <p>{t("resume.body", { current: index + 1, total })}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={resume}>
          {t("resume.resume")}
        </button>
        <button type="button" className="button" onClick={reset}>
          {t("resume.restart")}
        </button>
      </div>
    </section>
  );
}
