import Link from "next/link";
import type { Locale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { articleFigures } from "@/questions/article";
import type { ArticleBundle } from "@/app/_server/content-files";

export interface ArticleCardProps {
  lng: Locale;
  bundle: ArticleBundle;
}

export async function ArticleCard({ lng, bundle }: ArticleCardProps) {
  const [t, tc] = await Promise.all([getT(lng, "home"), getT(lng, "common")]);
  const { article, vocabulary } = bundle;
  const figures = articleFigures(article, vocabulary);
  const titleId = `card-title-${article.slug}`;
  return (
    <article className="card" aria-labelledby={titleId}>
      <p className="card__topic">{article.topic[lng]}</p>
      <h3 id={titleId} className="card__title" lang="fr">
        {article.title.fr}
      </h3>
      <p className="card__gloss">
        <span className="visually-hidden">{t("glossLabel")}: </span>
        <span lang="en">{article.title.en}</span>
      </p>
      <ul className="card__facts">
        <li>
          <span className="badge">{tc("level", { level: article.level })}</span>
        </li>
        <li>{tc("minutes", { count: figures.readingMinutes })}</li>
        <li>{tc("words", { count: figures.wordCount })}</li>
        <li>{tc("terms", { count: figures.termCount })}</li>
      </ul>
      <div className="card__actions">
        <Link className="button button--primary" href={`/${lng}/read/${article.slug}`}>
          {t("read")}
        </Link>
        <Link className="button" href={`/${lng}/quiz/${article.slug}`}>
          {t("quiz")}
        </Link>
      </div>
    </article>
  );
}
