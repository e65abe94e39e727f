"use client";

import { useTranslation } from "react-i18next";
import { useWords } from "../use-words";

/** Tells the learner, in their language, what storage could not do; nothing is ever dropped silently. */
export function WordsNotice() {
  const { t } = useTranslation("words");
  const notice = useWords((s) => s.notice);
  const dismiss = useWords((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <p>{t(`notice.${notice}`)}</p>
      <button type="button" className="button" onClick={dismiss}>
        {t("notice.dismiss")}
      </button>
    </div>
  );
}
