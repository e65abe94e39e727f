"use client";

import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CefrLevel } from "@/questions/levels";

/** An article a teacher can assign: one text, at each of its levels. */
export interface TeachArticle {
  /** The family id: the same for every level of the text. */
  family: string;
  title: string;
  topic: string;
  /** Easiest first; one for a text written at one level. */
  levels: { level: CefrLevel; slug: string }[];
  /** The level offered first: the original text. */
  defaultSlug: string;
}

export interface ArticleChoiceProps {
  /** Prefix of the field ids: `${idPrefix}-articleSlug` is the one a refusal focuses. */
  idPrefix: string;
  articles: TeachArticle[];
  articleSlug: string;
  everyLevel: boolean;
  invalid: boolean;
  /** The refusal shown under the field, if any. */
  error: ReactNode;
  onChange: (articleSlug: string, everyLevel: boolean) => void;
}

/** Which article, and at which level: one of its levels, or every level (each student picks). */
export function ArticleChoice({
  idPrefix: id,
  articles,
  articleSlug,
  everyLevel,
  invalid,
  error,
  onChange,
}: ArticleChoiceProps) {
  const { t } = useTranslation("teach");
  const article = articles.find((a) => a.levels.some((l) => l.slug === articleSlug));
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-articleSlug`}>{t("form.article")}</label>
        <select
          id={`${id}-articleSlug`}
          value={article?.family ?? ""}
          aria-invalid={invalid ? "true" : undefined}
          aria-describedby={`${id}-article-hint${invalid ? ` ${id}-articleSlug-error` : ""}`}
          onChange={(event) => {
            const chosen = articles.find((a) => a.family === event.target.value);
            if (chosen) onChange(chosen.defaultSlug, false);
          }}
        >
          {articles.map((a) => (
            <option key={a.family} value={a.family} lang="fr">
              {a.title}
            </option>
          ))}
        </select>
        <p id={`${id}-article-hint`} className="hint">
          {article ? `${article.topic} · ` : ""}
          {t("form.levelHint", { levels: article?.levels.map((l) => l.level).join(", ") ?? "" })}
        </p>
        {error}
      </div>

      {article && article.levels.length > 1 ? (
        <fieldset className="choice-group" aria-describedby={everyLevel ? `${id}-level-hint` : undefined}>
          <legend>{t("form.level")}</legend>
          <div className="chips">
            {article.levels.map((level) => (
              <label key={level.slug} className="chip">
                <input
                  type="radio"
                  name="level"
                  checked={!everyLevel && articleSlug === level.slug}
                  onChange={() => onChange(level.slug, false)}
                />
                <span>{level.level}</span>
              </label>
            ))}
            <label className="chip">
              <input
                type="radio"
                name="level"
                checked={everyLevel}
                onChange={() => onChange(article.defaultSlug, true)}
              />
              <span>{t("form.everyLevel")}</span>
            </label>
          </div>
          {everyLevel ? (
            <p id={`${id}-level-hint`} className="hint">
              {t("form.everyLevelHint")}
            </p>
          ) : null}
        </fieldset>
      ) : null}
    </>
  );
}
