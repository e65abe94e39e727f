"use client";

import { useEffect, useState, type ComponentType } from "react";
import type { QuizHistoryLabels, QuizHistoryProps } from "@/app/quiz/components/quiz-history";

export interface HomeHistoryProps {
  slugs: string[];
  heading: string;
  labels: QuizHistoryLabels;
}

/**
 * The learner's trend lives in this browser only. Its code (the quiz store)
 * loads when the page is idle, so it never delays the first paint or input.
 */
export function HomeHistory({ slugs, heading, labels }: HomeHistoryProps) {
  const [QuizHistory, setQuizHistory] = useState<ComponentType<QuizHistoryProps> | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      void import("@/app/quiz/components/quiz-history").then((module) => {
        if (!cancelled) setQuizHistory(() => module.QuizHistory);
      });
    // Safari has no requestIdleCallback: a timeout after load does the same job there.
    const hasIdle = typeof window.requestIdleCallback === "function";
    const handle = hasIdle
      ? window.requestIdleCallback(load, { timeout: 3000 })
      : window.setTimeout(load, 1500);
    return () => {
      cancelled = true;
      if (hasIdle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, []);

  return (
    <section aria-labelledby="history-heading" className="home-history">
      <h2 id="history-heading" className="section-title">
        {heading}
      </h2>
      {QuizHistory ? <QuizHistory slugs={slugs} labels={labels} /> : null}
    </section>
  );
}
