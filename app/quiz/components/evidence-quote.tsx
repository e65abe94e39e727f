"use client";

import type { Locale } from "@/i18n-config";
import { useTranslation } from "react-i18next";

export interface EvidenceQuoteProps {
  lng: Locale;
  slug: string;
  sentenceId: string;
  evidence: { fr: string; en: string };
}

/** The sentence that answers the question, in French and English, with a way back to it in the text. */
export function EvidenceQuote({ lng, slug, sentenceId, evidence }: EvidenceQuoteProps) {
  const { t } = useTranslation("quiz");
  return (
    <figure className="evidence">
      <figcaption className="evidence__caption">{t("feedback.evidence")}</figcaption>
      <blockquote lang="fr" className="evidence__fr">
        {evidence.fr}
      </blockquote>
      <p lang="en" className="evidence__en">
        {evidence.en}
      </p>
      <a className="evidence__link" href={`/${lng}/read/${slug}#${sentenceId}`}>
        {t("feedback.seeInText")}
      </a>
    </figure>
  );
}
