import "server-only";
import Link from "next/link";
import type { Locale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { ArticleFacts } from "./article-facts";
import { ArticleCoverage } from "./article-coverage";
import type { ArticleBundle } from "@/app/_server/content-files";

export interface ArticleCardProps {
  lng: Locale;
  bundle: ArticleBundle;
}

export async function ArticleCard({ lng, bundle }: ArticleCardProps) {
  const t = await getT(lng, "home");
  const { article } = bundle;
  const titleId = `card-title-${article.slug}`;
  return (
    <article className="card" aria-labelledby={titleId}>
      <p className="card__topic">{article.topic[lng]}</p>
      <h3 id={titleId} className="card__title" lang="fr">
        {article.title.fr}
      </h3>
      <p className="card__gloss">
        <span className="visually-hidden">{t("glossLabel")} </span>
        <span lang="en">{article.title.en}</span>
      </p>
      <ArticleFacts lng={lng} bundle={bundle} />
      <ArticleCoverage slug={article.slug} />
      <div className="card__actions">
        <Link prefetch={false} className="button button--primary" href={`/${lng}/read/${article.slug}`}>
          {t("read")}
        </Link>
        <Link prefetch={false} className="button" href={`/${lng}/quiz/${article.slug}`}>
          {t("quiz")}
        </Link>
      </div>
    </article>
  );
}
