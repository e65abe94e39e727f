import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { i18nConfig, isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { getArticleBundle, getArticleSlugs } from "@/app/_server/content";
import { SiteHeader } from "@/app/_components/site-header";
import { SiteFooter } from "@/app/_components/site-footer";
import { FrenchText } from "@/app/_components/reader/french-text";
import { GlossPopovers, type GlossLabels } from "@/app/_components/reader/gloss-popovers";
import { Glossary } from "@/app/_components/reader/glossary";
import { GlossController } from "@/app/_components/reader/gloss-controller";
import { ReaderPreferencesScript } from "@/app/_components/reader/reader-preferences-script";
import { ReaderToolbar } from "@/app/_components/reader/reader-toolbar";
import { SentencePair } from "@/app/_components/reader/sentence-pair";
import { articleFigures } from "@/questions/article";

export const dynamicParams = false;

export function generateStaticParams() {
  return i18nConfig.locales.flatMap((lng) => getArticleSlugs().map((slug) => ({ lng, slug })));
}

export async function generateMetadata({ params }: PageProps<"/[lng]/read/[slug]">): Promise<Metadata> {
  const { lng, slug } = await params;
  const bundle = getArticleBundle(slug);
  if (!isValidLocale(lng) || !bundle) return {};
  const t = await getT(lng, "reader");
  return { title: t("metaTitle", { title: bundle.article.title.fr }), description: bundle.article.title.en };
}

export default async function ReaderPage({ params }: PageProps<"/[lng]/read/[slug]">) {
  const { lng, slug } = await params;
  const bundle = getArticleBundle(slug);
  if (!isValidLocale(lng) || !bundle) notFound();
  const [t, tc] = await Promise.all([getT(lng, "reader"), getT(lng, "common")]);
  const { article, vocabulary } = bundle;
  const figures = articleFigures(article, vocabulary);

  const glossLabel = (term: string) => t("glossFor", { term });
  const glossLabels: GlossLabels = {
    close: t("close"),
    partOfSpeech: (pos) => t(`pos.${pos}`),
    gender: (gender) => t(`genders.${gender}`),
    level: (level) => tc("level", { level }),
  };
  const pairLabels = {
    show: t("showSentenceEnglish"),
    hide: t("hideSentenceEnglish"),
    listen: t("listen"),
    stop: t("stopListening"),
  };

  return (
    <>
      <ReaderPreferencesScript />
      <SiteHeader lng={lng} path={`/read/${slug}`} />
      <main id="main" className="page page--reader">
        <header className="reader-head">
          <ul className="card__facts">
            <li>
              <span className="badge">{tc("level", { level: article.level })}</span>
            </li>
            <li>{tc("minutes", { count: figures.readingMinutes })}</li>
            <li>{tc("words", { count: figures.wordCount })}</li>
            <li>
              <a href="#glossary">{tc("terms", { count: figures.termCount })}</a>
            </li>
          </ul>
          <h1 className="reader-head__title" lang="fr" id={article.title.id}>
            <FrenchText sentence={article.title} vocabulary={vocabulary} glossLabel={glossLabel} />
          </h1>
          <p className="reader-head__gloss" lang="en">
            {article.title.en}
          </p>
        </header>

        <ReaderToolbar
          labels={{
            toolbar: t("toolbar"),
            showAllEnglish: t("showAllEnglish"),
            speed: t("speed"),
            speedNormal: t("speedNormal"),
            speedSlow: t("speedSlow"),
          }}
        />

        <div className="parallel">
          <div className="parallel__heads" aria-hidden="true">
            <span>{t("french")}</span>
            <span>{t("english")}</span>
          </div>
          {article.paragraphs.map((paragraph) => (
            <section key={paragraph.id} className="paragraph" id={paragraph.id}>
              {paragraph.sentences.map((sentence) => (
                <SentencePair
                  key={sentence.id}
                  id={sentence.id}
                  french={<FrenchText sentence={sentence} vocabulary={vocabulary} glossLabel={glossLabel} />}
                  frenchText={sentence.fr}
                  english={sentence.en}
                  labels={pairLabels}
                />
              ))}
            </section>
          ))}
        </div>

        <p className="reader-cta">
          <Link className="button button--primary" href={`/${lng}/quiz/${slug}`}>
            {t("takeQuiz")}
          </Link>
        </p>

        <Glossary
          vocabulary={vocabulary}
          heading={t("glossaryHeading")}
          intro={t("glossaryIntro")}
          labels={glossLabels}
        />
        <GlossPopovers vocabulary={vocabulary} labels={glossLabels} />
        <GlossController />
      </main>
      <SiteFooter lng={lng} />
    </>
  );
}
