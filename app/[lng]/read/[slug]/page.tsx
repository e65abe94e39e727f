import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { i18nConfig, isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { getArticleFamily, getArticleSlugs, loadArticle } from "@/app/_server/content";
import { LevelSwitch } from "@/app/_components/level-switch";
import {
  articleBodyHtml,
  frenchHtml,
  glossaryHtml,
  glossPopoverHtml,
  type ReaderLabels,
} from "@/app/_server/reader-html";
import { cache } from "react";
import { glossWordsHtml, selectionWordsHtml, type ReaderWordsLabels } from "@/app/_server/reader-words-html";
import { ArticleFacts } from "@/app/_components/article-facts";
import { ArticleSource } from "@/app/_components/article-source";
import { RememberArticle } from "@/app/_components/remember-article";
import { libraryLevel } from "@/questions/library";
import { SiteHeader } from "@/app/_components/site-header";
import { SiteFooter } from "@/app/_components/site-footer";
import { ReaderController } from "@/app/_components/reader/reader-controller";
import { ReaderPreferencesScript } from "@/app/_components/reader/reader-preferences-script";
import { ReaderToolbar } from "@/app/_components/reader/reader-toolbar";
import "@/app/styles/reader.css";

/*
 * The repository's articles are rendered at build time. A teacher's article,
 * published in the studio, reaches this same page through
 * `/[lng]/published/read/[slug]` (proxy.ts rewrites its address there), which
 * renders it on each request from the database.
 */
export const dynamicParams = false;

/** One database read shared by the metadata and the page. */
const load = cache((slug: string) => loadArticle(slug));

export function generateStaticParams() {
  return i18nConfig.locales.flatMap((lng) => getArticleSlugs().map((slug) => ({ lng, slug })));
}

export async function generateMetadata({ params }: PageProps<"/[lng]/read/[slug]">): Promise<Metadata> {
  const { lng, slug } = await params;
  const bundle = isValidLocale(lng) ? (await load(slug))?.bundle : undefined;
  if (!isValidLocale(lng) || !bundle) return {};
  const t = await getT(lng, "reader");
  return { title: t("metaTitle", { title: bundle.article.title.fr }), description: bundle.article.title.en };
}

export default async function ReaderPage({ params }: PageProps<"/[lng]/read/[slug]">) {
  const { lng, slug } = await params;
  const loaded = isValidLocale(lng) ? await load(slug) : null;
  if (!isValidLocale(lng) || !loaded) notFound();
  const { bundle } = loaded;
  const [t, tc, tw] = await Promise.all([getT(lng, "reader"), getT(lng, "common"), getT(lng, "words")]);
  const { article, vocabulary } = bundle;

  const labels: ReaderLabels = {
    glossFor: (term) => t("glossFor", { term }),
    show: t("showSentenceEnglish"),
    hide: t("hideSentenceEnglish"),
    listen: t("listen"),
    stop: t("stopListening"),
    close: t("close"),
    partOfSpeech: (pos) => t(`pos.${pos}`),
    gender: (gender) => t(`genders.${gender}`),
    level: (level) => tc("level", { level }),
  };

  // Placeholders pass through i18next and are filled in the browser.
  const wordsLabels: ReaderWordsLabels = {
    add: tw("reader.add"),
    saved: tw("reader.saved"),
    open: tw("reader.open"),
    suggest: tw("reader.suggest", { count: "{count}" as unknown as number }),
    selection: tw("reader.selection", { text: "{text}" }),
    dialogTitle: tw("reader.dialogTitle"),
    french: tw("reader.french"),
    meaning: tw("reader.meaning"),
    meaningHelp: tw("reader.meaningHelp"),
    save: tw("reader.save"),
    cancel: tw("reader.cancel"),
    savedText: tw("reader.savedText", { text: "{text}" }),
  };

  return (
    <>
      <ReaderPreferencesScript />
      <SiteHeader lng={lng} path={`/read/${slug}`} />
      <main id="main" className="page page--reader" data-slug={slug}>
        <header className="reader-head">
          <ArticleFacts lng={lng} bundle={bundle} glossaryHref="#glossary" />
          <LevelSwitch
            lng={lng}
            levels={getArticleFamily(slug)?.levels ?? []}
            current={slug}
            page="read"
            label={t("levelSwitch")}
            caption={t("levelCaption")}
          />
          <h1
            className="reader-head__title"
            lang="fr"
            id={article.title.id}
            dangerouslySetInnerHTML={{ __html: frenchHtml(article.title, vocabulary, labels) }}
          />
          <p className="reader-head__gloss" lang="en">
            {article.title.en}
          </p>
          <ArticleSource lng={lng} article={article} />
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
          {/* Static HTML, hydrated as one node: see app/_server/reader-html.ts. */}
          <div dangerouslySetInnerHTML={{ __html: articleBodyHtml(article, vocabulary, labels) }} />
        </div>

        <section className="words-end" aria-labelledby="words-end-heading">
          <h2 id="words-end-heading" className="section-title">
            {tw("reader.endHeading")}
          </h2>
          <p className="words-end__intro">{tw("reader.endIntro")}</p>
          <div className="actions">
            <button type="button" className="button" data-mark-known="">
              {tw("reader.markKnown")}
            </button>
            <a className="button button--quiet" href={`/${lng}/review`}>
              {tw("reader.reviewLink")}
            </a>
            <p
              role="status"
              className="words-end__status"
              data-mark-known-status=""
              data-one={tw("reader.markedKnown_one", { count: "{count}" as unknown as number })}
              data-other={tw("reader.markedKnown_other", { count: "{count}" as unknown as number })}
              data-failed={tw("notice.failed")}
            />
          </div>
        </section>

        <p className="reader-cta">
          <Link prefetch={false} className="button button--primary" href={`/${lng}/quiz/${slug}`}>
            {t("takeQuiz")}
          </Link>
        </p>

        <section className="glossary" aria-labelledby="glossary-heading" id="glossary">
          <h2 id="glossary-heading" className="section-title">
            {t("glossaryHeading")}
          </h2>
          <p className="glossary__intro">{t("glossaryIntro")}</p>
          <dl
            className="glossary__list"
            dangerouslySetInnerHTML={{ __html: glossaryHtml(vocabulary, labels) }}
          />
        </section>
        <div
          dangerouslySetInnerHTML={{
            __html:
              glossPopoverHtml(labels, glossWordsHtml(wordsLabels, `/${lng}/words`)) +
              selectionWordsHtml(wordsLabels),
          }}
        />
        <ReaderController slug={slug} />
        {loaded.origin === "studio" ? (
          <RememberArticle {...libraryLevel(bundle)} topic={bundle.article.topic} />
        ) : null}
      </main>
      <SiteFooter lng={lng} />
    </>
  );
}
