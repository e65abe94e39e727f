import "server-only";
import type { Locale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import type { Article } from "@/questions/schema";

/** Where a teacher's text comes from and its licence, as they wrote them: text, never markup. */
export async function ArticleSource({ lng, article }: { lng: Locale; article: Article }) {
  if (!article.source && !article.licence) return null;
  const t = await getT(lng, "reader");
  return (
    <p className="reader-head__source">
      {article.source ? <span>{t("source", { source: article.source })}</span> : null}
      {article.source && article.licence ? " · " : null}
      {article.licence ? <span>{t("licence", { licence: article.licence })}</span> : null}
    </p>
  );
}
