import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { i18nConfig, isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { pickResources } from "@/app/i18n/resources";
import { getArticleBundle, getArticleFamily, getArticleSlugs } from "@/app/_server/content";
import { LevelSwitch } from "@/app/_components/level-switch";
import { SiteHeader } from "@/app/_components/site-header";
import { SiteFooter } from "@/app/_components/site-footer";
import { SelfStudyQuiz } from "@/app/quiz/components/self-study-quiz";
import { sentenceTexts } from "@/questions/article";
import "@/app/styles/quiz.css";

export const dynamicParams = false;

export function generateStaticParams() {
  return i18nConfig.locales.flatMap((lng) => getArticleSlugs().map((slug) => ({ lng, slug })));
}

export async function generateMetadata({ params }: PageProps<"/[lng]/quiz/[slug]">): Promise<Metadata> {
  const { lng, slug } = await params;
  const bundle = getArticleBundle(slug);
  if (!isValidLocale(lng) || !bundle) return {};
  const t = await getT(lng, "quiz");
  return { title: t("metaTitle", { title: bundle.article.title.fr }) };
}

export default async function QuizPage({ params }: PageProps<"/[lng]/quiz/[slug]">) {
  const { lng, slug } = await params;
  const bundle = getArticleBundle(slug);
  if (!isValidLocale(lng) || !bundle) notFound();
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
          bankUrl={`/api/banks/${slug}`}
          sentences={sentences}
          resources={pickResources(lng, ["quiz"])}
        />
      </main>
      <SiteFooter lng={lng} />
    </>
  );
}
