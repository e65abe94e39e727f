"use client";

import { useParams } from "next/navigation";
import { useTranslation } from "react-i18next";

/**
 * What a page shows when the server failed (a database error, a bug): not
 * "page not found", which would send a teacher hunting for a typo in a link
 * that is fine. Needs the `common` namespace from the segment's layout.
 */
function FailurePanel({ reset }: { reset: () => void }) {
  const { t } = useTranslation("common");
  const { lng } = useParams<{ lng: string }>();
  return (
    <main id="main" className="not-found">
      {/* React hoists it into <head>: the page's own metadata failed with it. */}
      <title>{t("failure.metaTitle")}</title>
      <h1>{t("failure.title")}</h1>
      <p>{t("failure.body")}</p>
      <p className="actions">
        <button type="button" className="button button--primary" onClick={reset}>
          {t("failure.retry")}
        </button>
        <a className="button" href={`/${lng}`}>
          {t("failure.home")}
        </a>
      </p>
    </main>
  );
}

/** The default export of an `error.tsx`: Next passes the error and a way to render the segment again. */
export function PageError({ reset }: { error: Error; reset: () => void }) {
  return <FailurePanel reset={reset} />;
}
