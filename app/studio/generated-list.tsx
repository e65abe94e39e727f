"use client";

import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { GeneratedQuestion } from "@/questions/generate";
import type { Sentence } from "@/questions/schema";
import { itemWarnings } from "@/questions/studio/warnings";
import { useBuilt } from "./editor-context";

/** Questions as the quiz will ask them, the answer marked, the audit's warnings beside each. */
export function GeneratedList({ generated, heading }: { generated: GeneratedQuestion[]; heading: string }) {
  const { t, i18n } = useTranslation("studio");
  const built = useBuilt();
  const sentences = useMemo(() => {
    const article = built.bundle?.article;
    const all: Sentence[] = article ? [article.title, ...article.paragraphs.flatMap((p) => p.sentences)] : [];
    return new Map(all.map((s) => [s.id, s]));
  }, [built]);

  if (generated.length === 0) return null;
  return (
    <div className="generated">
      {heading ? <p className="generated__heading">{heading}</p> : null}
      <ol className="generated__list">
        {generated.map((g) => {
          const { question } = g;
          const warnings = itemWarnings(g, sentences);
          return (
            <li key={question.id} className="generated__item">
              <p className="generated__kind">{t(`preview.kinds.${question.kind}`)}</p>
              <p className="generated__prompt" lang={question.language}>
                {question.prompt}
              </p>
              <ul className="generated__options" lang={question.optionsLanguage}>
                {question.options.map((option) => (
                  <li
                    key={option.id}
                    className={
                      option.id === question.answerId
                        ? "generated__option generated__option--key"
                        : "generated__option"
                    }
                  >
                    {option.text}
                    {option.id === question.answerId ? (
                      <span className="visually-hidden" lang={i18n.language}>
                        {" "}
                        ({t("preview.answer")})
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
              {warnings.map((warning) => (
                <p key={warning} className="problem problem--warning">
                  {t(`preview.warnings.${warning}`)}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
