"use client";

import { useSyncExternalStore } from "react";
import {
  deviceArticlesSnapshot,
  deviceLibraryEntries,
  noDeviceArticles,
  subscribeDeviceArticles,
} from "@/app/_lib/device-articles";
import type { Locale } from "@/i18n-config";
import { LibraryCard } from "./library/library-card";

/** Placeholders (`{level}`, `{count}`) filled here, and plural forms picked with the locale's rules. */
export interface DeviceArticlesLabels {
  heading: string;
  created: string;
  opened: string;
  level: string;
  minutes: { one: string; other: string };
  words: { one: string; other: string };
  terms: { one: string; other: string };
  gloss: string;
  read: string;
  quiz: string;
  levels: string;
  levelsCaption: string;
  readAtLevel: string;
}

/**
 * Teachers' articles this device published or opened, as library cards of
 * their own: unlisted, so only this device can list them. Nothing at all
 * when there are none (and on the server, which cannot know).
 */
export function DeviceArticlesList({ lng, labels }: { lng: Locale; labels: DeviceArticlesLabels }) {
  const articles = useSyncExternalStore(
    subscribeDeviceArticles,
    () => deviceArticlesSnapshot(),
    noDeviceArticles,
  );
  if (articles.length === 0) return null;
  const rules = new Intl.PluralRules(lng);
  const format = new Intl.NumberFormat(lng);
  const count = (forms: { one: string; other: string }) => (n: number) =>
    (rules.select(n) === "one" ? forms.one : forms.other).replace("{count}", format.format(n));
  const cardLabels = {
    level: (level: string) => labels.level.replace("{level}", level),
    minutes: count(labels.minutes),
    words: count(labels.words),
    terms: count(labels.terms),
    gloss: labels.gloss,
    read: labels.read,
    quiz: labels.quiz,
    levels: labels.levels,
    levelsCaption: labels.levelsCaption,
    readAtLevel: (level: string) => labels.readAtLevel.replace("{level}", level),
  };
  return (
    <section aria-labelledby="device-articles-heading" className="device-articles library">
      <h2 id="device-articles-heading" className="section-title">
        {labels.heading}
      </h2>
      <ul className="card-list">
        {deviceLibraryEntries(articles).map((entry) => (
          <li key={entry.id}>
            <p className="device-articles__role">
              {entry.role === "created" ? labels.created : labels.opened}
            </p>
            <LibraryCard lng={lng} entry={entry} labels={cardLabels} />
          </li>
        ))}
      </ul>
    </section>
  );
}
