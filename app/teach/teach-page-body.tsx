/** The teacher's page: the form, with a teacher's own published article offered first when given. */
import Link from "next/link";
import type { Locale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { pickResources } from "@/app/i18n/resources";
import { I18nProvider } from "@/app/i18n/i18n-provider";
import { SiteHeader } from "@/app/_components/site-header";
import { SiteFooter } from "@/app/_components/site-footer";
import { TeachForm, type TeachArticle } from "@/app/teach/teach-form";
import { getArticleBundle, getArticleFamilies, loadArticle } from "@/app/_server/content";

export async function TeachPageBody({ lng, ownSlug }: { lng: Locale; ownSlug?: string }) {
  const t = await getT(lng, "teach");
  const articles = getArticleFamilies().flatMap((family): TeachArticle[] => {
    // The original, when the family is named after it; else its hardest level.
    const defaultSlug =
      family.levels.find((l) => l.slug === family.id)?.slug ?? family.levels.at(-1)?.slug ?? family.id;
    const article = getArticleBundle(defaultSlug)?.article;
    return article
      ? [
          {
            family: family.id,
            title: article.title.fr,
            topic: article.topic[lng],
            levels: family.levels,
            defaultSlug,
          },
        ]
      : [];
  });
  // `?article=<slug>`: a teacher's own article, published in the studio, offered first.
  const own = ownSlug ? await loadArticle(ownSlug) : null;
  if (own?.origin === "studio") {
    const { article } = own.bundle;
    articles.unshift({
      family: article.slug,
      title: article.title.fr,
      topic: article.topic[lng],
      levels: [{ level: article.level, slug: article.slug }],
      defaultSlug: article.slug,
    });
  }
  return (
    <>
      <SiteHeader lng={lng} path="/teach" />
      <main id="main" className="page page--narrow">
        <h1 className="page-title">{t("heading")}</h1>
        <p className="lede">{t("intro")}</p>
        {own?.origin === "studio" ? null : (
          <p className="lede">
            <Link prefetch={false} href={`/${lng}/studio`}>
              {t("studioLink")}
            </Link>
          </p>
        )}
        <I18nProvider lng={lng} resources={pickResources(lng, ["teach", "quiz", "errors"])}>
          <TeachForm lng={lng} articles={articles} />
        </I18nProvider>
      </main>
      <SiteFooter lng={lng} />
    </>
  );
}
