"use client";

import { useEffect, useState } from "react";
import { formatPercent } from "@/app/_lib/format";
import type { Locale } from "@/i18n-config";
import type { HistoryEntry } from "../quiz-state";
import { createQuizStore } from "../quiz-store";
import { SELF_STUDY_KEY } from "./self-study-key";

const SHOWN = 20;
const WIDTH = 320;
const HEIGHT = 80;

/**
 * Translated on the server, where i18next is; `{shown}`, `{scores}`,
 * `{percentage}` and `{mode}` are filled in here, where the history is. The
 * chart's label comes in its singular and plural forms, chosen here by the
 * language's plural rules: the home page loads no i18next.
 */
export interface QuizHistoryLabels {
  empty: string;
  chartLabel: { one: string; other: string };
  latest: string;
  practice: string;
  test: string;
}

export interface QuizHistoryProps {
  lng: Locale;
  slugs: string[];
  labels: QuizHistoryLabels;
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (match, key: string) => String(values[key] ?? match));

/** The learner's last finished quizzes on this device, as a small trend line. */
export function QuizHistory({ lng, slugs, labels }: QuizHistoryProps) {
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);

  useEffect(() => {
    let current = true;
    // Read through the quiz store so stored history is validated exactly as the quiz does
    // (asynchronously: the checks load only when something was saved).
    void Promise.all(
      slugs.map(async (slug) => {
        const store = createQuizStore({ persistKey: SELF_STUDY_KEY(slug) });
        await store.persist.rehydrate();
        return store.getState().history;
      }),
    ).then((perArticle) => {
      if (current)
        setHistory(
          perArticle
            .flat()
            .sort((a, b) => a.finishedAt - b.finishedAt)
            .slice(-SHOWN),
        );
    });
    return () => {
      current = false;
    };
  }, [slugs]);

  if (history === null) return null;
  if (history.length === 0) return <p className="hint">{labels.empty}</p>;

  const step = history.length > 1 ? WIDTH / (history.length - 1) : 0;
  const points = history.map(
    (entry, i) => [i * step, HEIGHT - (entry.percentage / 100) * (HEIGHT - 8) - 4] as const,
  );
  const latest = history.at(-1)!;
  const percent = (entry: HistoryEntry) => formatPercent(lng, Math.round(entry.percentage));
  const chartLabel =
    new Intl.PluralRules(lng).select(history.length) === "one"
      ? labels.chartLabel.one
      : labels.chartLabel.other;
  const scores = new Intl.ListFormat(lng, { type: "unit", style: "short" }).format(history.map(percent));
  return (
    <figure className="history">
      <svg
        viewBox={`-4 0 ${WIDTH + 8} ${HEIGHT}`}
        role="img"
        aria-label={fill(chartLabel, { shown: history.length, scores })}
        className="history__chart"
      >
        <line x1="0" x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} className="history__mid" />
        {history.length > 1 ? (
          <polyline points={points.map(([x, y]) => `${x},${y}`).join(" ")} className="history__line" />
        ) : null}
        {points.map(([x, y], i) => (
          <circle key={history[i]!.attemptId} cx={x} cy={y} r="4" className="history__dot" />
        ))}
      </svg>
      <figcaption className="hint">
        {fill(labels.latest, { percentage: percent(latest), mode: labels[latest.mode] })}
      </figcaption>
    </figure>
  );
}
