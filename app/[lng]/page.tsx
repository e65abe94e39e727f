import type { Metadata } from "next";
import type { TFunction } from "i18next";
import { notFound } from "next/navigation";
import { isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { getLibraryEntries } from "@/app/_server/library";
import { SiteHeader } from "@/app/_components/site-header";
import { SiteFooter } from "@/app/_components/site-footer";
import { HomeHistory } from "@/app/_components/home-history";
import { LibraryCard, type LibraryCardLabels } from "@/app/_components/library/library-card";
import { LibraryController } from "@/app/_components/library/library-controller";
import { LibraryFilter } from "@/app/_components/library/library-filter";
import { quizHistoryLabels } from "@/app/quiz/components/quiz-history-labels";
import { CoverageLibrary, type CoverageLabels } from "@/app/_components/coverage-library";
import { HomeWords } from "@/app/_components/home-words";
import { DeviceArticlesList } from "@/app/_components/device-articles-list";
import { libraryLevels } from "@/questions/library";
import "@/app/styles/library.css";

export async function generateMetadata({ params }: PageProps<"/[lng]">): Promise<Metadata> {
  const { lng } = await params;
  if (!isValidLocale(lng)) return {};
  const t = await getT(lng, "home");
  return { title: t("metaTitle") };
}

/** One plural form with its count left as `{count}`, for a client to fill. */
function pluralForm(
  tc: TFunction<"common">,
  key: "minutes_one" | "minutes_other" | "words_one" | "words_other" | "terms_one" | "terms_other",
) {
  return tc(key, { count: "{count}" as unknown as number });
}

export default async function HomePage({ params }: PageProps<"/[lng]">) {
  const { lng } = await params;
  if (!isValidLocale(lng)) notFound();
  const [t, tc, tq, tw] = await Promise.all([
    getT(lng, "home"),
    getT(lng, "common"),
    getT(lng, "quiz"),
    getT(lng, "words"),
  ]);
  const entries = getLibraryEntries();
  const slugs = entries.flatMap((entry) => entry.levels.map((level) => level.slug));
  // Placeholders pass through i18next and are filled in the browser.
  const coverageLabels: CoverageLabels = {
    line: tw("coverage.line", { percent: "{percent}" }),
    bands: {
      hard: tw("coverage.band.hard"),
      supported: tw("coverage.band.supported"),
      comfortable: tw("coverage.band.comfortable"),
    },
    meter: tw("coverage.meterLabel", { percent: "{percent}" }),
    sortLabel: tw("coverage.sortLabel"),
    sortDefault: tw("coverage.sortDefault"),
    sortCoverage: tw("coverage.sortCoverage"),
  };
  const cardLabels: LibraryCardLabels = {
    level: (level) => tc("level", { level }),
    minutes: (count) => tc("minutes", { count }),
    words: (count) => tc("words", { count }),
    terms: (count) => tc("terms", { count }),
    gloss: t("glossLabel"),
    read: t("read"),
    quiz: t("quiz"),
    levels: t("levelsLabel"),
    levelsCaption: t("levelsCaption"),
    readAtLevel: (level) => t("readAtLevel", { level }),
  };
  return (
    <>
      <SiteHeader lng={lng} path="" />
      <main id="main" className="page page--home">
        <section className="hero">
          <h1 className="hero__title">{tc("tagline")}</h1>
          <p className="hero__intro">{t("intro")}</p>
        </section>
        <section aria-labelledby="articles-heading" id="library" className="library">
          <h2 id="articles-heading" className="section-title">
            {t("articlesHeading")}
          </h2>
          <p className="hint">{t("libraryIntro")}</p>
          <p id="library-status" className="visually-hidden" role="status" aria-live="polite" />
          <CoverageLibrary
            lng={lng}
            labels={coverageLabels}
            headingId="articles-heading"
            coverageSlugs={slugs}
            filter={
              <LibraryFilter
                levels={libraryLevels(entries)}
                legend={t("filterLegend")}
                all={t("filterAll")}
                levelName={(level) => tc("level", { level })}
              />
            }
          >
            {entries.map((entry) => (
              <li key={entry.defaultSlug} data-levels={entry.levels.map((l) => l.level).join(" ")}>
                <LibraryCard lng={lng} entry={entry} labels={cardLabels} />
              </li>
            ))}
          </CoverageLibrary>
          <LibraryController
            lng={lng}
            libraryId="library"
            statusId="library-status"
            labels={{
              read: t("progressRead"),
              best: t("progressBest"),
              none: t("progressNone"),
              separator: t("progressSeparator"),
              count: { one: t("count_one"), other: t("count_other") },
              countAtLevel: { one: t("countAtLevel_one"), other: t("countAtLevel_other") },
            }}
          />
        </section>
        <DeviceArticlesList
          lng={lng}
          labels={{
            heading: tc("myArticles.heading"),
            created: tc("myArticles.created"),
            opened: tc("myArticles.opened"),
            // Placeholders pass through i18next and are filled in the browser.
            level: tc("level", { level: "{level}" }),
            minutes: { one: pluralForm(tc, "minutes_one"), other: pluralForm(tc, "minutes_other") },
            words: { one: pluralForm(tc, "words_one"), other: pluralForm(tc, "words_other") },
            terms: { one: pluralForm(tc, "terms_one"), other: pluralForm(tc, "terms_other") },
            gloss: t("glossLabel"),
            read: t("read"),
            quiz: t("quiz"),
            levels: t("levelsLabel"),
            levelsCaption: t("levelsCaption"),
            readAtLevel: t("readAtLevel", { level: "{level}" }),
          }}
        />
        <HomeWords lng={lng} heading={tw("heading")} empty={tw("homeEmpty")} />
        <HomeHistory lng={lng} slugs={slugs} heading={t("historyHeading")} labels={quizHistoryLabels(tq)} />
      </main>
      <SiteFooter lng={lng} />
    </>
  );
}
