"use client";

import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { dueByCount } from "@/questions/words/cards";
import { statusCounts } from "@/questions/words/status";
import { endOfDay } from "../format";
import { useWords } from "../use-words";

export interface HomeCountsProps {
  lng: "en" | "fr";
  /** Links to the review and to the list (the home page); the words page has its own. */
  withLinks?: boolean;
}

/** How many words by status, and the cards due today. */
export function HomeCounts({ lng, withLinks = false }: HomeCountsProps) {
  const { t } = useTranslation("words");
  const words = useWords((s) => s.words);
  const status = useWords((s) => s.status);
  const list = useMemo(() => Object.values(words), [words]);
  const counts = useMemo(() => statusCounts(list), [list]);
  // "Today" is the day the page was opened.
  const [today] = useState(() => endOfDay(Date.now()));
  const due = useMemo(() => dueByCount(list, today), [list, today]);
  const number = new Intl.NumberFormat(lng);
  if (status !== "ready") return null;
  return (
    <div className="word-counts">
      <dl className="word-counts__list" aria-label={t("countsLabel")}>
        {(["new", "learning", "known"] as const).map((key) => (
          <div key={key} className={`word-counts__item word-counts__item--${key}`}>
            <dt>{t(`status.${key}`)}</dt>
            <dd>{number.format(counts[key])}</dd>
          </div>
        ))}
      </dl>
      <p className="word-counts__due">{due > 0 ? t("dueToday", { count: due }) : t("nothingDue")}</p>
      <div className="actions">
        {due > 0 || !withLinks ? (
          <a className={`button${due > 0 ? " button--primary" : ""}`} href={`/${lng}/review`}>
            {t("reviewNow")}
          </a>
        ) : null}
        {withLinks ? (
          <a className="button" href={`/${lng}/words`}>
            {t("allWords")}
          </a>
        ) : null}
      </div>
    </div>
  );
}
