"use client";

import { useTranslation } from "react-i18next";
import { useRefusalMessage } from "@/app/_components/use-refusal-message";
import { useEditor, useEditorApi } from "./editor-context";

/** Where the draft stands: on the device, on its way, on the server; and the choice after a conflict. */
export function SaveStatusLine() {
  const { t } = useTranslation("studio");
  const refusalMessage = useRefusalMessage();
  const status = useEditor((s) => s.saveStatus);
  const conflictRevision = useEditor((s) => s.conflictRevision);
  const refusal = useEditor((s) => s.refusal);
  const api = useEditorApi();

  if (status === "conflict") {
    return (
      <section className="warning studio-conflict" role="alert" aria-labelledby="studio-conflict-heading">
        <h2 id="studio-conflict-heading" className="section-title section-title--first">
          {t("save.conflictHeading")}
        </h2>
        <p>{t("save.conflict", { revision: conflictRevision ?? "?" })}</p>
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void api.getState().keepMine()}
          >
            {t("save.keepMine")}
          </button>
          <button type="button" className="button" onClick={() => void api.getState().loadTheirs()}>
            {t("save.loadTheirs")}
          </button>
        </div>
      </section>
    );
  }
  const text =
    status === "refused"
      ? t("save.refused", { reason: refusal ? refusalMessage(refusal) : "" })
      : t(`save.${status}`);
  return (
    <p className={`studio-save studio-save--${status}`} role="status">
      {text}
    </p>
  );
}
