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

export async function generateMetadata({ params }: PageProps<"/[lng]">): Promise<Metadata> {
  const { lng } = await params;
  if (!isValidLocale(lng)) return {};
  const t = await getT(lng, "home");
  return { title: t("metaTitle") };
}

export default async function HomePage({ params }: PageProps<"/[lng]">) {
  const { lng } = await params;
  if (!isValidLocale(lng)) notFound();
  const [t, tc, tq] = await Promise.all([getT(lng, "home"), getT(lng, "common"), getT(lng, "quiz")]);
  const bundles = getAllArticleBundles();
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
          <ul className="card-list">
            {bundles.map((bundle) => (
              <li key={bundle.article.slug}>
                <ArticleCard lng={lng} bundle={bundle} />
              </li>
            ))}
          </ul>
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
        <HomeHistory
          slugs={bundles.map((bundle) => bundle.article.slug)}
          heading={t("historyHeading")}
          labels={{
            empty: tq("history.empty"),
            // Placeholders pass through i18next and are filled in the browser.
            chartLabel: tq("history.chartLabel", { count: "{count}" as unknown as number }),
            latest: tq("history.latest", { percentage: "{percentage}", mode: "{mode}" }),
            practice: tq("history.practice"),
            test: tq("history.test"),
          }}
        />
      </main>
      <SiteFooter lng={lng} />
    </>
  );
}
