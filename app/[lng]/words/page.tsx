import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { i18nConfig, isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { pickResources } from "@/app/i18n/resources";
import { SiteHeader } from "@/app/_components/site-header";
import { SiteFooter } from "@/app/_components/site-footer";
import { WordsPage } from "@/app/words/components/words-page";
import "@/app/styles/words.css";

/** Static, so the service worker precaches it: the list and its exports work offline. */
export function generateStaticParams() {
  return i18nConfig.locales.map((lng) => ({ lng }));
}

export async function generateMetadata({ params }: PageProps<"/[lng]/words">): Promise<Metadata> {
  const { lng } = await params;
  if (!isValidLocale(lng)) return {};
  const t = await getT(lng, "words");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function MyWordsPage({ params }: PageProps<"/[lng]/words">) {
  const { lng } = await params;
  if (!isValidLocale(lng)) notFound();
  const t = await getT(lng, "words");
  return (
    <>
      <SiteHeader lng={lng} path="/words" />
      <main id="main" className="page page--words">
        <h1 className="words-title">{t("heading")}</h1>
        <WordsPage lng={lng} view="list" resources={pickResources(lng, ["words"])} />
      </main>
      <SiteFooter lng={lng} />
    </>
  );
}
