"use client";

import { useState } from "react";
import { useTranslation } from "react-i18next";

export interface DownloadButtonsProps {
  assignmentId: string;
  teacherKey: string;
}

/**
 * The exports need the teacher key as a bearer token, which a plain link
 * cannot send: fetch with the header, then save the file.
 */
export function DownloadButtons({ assignmentId, teacherKey }: DownloadButtonsProps) {
  const { t } = useTranslation("teach");
  const [failed, setFailed] = useState(false);

  async function download(path: string, fallbackName: string) {
    setFailed(false);
    try {
      const response = await fetch(`/api/assignments/${assignmentId}/${path}`, {
        headers: { Authorization: `Bearer ${teacherKey}` },
      });
      if (!response.ok) throw new Error(String(response.status));
      const disposition = response.headers.get("Content-Disposition") ?? "";
      const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(true);
    }
  }

  return (
    <div className="actions">
      <button
        type="button"
        className="button"
        onClick={() => download("results.csv", `glose-${assignmentId}.csv`)}
      >
        {t("results.downloadCsv")}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => download("export.gift", `glose-${assignmentId}.gift.txt`)}
      >
        {t("results.downloadGift")}
      </button>
      <a className="button button--quiet" href="">
        {t("results.refresh")}
      </a>
      {failed ? (
        <p className="form-error" role="alert">
          {t("results.downloadFailed")}
        </p>
      ) : null}
    </div>
  );
}
