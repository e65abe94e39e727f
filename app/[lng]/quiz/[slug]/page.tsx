import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { i18nConfig, isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { pickResources } from "@/app/i18n/resources";
import { cache } from "react";
import { getArticleFamily, getArticleSlugs, loadArticle } from "@/app/_server/content";
import { LevelSwitch } from "@/app/_components/level-switch";
import { RememberArticle } from "@/app/_components/remember-article";
import { libraryLevel } from "@/questions/library";
import { SiteHeader } from "@/app/_components/site-header";
import { SiteFooter } from "@/app/_components/site-footer";
import { SelfStudyQuiz } from "@/app/quiz/components/self-study-quiz";
import { sentenceTexts } from "@/questions/article";
import "@/app/styles/quiz.css";

/* Repository articles are built; a studio article comes through /[lng]/published/quiz/[slug] (see the reader page). */
export const dynamicParams = false;

const load = cache((slug: string) => loadArticle(slug));

export function generateStaticParams() {
  return i18nConfig.locales.flatMap((lng) => getArticleSlugs().map((slug) => ({ lng, slug })));
}

export async function generateMetadata({ params }: PageProps<"/[lng]/quiz/[slug]">): Promise<Metadata> {
  const { lng, slug } = await params;
  const bundle = isValidLocale(lng) ? (await load(slug))?.bundle : undefined;
  if (!isValidLocale(lng) || !bundle) return {};
  const t = await getT(lng, "quiz");
  return { title: t("metaTitle", { title: bundle.article.title.fr }) };
}

export default async function QuizPage({ params }: PageProps<"/[lng]/quiz/[slug]">) {
  const { lng, slug } = await params;
  const loaded = isValidLocale(lng) ? await load(slug) : null;
  if (!isValidLocale(lng) || !loaded) notFound();
  const { bundle } = loaded;
  // A studio article's bank is per published version: fixed for good, so the browser may keep it.
  const bankUrl =
    loaded.origin === "studio"
      ? `/api/articles/${slug}/bank?version=${loaded.version}`
      : `/api/banks/${slug}`;
  const t = await getT(lng, "quiz");
  const sentences = sentenceTexts(bundle.article);

  return (
    <>
      <SiteHeader lng={lng} path={`/quiz/${slug}`} />
      <main id="main" className="page page--quiz">
        <header className="quiz-head">
          <p className="quiz-head__kicker">{t("heading")}</p>
          <h1 className="quiz-head__title" lang="fr">
            {bundle.article.title.fr}
          </h1>
          <LevelSwitch
            lng={lng}
            levels={getArticleFamily(slug)?.levels ?? []}
            current={slug}
            page="quiz"
            label={t("levelSwitch")}
            caption={t("levelCaption")}
          />
        </header>
        <SelfStudyQuiz
          lng={lng}
          slug={slug}
          bankUrl={bankUrl}
          sentences={sentences}
          resources={pickResources(lng, ["quiz"])}
        />
        {loaded.origin === "studio" ? (
          <RememberArticle {...libraryLevel(bundle)} topic={bundle.article.topic} />
        ) : null}
      </main>
      <SiteFooter lng={lng} />
    </>
  );
}
