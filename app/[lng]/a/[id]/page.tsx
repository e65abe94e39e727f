import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { pickResources } from "@/app/i18n/resources";
import { SiteHeader } from "@/app/_components/site-header";
import { SiteFooter } from "@/app/_components/site-footer";
import { fillNode, SLOT } from "@/app/_components/fill-node";
import { LocalTime } from "@/app/_components/local-time";
import { cache } from "react";
import { getStudentPage } from "@/app/_server/assignments/service";
import { nullWhenNotFound } from "@/app/_server/refusal";
import { AssignmentQuiz } from "@/app/assignment/assignment-quiz";
import { sentenceTexts } from "@/questions/article";
import "@/app/styles/quiz.css";
import "@/app/styles/teach.css";

// Whether the assignment is still open is decided at request time.
export const dynamic = "force-dynamic";

/** Null for an unknown assignment (404); cache() shares one read between the metadata and the page. */
const loadPage = cache((id: string) => nullWhenNotFound(getStudentPage(id)));

export async function generateMetadata({ params }: PageProps<"/[lng]/a/[id]">): Promise<Metadata> {
  const { lng, id } = await params;
  const view = isValidLocale(lng) ? (await loadPage(id))?.view : null;
  if (!view || !isValidLocale(lng)) return {};
  const t = await getT(lng, "assignment");
  return { title: t("metaTitle", { title: view.title }), robots: { index: false } };
}

export default async function AssignmentPage({ params }: PageProps<"/[lng]/a/[id]">) {
  const { lng, id } = await params;
  if (!isValidLocale(lng)) notFound();
  const page = await loadPage(id);
  if (!page) notFound();
  const { view } = page;
  const { bundle } = page.article;
  const t = await getT(lng, "assignment");
  const sentences = sentenceTexts(bundle.article);

  return (
    <>
      <SiteHeader lng={lng} path={`/a/${id}`} />
      <main id="main" className="page page--quiz">
        <header className="quiz-head">
          <p className="quiz-head__kicker">{t("kicker")}</p>
          <h1 className="page-title">{view.title}</h1>
          <p className="lede" lang="fr">
            {bundle.article.title.fr}
          </p>
          {view.dueAt ? (
            <p className="hint">
              {fillNode(t("due", { date: SLOT }), <LocalTime iso={view.dueAt} lng={lng} format="long" />)}
            </p>
          ) : null}
        </header>
        <AssignmentQuiz
          lng={lng}
          slug={bundle.article.slug}
          assignment={view}
          sentences={sentences}
          resources={pickResources(lng, ["quiz", "assignment", "errors"])}
        />
      </main>
      <SiteFooter lng={lng} />
    </>
  );
}
