import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { i18nConfig, isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { SiteHeader } from "@/app/_components/site-header";

/** What the service worker shows for a page it cannot reach and has no copy of. */
export function generateStaticParams() {
  return i18nConfig.locales.map((lng) => ({ lng }));
}

export async function generateMetadata({ params }: PageProps<"/[lng]/offline">): Promise<Metadata> {
  const { lng } = await params;
  if (!isValidLocale(lng)) return {};
  const t = await getT(lng, "common");
  return { title: t("offline.metaTitle"), robots: { index: false } };
}

export default async function OfflinePage({ params }: PageProps<"/[lng]/offline">) {
  const { lng } = await params;
  if (!isValidLocale(lng)) notFound();
  const t = await getT(lng, "common");
  return (
    <>
      <SiteHeader lng={lng} path="" />
      <main id="main" className="not-found">
        <h1>{t("offline.title")}</h1>
        <p>{t("offline.body")}</p>
        <p>{t("offline.works")}</p>
        <p>
          <Link className="button button--primary" href={`/${lng}`}>
            {t("offline.home")}
          </Link>
        </p>
      </main>
    </>
  );
}
