"use client";

import { useEffect, useState, type ComponentType } from "react";
import { hasSavedWords } from "@/app/words/has-words";
import type { HomeWordsPanelProps } from "@/app/words/components/home-words-panel";
import { whenIdleAfterLoad } from "./when-idle-after-load";

const IDLE_TIMEOUT_MS = 3000;

export interface HomeWordsProps {
  lng: "en" | "fr";
  heading: string;
  empty: string;
}

/**
 * The learner's words on the home page: counts by status and the cards due
 * today. Their code (IndexedDB, the scheduler) loads when the page is idle,
 * and only on a device with saved words.
 */
export function HomeWords({ lng, heading, empty }: HomeWordsProps) {
  const [Panel, setPanel] = useState<ComponentType<HomeWordsPanelProps> | null>(null);

  useEffect(() => {
    if (!hasSavedWords()) return;
    let cancelled = false;
    const cancel = whenIdleAfterLoad(
      () =>
        void import("@/app/words/components/home-words-panel").then((module) => {
          if (!cancelled) setPanel(() => module.HomeWordsPanel);
        }),
      IDLE_TIMEOUT_MS,
    );
    return () => {
      cancelled = true;
      cancel();
    };
  }, []);

  return (
    <section aria-labelledby="words-heading" className="home-words">
      <h2 id="words-heading" className="section-title">
        {heading}
      </h2>
      <div className="home-words__body">{Panel ? <Panel lng={lng} /> : <p className="hint">{empty}</p>}</div>
    </section>
  );
}
