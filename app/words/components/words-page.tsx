"use client";

import type { Resource } from "i18next";
import { I18nProvider } from "@/app/i18n/i18n-provider";
import { ReviewSession } from "./review-session";
import { WordList } from "./word-list";

export interface WordsPageProps {
  lng: "en" | "fr";
  view: "review" | "list";
  resources: Resource[string];
}

/** The client part of /review and /words: both read the words from this device. */
export function WordsPage({ lng, view, resources }: WordsPageProps) {
  return (
    <I18nProvider lng={lng} resources={resources}>
      {view === "review" ? <ReviewSession lng={lng} /> : <WordList lng={lng} />}
    </I18nProvider>
  );
}
