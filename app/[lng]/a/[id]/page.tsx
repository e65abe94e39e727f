import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isValidLocale, type Locale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { pickResources } from "@/app/i18n/resources";
import { SiteHeader } from "@/app/_components/site-header";
import { SiteFooter } from "@/app/_components/site-footer";
import { fillNode, SLOT } from "@/app/_components/fill-node";
import { LocalTime } from "@/app/_components/local-time";
import { cache } from "react";
import type { StudentView } from "@/app/api/contract";
import { getStudentView } from "@/app/_server/assignments/service";
import { nullWhenNotFound } from "@/app/_server/refusal";
import { getArticleBundle, loadArticle } from "@/app/_server/content";
import { AssignmentQuiz } from "@/app/assignment/assignment-quiz";
import { sentenceTexts } from "@/questions/article";
import { isCefrLevel, type CefrLevel } from "@/questions/levels";
import "@/app/styles/quiz.css";
import "@/app/styles/teach.css";

// Whether the assignment is still open is decided at request time.
export const dynamic = "force-dynamic";

/**
 * The student's view at `level` (the assignment's own without one), null for
 * an unknown assignment (404); cache() shares one read between the metadata
 * and the page. A level the assignment does not offer reads as none: the
 * page then asks the student to choose.
 */
const loadView = cache(async (id: string, level: CefrLevel | null): Promise<StudentView | null> => {
  const view = await nullWhenNotFound(getStudentView(id));
  if (!view || level === null || !view.levels.some((l) => l.level === level)) return view;
  return nullWhenNotFound(getStudentView(id, level));
});

function requestedLevel(query: Record<string, string | string[] | undefined>): CefrLevel | null {
  return isCefrLevel(query.level) ? query.level : null;
}

export async function generateMetadata({
  params,
  searchParams,
}: PageProps<"/[lng]/a/[id]">): Promise<Metadata> {
  const [{ lng, id }, query] = await Promise.all([params, searchParams]);
  const view = isValidLocale(lng) ? await loadView(id, requestedLevel(query)) : null;
  if (!view || !isValidLocale(lng)) return {};
  const t = await getT(lng, "assignment");
  return { title: t("metaTitle", { title: view.title }), robots: { index: false } };
}

export default async function AssignmentPage({ params, searchParams }: PageProps<"/[lng]/a/[id]">) {
  const [{ lng, id }, query] = await Promise.all([params, searchParams]);
  if (!isValidLocale(lng)) notFound();
  const level = requestedLevel(query);
  const view = await loadView(id, level);
  if (!view) notFound();
  const [t, tc] = await Promise.all([getT(lng, "assignment"), getT(lng, "common")]);
  // At every level, nothing is asked until the student has a level: from their link, or chosen here.
  const chosen = view.levels.length === 0 || view.levels.some((l) => l.level === level);
  // A studio article at the version its questions were drawn from: later versions may number sentences otherwise.
  const bundle = (await loadArticle(view.articleSlug, view.articleVersion ?? undefined))?.bundle;
  if (!bundle) notFound();
  const sentences = sentenceTexts(bundle.article);
  const path = `/a/${id}${chosen && view.levels.length ? `?level=${view.level}` : ""}`;

  return (
    <>
      <SiteHeader lng={lng} path={path} />
      <main id="main" className="page page--quiz">
        <header className="quiz-head">
          <p className="quiz-head__kicker">{t("kicker")}</p>
          <h1 className="page-title">{view.title}</h1>
          {chosen ? (
            <p className="lede" lang="fr">
              {bundle.article.title.fr}
            </p>
          ) : null}
          {view.dueAt ? (
            <p className="hint">
              {fillNode(t("due", { date: SLOT }), <LocalTime iso={view.dueAt} lng={lng} format="long" />)}
            </p>
          ) : null}
        </header>
        {chosen ? (
          <>
            {view.levels.length && view.level ? (
              <p className="level-chosen">
                <span className="badge">{t("yourLevel", { level: view.level })}</span>{" "}
                <Link prefetch={false} href={`/${lng}/a/${id}`} className="level-chosen__change">
                  {t("changeLevel")}
                </Link>
              </p>
            ) : null}
            <AssignmentQuiz
              lng={lng}
              slug={view.articleSlug}
              assignment={view}
              sentences={sentences}
              resources={pickResources(lng, ["quiz", "assignment", "errors"])}
            />
          </>
        ) : (
          <LevelChoice lng={lng} id={id} view={view} wrong={query.level !== undefined} t={t} tc={tc} />
        )}
      </main>
      <SiteFooter lng={lng} />
    </>
  );
}

interface LevelChoiceProps {
  lng: Locale;
  id: string;
  view: StudentView;
  /** The link named a level this assignment does not offer. */
  wrong: boolean;
  t: Awaited<ReturnType<typeof getT>>;
  tc: Awaited<ReturnType<typeof getT>>;
}

/** Plain links, so choosing works before any script has loaded, and each level has its own address. */
function LevelChoice({ lng, id, view, wrong, t, tc }: LevelChoiceProps) {
  return (
    <section className="panel level-choice" aria-labelledby="level-choice-heading">
      <h2 id="level-choice-heading">{t("levelsTitle")}</h2>
      {wrong ? (
        <p className="notice notice--bad" role="alert">
          {t("levelWrong")}
        </p>
      ) : null}
      <p>{t("levelsIntro")}</p>
      <ul className="level-choice__list" aria-label={t("levelsLabel")}>
        {view.levels.map((offered) => {
          const article = getArticleBundle(offered.articleSlug)?.article;
          return (
            <li key={offered.level}>
              <Link
                prefetch={false}
                className="level-choice__link"
                href={`/${lng}/a/${id}?level=${offered.level}`}
              >
                <span className="badge">{tc("level", { level: offered.level })}</span>
                {article ? (
                  <span className="level-choice__title" lang="fr">
                    {article.title.fr}
                  </span>
                ) : null}
                <span className="hint">{t("questionCount", { count: offered.questionCount })}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
