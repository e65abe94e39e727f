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
import { formatIndex, formatNumber, formatPercent, formatPercentRange } from "@/app/_lib/format";
import { getResults } from "@/app/_server/assignments/service";
import { nullWhenNotFound } from "@/app/_server/refusal";
import { CloseAssignment } from "@/app/teach/close-assignment";
import { DownloadButtons } from "@/app/teach/download-buttons";
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

  const [t, tq] = await Promise.all([getT(lng, "teach"), getT(lng, "quiz")]);
  const { assignment, summary, submissions, questions } = results;
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
          })}
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

              <h3 id="students-heading">{t("results.students")}</h3>
              <div className="table-scroll" role="region" aria-labelledby="students-heading" tabIndex={0}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("results.name")}</th>
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

        <section aria-labelledby="items-heading" className="results-section">
          <h2 id="items-heading">{t("results.items")}</h2>
          <p className="hint">{t("results.itemsIntro")}</p>
          <p className="hint">{t("results.itemsMethod")}</p>
          <ol className="items">
            {questions.map((item) => (
              <li key={item.questionId} className="item">
                <p className="item__head">
                  <span className="badge">{t("results.position", { n: item.position })}</span>{" "}
                  <span>{tq(`kinds.${item.kind}`)}</span>
                  {item.percentCorrect !== null ? (
                    <strong className="item__share">
                      {t("results.correctShare", { percentage: formatPercent(lng, item.percentCorrect) })}
                    </strong>
                  ) : null}
                </p>
                <p className="item__prompt">{item.prompt}</p>
                <p className="item__discrimination">
                  {item.discrimination === null
                    ? t("results.discriminationPending")
                    : t("results.discrimination", { value: formatIndex(lng, item.discrimination) })}
                  {item.negativeDiscrimination ? (
                    <>
                      {" "}
                      <span className="badge badge--small badge--warn">
                        {t("results.negativeDiscrimination")}
                      </span>
                    </>
                  ) : null}
                </p>
                <ul className="item__options">
                  {item.options.map((option) => (
                    <li
                      key={option.id}
                      className={`item__option${option.isKey ? " item__option--key" : ""}${option.notWorking ? " item__option--weak" : ""}`}
                    >
                      <span className="item__option-text">
                        {option.text}
                        {option.isKey ? <span className="badge badge--small">{t("results.key")}</span> : null}
                        {option.notWorking ? (
                          <span className="badge badge--small badge--warn">{t("results.notWorking")}</span>
                        ) : null}
                        {option.weakReasons.length ? (
                          <span className="item__weak-why">
                            {option.weakReasons
                              .map((reason) =>
                                reason === "rarely-chosen"
                                  ? t("results.weakRarelyChosen")
                                  : t("results.weakChosenByStronger"),
                              )
                              .join(t("results.reasonSeparator"))}
                          </span>
                        ) : null}
                      </span>
                      <span className="item__option-count">
                        {t("results.chosenBy", {
                          count: option.count,
                          percentage: formatPercent(lng, option.percent),
                        })}
                      </span>
                      <span className="item__option-bar" aria-hidden="true">
                        <span style={{ width: `${option.percent}%` }} />
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      </main>
      <SiteFooter lng={lng} />
    </>
  );
}
