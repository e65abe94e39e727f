import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { getAllArticleBundles } from "@/app/_server/content";
import { SiteHeader } from "@/app/_components/site-header";
import { SiteFooter } from "@/app/_components/site-footer";
import { ArticleCard } from "@/app/_components/article-card";
import { HomeHistory } from "@/app/_components/home-history";
import { DeviceArticlesList } from "@/app/_components/device-articles-list";
import { quizHistoryLabels } from "@/app/quiz/components/quiz-history-labels";
import { CoverageLibrary, type CoverageLabels } from "@/app/_components/coverage-library";
import { HomeWords } from "@/app/_components/home-words";

export async function generateMetadata({ params }: PageProps<"/[lng]">): Promise<Metadata> {
  const { lng } = await params;
  if (!isValidLocale(lng)) return {};
  const t = await getT(lng, "home");
  return { title: t("metaTitle") };
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
  const bundles = getAllArticleBundles();
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
  return (
    <>
      <SiteHeader lng={lng} path="" />
      <main id="main" className="page page--home">
        <section className="hero">
          <h1 className="hero__title">{tc("tagline")}</h1>
          <p className="hero__intro">{t("intro")}</p>
        </section>
        <section aria-labelledby="articles-heading">
          <h2 id="articles-heading" className="section-title">
            {t("articlesHeading")}
          </h2>
          <CoverageLibrary lng={lng} labels={coverageLabels} headingId="articles-heading">
            {bundles.map((bundle) => (
              <li key={bundle.article.slug}>
                <ArticleCard lng={lng} bundle={bundle} />
              </li>
            ))}
          </CoverageLibrary>
        </section>
        <DeviceArticlesList
          lng={lng}
          labels={{
            heading: tc("myArticles.heading"),
            created: tc("myArticles.created"),
            opened: tc("myArticles.opened"),
            // The placeholder passes through i18next and is filled in the browser.
            level: tc("level", { level: "{level}" }),
          }}
        />
        <HomeWords lng={lng} heading={tw("heading")} empty={tw("homeEmpty")} />
        <HomeHistory
          lng={lng}
          slugs={bundles.map((bundle) => bundle.article.slug)}
          heading={t("historyHeading")}
          labels={quizHistoryLabels(tq)}
        />
      </main>
      <SiteFooter lng={lng} />
    </>
  );
}
