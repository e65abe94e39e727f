"use client";

import enWords from "@/locales/en/words.json";
import frWords from "@/locales/fr/words.json";
import { I18nProvider } from "@/app/i18n/i18n-provider";
import { HomeCounts } from "./home-counts";
import { WordsNotice } from "./words-notice";

export interface HomeWordsPanelProps {
  lng: "en" | "fr";
}

const RESOURCES = { en: { words: enWords }, fr: { words: frWords } } as const;

/**
 * Loaded by the home page only on a device with saved words; it brings its
 * own strings, so the home page's HTML carries none of them.
 */
export function HomeWordsPanel({ lng }: HomeWordsPanelProps) {
  return (
    <I18nProvider lng={lng} resources={RESOURCES[lng]}>
      <WordsNotice />
      <HomeCounts lng={lng} withLinks />
    </I18nProvider>
  );
}
