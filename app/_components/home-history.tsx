"use client";

import type { Resource } from "i18next";
import dynamic from "next/dynamic";
import { I18nProvider } from "@/app/i18n/i18n-provider";

// Loaded after the page: history lives in this browser only, and the store's code
// should not weigh on the first paint of the home page.
const QuizHistory = dynamic(() => import("@/app/quiz/components/quiz-history").then((m) => m.QuizHistory), {
  ssr: false,
});

export interface HomeHistoryProps {
  lng: "en" | "fr";
  slugs: string[];
  resources: Resource[string];
  heading: string;
}

export function HomeHistory({ lng, slugs, resources, heading }: HomeHistoryProps) {
  return (
    <section aria-labelledby="history-heading" className="home-history">
      <h2 id="history-heading" className="section-title">
        {heading}
      </h2>
      <I18nProvider lng={lng} resources={resources}>
        <QuizHistory slugs={slugs} />
      </I18nProvider>
    </section>
  );
}
