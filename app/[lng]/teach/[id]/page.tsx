import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { pickResources } from "@/app/i18n/resources";
import { I18nProvider } from "@/app/i18n/i18n-provider";
import { SiteHeader } from "@/app/_components/site-header";
import { SiteFooter } from "@/app/_components/site-footer";
import { fillNode, SLOT } from "@/app/_components/fill-node";
import { LocalTime } from "@/app/_components/local-time";
import { formatNumber, formatPercent, formatPercentRange } from "@/app/_lib/format";
import { getResults } from "@/app/_server/assignments/service";
import { nullWhenNotFound } from "@/app/_server/refusal";
import { CloseAssignment } from "@/app/teach/close-assignment";
import { DownloadButtons } from "@/app/teach/download-buttons";
import { ItemList } from "@/app/teach/results/item-list";
import { TopicList } from "@/app/teach/results/topic-list";
import { OfflineNotice } from "@/app/teach/online";
import "@/app/styles/quiz.css";
import "@/app/styles/teach.css";

// Results change with every submission and depend on the secret key.
export const dynamic = "force-dynamic";

/** Null when there is no such assignment or the key is wrong: both are the same 404. */
const loadResults = cache((id: string, key: string | null) => nullWhenNotFound(getResults(id, key)));

const keyOf = (query: Record<string, string | string[] | undefined>) =>
  typeof query.key === "string" ? query.key : null;

export async function generateMetadata({
  params,
  searchParams,
}: PageProps<"/[lng]/teach/[id]">): Promise<Metadata> {
  const [{ lng, id }, query] = await Promise.all([params, searchParams]);
  // The key is in this page's URL: keep it out of search engines and shared previews.
  const hidden: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };
  const results = isValidLocale(lng) ? await loadResults(id, keyOf(query)) : null;
  if (!results || !isValidLocale(lng)) return hidden;
  // A teacher with several classes open in tabs tells them apart by title.
  const t = await getT(lng, "teach");
  return { ...hidden, title: t("results.metaTitle", { title: results.assignment.title }) };
}

