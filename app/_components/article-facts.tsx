import "server-only";
import type { Locale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { articleFigures } from "@/questions/article";
import type { ArticleBundle } from "@/app/_server/content-files";

export interface ArticleFactsProps {
  lng: Locale;
  bundle: ArticleBundle;
  /** Where "N glossed terms" leads, when the glossary is on the page. */
  glossaryHref?: string;
}

/** Level, reading time, word count and glossed terms: what a learner weighs before reading. */
export async function ArticleFacts({ lng, bundle, glossaryHref }: ArticleFactsProps) {
  const t = await getT(lng, "common");
  const figures = articleFigures(bundle.article, bundle.vocabulary);
  const terms = t("terms", { count: figures.termCount });
  return (
    <ul className="card__facts">
      <li>
        <span className="badge">{t("level", { level: bundle.article.level })}</span>
      </li>
      <li>{t("minutes", { count: figures.readingMinutes })}</li>
      <li>{t("words", { count: figures.wordCount })}</li>
      <li>{glossaryHref ? <a href={glossaryHref}>{terms}</a> : terms}</li>
    </ul>
  );
}
