import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { pickResources } from "@/app/i18n/resources";
import { I18nProvider } from "@/app/i18n/i18n-provider";
import { SiteHeader } from "@/app/_components/site-header";
import { SiteFooter } from "@/app/_components/site-footer";
import { StudioHome } from "@/app/studio/studio-home";
import "@/app/styles/quiz.css";
import "@/app/styles/teach.css";
import "@/app/styles/studio.css";

export async function generateMetadata({ params }: PageProps<"/[lng]/studio">): Promise<Metadata> {
  const { lng } = await params;
  if (!isValidLocale(lng)) return {};
  const t = await getT(lng, "studio");
  return { title: t("metaTitle") };
}

export default async function StudioPage({ params }: PageProps<"/[lng]/studio">) {
  const { lng } = await params;
  if (!isValidLocale(lng)) notFound();
  const t = await getT(lng, "studio");
  return (
    <>
      <SiteHeader lng={lng} path="/studio" />
      <main id="main" className="page page--studio-home">
        <h1 className="page-title">{t("heading")}</h1>
        <p className="lede">{t("intro")}</p>
        <I18nProvider lng={lng} resources={pickResources(lng, ["studio", "errors", "teach"])}>
          <StudioHome lng={lng} />
        </I18nProvider>
      </main>
      <SiteFooter lng={lng} />
    </>
  );
}
