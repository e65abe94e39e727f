import Link from "next/link";
import type { Locale } from "@/i18n-config";
import type { CefrLevel } from "@/questions/levels";
import type { LibraryEntry } from "@/questions/library";
import { ArticleCoverage } from "../article-coverage";

/** Words the card needs, made where it is rendered: from `getT` on the server, `t` in a client. */
export interface LibraryCardLabels {
  level: (level: CefrLevel) => string;
  minutes: (count: number) => string;
  words: (count: number) => string;
  terms: (count: number) => string;
  /** Prefix of the English title, for screen readers ("In English:"). */
  gloss: string;
  read: string;
  quiz: string;
  /** Names the links to the text's levels. */
  levels: string;
  /** Shown before them ("Read at:"). */
  levelsCaption: string;
  readAtLevel: (level: CefrLevel) => string;
}

export interface LibraryCardProps {
  lng: Locale;
  entry: LibraryEntry;
  labels: LibraryCardLabels;
}

/**
 * One text of the library. Every level is in the HTML, the original shown;
 * the level filter (CSS only, see library.css) shows the chosen level's
 * block instead. No hooks: the home page renders it on the server, and a
 * client (the texts a device keeps) can render it with its own labels.
 * The `data-progress` line is filled in the browser (see LibraryController),
 * in a space kept for it so the card never moves.
 */
export function LibraryCard({ lng, entry, labels }: LibraryCardProps) {
  const titleId = (slug: string) => `card-title-${slug}`;
  return (
    <article className="card library-card" aria-labelledby={titleId(entry.defaultSlug)}>
      <p className="card__topic">{entry.topic[lng]}</p>
      {entry.levels.map((level) => (
        <div
          key={level.slug}
          className="card__level"
          data-level={level.level}
          data-default={level.slug === entry.defaultSlug ? "" : undefined}
        >
          <h3 id={titleId(level.slug)} className="card__title" lang="fr">
            {level.title.fr}
          </h3>
          <p className="card__gloss">
            <span className="visually-hidden">{labels.gloss} </span>
            <span lang="en">{level.title.en}</span>
          </p>
          <ul className="card__facts">
            <li>
              <span className="badge">{labels.level(level.level)}</span>
            </li>
            <li>{labels.minutes(level.readingMinutes)}</li>
            <li>{labels.words(level.wordCount)}</li>
            <li>{labels.terms(level.termCount)}</li>
          </ul>
          <p className="card__progress" data-progress={level.slug} />
          <ArticleCoverage slug={level.slug} />
          <div className="card__actions">
            <Link prefetch={false} className="button button--primary" href={`/${lng}/read/${level.slug}`}>
              {labels.read}
            </Link>
            <Link prefetch={false} className="button" href={`/${lng}/quiz/${level.slug}`}>
              {labels.quiz}
            </Link>
          </div>
        </div>
      ))}
      {entry.levels.length > 1 ? (
        <nav className="card__levels" aria-label={labels.levels}>
          <span className="card__levels-caption" aria-hidden="true">
            {labels.levelsCaption}
          </span>
          <ul>
            {entry.levels.map((level) => (
              <li key={level.slug}>
                <Link
                  prefetch={false}
                  className="card__level-link"
                  href={`/${lng}/read/${level.slug}`}
                  aria-label={labels.readAtLevel(level.level)}
                >
                  {level.level}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </article>
  );
}