export default async function TeacherResultsPage({ params, searchParams }: PageProps<"/[lng]/teach/[id]">) {
  const [{ lng, id }, query] = await Promise.all([params, searchParams]);
  if (!isValidLocale(lng)) notFound();
  const key = keyOf(query);
  const results = await loadResults(id, key);
  if (!results) notFound();

  const [t, tq, tc] = await Promise.all([getT(lng, "teach"), getT(lng, "quiz"), getT(lng, "common")]);
  const { assignment, summary, submissions, questions, topics, levelSummaries } = results;
  const everyLevel = assignment.levels.length > 0;
  const maxBucket = Math.max(1, ...summary.histogram.map((bucket) => bucket.count));
  const duration = (ms: number) => {
    const seconds = Math.round(ms / 1000);
    return tq("results.minutesSeconds", { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  };

  return (
    <>
      <SiteHeader lng={lng} path={`/teach/${id}?key=${encodeURIComponent(key ?? "")}`} />
      <main id="main" className="page page--results">
        <p className="quiz-head__kicker">{t("results.heading")}</p>
        <h1 className="page-title">{assignment.title}</h1>
        <p className="lede">
          {t("results.settings", {
            count: assignment.questionCount,
            mode: tq(`setup.${assignment.mode}`),
            language: assignment.language === "fr" ? t("form.languageFr") : t("form.languageEn"),
          })}{" "}
          ·{" "}
          {everyLevel
            ? t("results.everyLevel", { levels: assignment.levels.map((l) => l.level).join(", ") })
            : assignment.level
              ? tc("level", { level: assignment.level })
              : null}
        </p>
        <p className="results-status">
          <span className="badge">{assignment.closed ? t("results.closed") : t("results.open")}</span>{" "}
          {assignment.dueAt
            ? fillNode(
                t(assignment.closed ? "results.closedAt" : "results.due", { date: SLOT }),
                <LocalTime iso={assignment.dueAt} lng={lng} format="short" />,
              )
            : t(assignment.mode === "test" ? "results.noDueTest" : "results.noDue")}
        </p>
        <I18nProvider lng={lng} resources={pickResources(lng, ["teach", "errors"])}>
          <OfflineNotice message={t("errors.offline")} />
          <DownloadButtons assignmentId={assignment.id} teacherKey={key ?? ""} />
          {assignment.closed ? null : (
            <div className="actions">
              <CloseAssignment assignmentId={assignment.id} teacherKey={key ?? ""} />
            </div>
          )}
        </I18nProvider>
        <p className="hint">
          {fillNode(t("results.studentLink", { link: SLOT }), <code>{`/${lng}/a/${assignment.id}`}</code>)}
        </p>

        <section aria-labelledby="summary-heading" className="results-section">
          <h2 id="summary-heading">{t("results.submissions", { count: summary.submissionCount })}</h2>
          {summary.submissionCount === 0 ? (
            <p>{t("results.none")}</p>
          ) : (
            <>
              <dl className="stats">
                <div>
                  <dt>{t("results.mean")}</dt>
                  <dd>{formatPercent(lng, summary.meanPercentage ?? 0)}</dd>
                </div>
                <div>
                  <dt>{t("results.median")}</dt>
                  <dd>{formatPercent(lng, summary.medianPercentage ?? 0)}</dd>
                </div>
              </dl>
              <h3 id="histogram-heading">{t("results.histogram")}</h3>
              <ul className="histogram" aria-labelledby="histogram-heading">
                {summary.histogram.map((bucket) => (
                  <li key={bucket.from} className="histogram__bar">
                    <span className="histogram__count">{bucket.count}</span>
                    <span
                      className="histogram__fill"
                      aria-hidden="true"
                      style={{ height: `${(bucket.count / maxBucket) * 100}%` }}
                    />
                    <span className="histogram__label">
                      {formatPercentRange(lng, bucket.from, bucket.to)}
                    </span>
                  </li>
                ))}
              </ul>

              {everyLevel ? (
                <>
                  <h3 id="levels-heading">{t("results.byLevel")}</h3>
                  <div className="table-scroll" role="region" aria-labelledby="levels-heading" tabIndex={0}>
                    <table className="table">
                      <thead>
                        <tr>
                          <th scope="col">{t("results.level")}</th>
                          <th scope="col">{t("results.levelStudents")}</th>
                          <th scope="col">{t("results.mean")}</th>
                          <th scope="col">{t("results.median")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {levelSummaries.map((level) => (
                          <tr key={level.level}>
                            <th scope="row">{level.level}</th>
                            <td>{level.submissionCount}</td>
                            <td>
                              {level.meanPercentage === null ? "—" : formatPercent(lng, level.meanPercentage)}
                            </td>
                            <td>
                              {level.medianPercentage === null
                                ? "—"
                                : formatPercent(lng, level.medianPercentage)}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              ) : null}

              <h3 id="students-heading">{t("results.students")}</h3>
              <div className="table-scroll" role="region" aria-labelledby="students-heading" tabIndex={0}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("results.name")}</th>
                      {everyLevel ? <th scope="col">{t("results.level")}</th> : null}
                      <th scope="col">{t("results.score")}</th>
                      <th scope="col">{t("results.helps")}</th>
                      <th scope="col">{t("results.time")}</th>
                      <th scope="col">{t("results.when")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {submissions.map((submission) => (
                      <tr key={submission.attemptId}>
                        {/* Rendered as text by React: a name full of HTML stays text. */}
                        <th scope="row">{submission.name}</th>
                        {everyLevel ? <td>{submission.level ?? "—"}</td> : null}
                        <td>
                          {t("results.scoreCell", {
                            score: formatNumber(lng, submission.score),
                            max: submission.maxScore,
                            percentage: formatPercent(lng, submission.percentage),
                          })}
                        </td>
                        <td>{submission.helpsUsed}</td>
                        <td>{duration(submission.totalMs)}</td>
                        <td>
                          <LocalTime iso={submission.submittedAt} lng={lng} format="short" />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>

        {everyLevel ? (
          <>
            <section aria-labelledby="facts-heading" className="results-section">
              <h2 id="facts-heading">{t("results.facts")}</h2>
              <p className="hint">{t("results.factsIntro")}</p>
              <p className="hint">{t("results.itemsMethod")}</p>
              <TopicList lng={lng} topics={topics} />
            </section>
            <section aria-labelledby="items-heading" className="results-section">
              <h2 id="items-heading">{t("results.items")}</h2>
              <p className="hint">{t("results.levelItemsIntro")}</p>
              {assignment.levels.map(({ level }) => (
                <details key={level} className="level-items">
                  <summary>{t("results.levelItems", { level })}</summary>
                  <p className="hint">{t("results.itemsIntro")}</p>
                  <ItemList lng={lng} items={questions.filter((item) => item.level === level)} />
                </details>
              ))}
            </section>
          </>
        ) : (
          <section aria-labelledby="items-heading" className="results-section">
            <h2 id="items-heading">{t("results.items")}</h2>
            <p className="hint">{t("results.itemsIntro")}</p>
            <p className="hint">{t("results.itemsMethod")}</p>
            <ItemList lng={lng} items={questions} />
          </section>
        )}
      </main>
      <SiteFooter lng={lng} />
    </>
  );
}
