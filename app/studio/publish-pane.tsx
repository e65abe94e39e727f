"use client";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRefusalMessage } from "@/app/_components/use-refusal-message";
import { CopyField } from "@/app/teach/copy-field";
import { severityOf, type StudioProblem } from "@/questions/studio/build";
import { useBuilt, useEditor, useEditorApi } from "./editor-context";
import type { EditorTab } from "./editor";
import { factRowId } from "./facts-pane";
import { termRowId } from "./glosses-pane";
import { useProblemText } from "./problem-note";
import { sentenceFieldId } from "./text-pane";

/** Where a problem's item is shown: its tab and its element. */
function whereIs(problem: StudioProblem): { tab: EditorTab; elementId?: string } | null {
  const { kind, id } = problem.target;
  if (kind === "sentence") return { tab: "text", elementId: sentenceFieldId(id) };
  if (kind === "term") return { tab: "glosses", elementId: termRowId(id) };
  if (kind === "fact") return { tab: "facts", elementId: factRowId(id) };
  if (kind === "base-fact") return { tab: "facts" };
  return null;
}

/** The article folder as a .zip (`<slug>/article.json`…), made in the browser; fflate loads only here. */
async function downloadZip(slug: string, files: Record<string, string>) {
  const { strToU8, zipSync } = await import("fflate");
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, text]) => [`${slug}/${name}`, strToU8(text)]),
  );
  const zip = zipSync(entries, { level: 9, mtime: new Date() });
  const url = URL.createObjectURL(new Blob([zip.slice().buffer], { type: "application/zip" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${slug}.zip`;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function PublishPane({ goTo }: { goTo: (tab: EditorTab, elementId?: string) => void }) {
  const { t } = useTranslation("studio");
  const refusalMessage = useRefusalMessage();
  const problemText = useProblemText();
  const api = useEditorApi();
  const built = useBuilt();
  const lng = useEditor((s) => s.lng);
  const slug = useEditor((s) => s.draft.slug);
  const publishing = useEditor((s) => s.publishing);
  const published = useEditor((s) => s.published);
  const publishedVersion = useEditor((s) => s.publishedVersion);
  const publishRefusal = useEditor((s) => s.publishRefusal);
  const [exportFailed, setExportFailed] = useState(false);

  const errors = built.problems.filter((p) => severityOf(p.code) === "error");
  const warnings = built.problems.filter((p) => severityOf(p.code) === "warning");
  const readerUrl =
    published?.readerUrl ??
    `${typeof window === "undefined" ? "" : window.location.origin}/${lng}/read/${slug}`;

  const problemList = (list: StudioProblem[]) => (
    <ul className="problem-list">
      {list.map((problem, i) => {
        const where = whereIs(problem);
        return (
          <li
            key={`${problem.code}-${problem.target.id}-${i}`}
            className={`problem problem--${severityOf(problem.code)}`}
          >
            <span>{problemText(problem)}</span>
            {where ? (
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => goTo(where.tab, where.elementId)}
              >
                {t("publish.goTo")}
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );

  return (
    <div className="publish-pane">
      <h2 className="section-title section-title--first">{t("publish.heading")}</h2>
      <p className="hint">{t("publish.intro")}</p>
      {errors.length ? (
        <>
          <p className="problem-summary">{t("publish.blocking", { count: errors.length })}</p>
          {problemList(errors)}
        </>
      ) : (
        <p className="problem-summary problem-summary--ready">{t("publish.ready")}</p>
      )}
      {warnings.length ? (
        <>
          <p className="problem-summary">{t("publish.warnings", { count: warnings.length })}</p>
          {problemList(warnings)}
        </>
      ) : null}
      {built.dropped.length ? (
        <p className="hint">{t("publish.dropped", { count: built.dropped.length })}</p>
      ) : null}

      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!built.publishable || publishing}
          onClick={() => void api.getState().publish(built.bundle)}
        >
          {publishing ? t("publish.busy") : publishedVersion ? t("publish.again") : t("publish.button")}
        </button>
        <span className="visually-hidden" aria-live="polite">
          {publishing ? t("publish.busy") : ""}
        </span>
      </div>
      {publishRefusal ? (
        <p className="form-error" role="alert">
          {publishRefusal === "offline" ? t("publish.offline") : refusalMessage(publishRefusal)}
        </p>
      ) : null}

      {publishedVersion ? (
        <section className="published panel panel--inset" aria-labelledby="studio-published-heading">
          <h3 id="studio-published-heading" className="subsection-title" tabIndex={-1}>
            {published
              ? t("publish.done", { version: published.version })
              : t("publish.current", { version: publishedVersion })}
          </h3>
          <CopyField label={t("publish.link")} value={readerUrl} />
          <div className="actions">
            <a className="button" href={`/${lng}/read/${slug}`}>
              {t("publish.openReader")}
            </a>
            <a className="button" href={`/${lng}/quiz/${slug}`}>
              {t("publish.openQuiz")}
            </a>
            <a className="button button--primary" href={`/${lng}/teach?article=${slug}`}>
              {t("publish.assign")}
            </a>
          </div>
        </section>
      ) : null}

      <h3 className="subsection-title">{t("publish.export")}</h3>
      <p className="hint">{t("publish.exportHint")}</p>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={!built.files}
          onClick={() => {
            setExportFailed(false);
            if (!built.files) return setExportFailed(true);
            downloadZip(slug, { ...built.files }).catch(() => setExportFailed(true));
          }}
        >
          {t("publish.export")}
        </button>
      </div>
      {exportFailed ? (
        <p className="form-error" role="alert">
          {t("publish.exportFailed")}
        </p>
      ) : null}
    </div>
  );
}
