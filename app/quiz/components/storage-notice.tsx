"use client";

import { useTranslation } from "react-i18next";
import { useQuizStore } from "../quiz-store-context";

/** Tells the learner, in their language, that saved progress had to be reset or cannot be kept. */
export function StorageNotice() {
  const { t } = useTranslation("quiz");
  const notice = useQuizStore((s) => s.storageNotice);
  const dismiss = useQuizStore((s) => s.dismissStorageNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="status">
      <p>{t(`storage.${notice}`)}</p>
      <button type="button" className="button" onClick={dismiss}>
        {t("storage.dismiss")}
      </button>
    </div>
  );
}
