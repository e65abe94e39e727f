"use client";

import { useEffect, useState, type ComponentType } from "react";
import type { QuizHistoryLabels, QuizHistoryProps } from "@/app/quiz/components/quiz-history";
import { SELF_STUDY_KEY } from "@/app/quiz/components/self-study-key";
import { quizStorageName } from "@/app/quiz/quiz-storage-name";
import { deviceStorage } from "@/app/_lib/safe-storage";
import type { Locale } from "@/i18n-config";
import { whenIdleAfterLoad } from "./when-idle-after-load";

/** The trend's code loads at most this long after `load`, idle or not. */
const IDLE_TIMEOUT_MS = 3000;

/** With storage off, nothing was saved: there is no history to show. */
function hasSavedQuiz(slug: string): boolean {
  return deviceStorage().getItem(quizStorageName(SELF_STUDY_KEY(slug))) !== null;
}

export interface HomeHistoryProps {
  lng: Locale;
  slugs: string[];
  heading: string;
  labels: QuizHistoryLabels;
}

/**
 * The learner's trend lives in this browser only. Its code (the quiz store)
 * loads when the page is idle, so it never delays the first paint or input.
 */
export function HomeHistory({ lng, slugs, heading, labels }: HomeHistoryProps) {
  const [QuizHistory, setQuizHistory] = useState<ComponentType<QuizHistoryProps> | null>(null);
  const [nothingSaved, setNothingSaved] = useState(false);

  useEffect(() => {
    // A first visit has no history: say so without loading the quiz store at all.
    if (!slugs.some((slug) => hasSavedQuiz(slug))) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- storage exists only after mount
      setNothingSaved(true);
      return;
    }
    let cancelled = false;
    const cancel = whenIdleAfterLoad(
      () =>
        void import("@/app/quiz/components/quiz-history").then((module) => {
          if (!cancelled) setQuizHistory(() => module.QuizHistory);
        }),
      IDLE_TIMEOUT_MS,
    );
    return () => {
      cancelled = true;
      cancel();
    };
  }, [slugs]);

  return (
    <section aria-labelledby="history-heading" className="home-history">
      <h2 id="history-heading" className="section-title">
        {heading}
      </h2>
      {QuizHistory ? <QuizHistory lng={lng} slugs={slugs} labels={labels} /> : null}
      {nothingSaved ? <p className="hint">{labels.empty}</p> : null}
    </section>
  );
}
