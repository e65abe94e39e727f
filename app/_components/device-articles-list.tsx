"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import {
  deviceArticlesSnapshot,
  noDeviceArticles,
  subscribeDeviceArticles,
  type DeviceArticle,
} from "@/app/_lib/device-articles";
import type { Locale } from "@/i18n-config";

export interface DeviceArticlesLabels {
  heading: string;
  created: string;
  opened: string;
  /** "Level {level}", the placeholder filled here. */
  level: string;
}

/** This device's articles, for the library to render its own way. */
export function useDeviceArticles(): DeviceArticle[] {
  return useSyncExternalStore(subscribeDeviceArticles, () => deviceArticlesSnapshot(), noDeviceArticles);
}

/**
 * Teachers' articles this device published or opened: unlisted, so only this
 * device can list them. Nothing at all when there are none.
 */
export function DeviceArticlesList({ lng, labels }: { lng: Locale; labels: DeviceArticlesLabels }) {
  const articles = useDeviceArticles();
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="device-articles-heading" className="device-articles">
      <h2 id="device-articles-heading" className="section-title">
        {labels.heading}
      </h2>
      <ul className="device-articles__list">
        {articles.map((article) => (
          <li key={article.slug} className="device-articles__item">
            <Link
              prefetch={false}
              href={`/${lng}/read/${article.slug}`}
              lang="fr"
              className="device-articles__title"
            >
              {article.title}
            </Link>
            <span className="device-articles__meta">
              <span className="badge">{labels.level.replace("{level}", article.level)}</span>{" "}
              {article.role === "created" ? labels.created : labels.opened}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
