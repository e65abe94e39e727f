import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { pickResources } from "@/app/i18n/resources";
import { I18nProvider } from "@/app/i18n/i18n-provider";
import { SiteHeader } from "@/app/_components/site-header";
import { sharedOutsiders } from "@/app/_server/content";
import { StudioEditor } from "@/app/studio/studio-editor";
import "@/app/styles/quiz.css";
import "@/app/styles/teach.css";
import "@/app/styles/studio.css";

export async function generateMetadata({ params }: PageProps<"/[lng]/studio/[id]">): Promise<Metadata> {
  const { lng } = await params;
  if (!isValidLocale(lng)) return {};
  const t = await getT(lng, "studio");
  // The draft is private to its owner: keep its address out of search engines.
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/**
 * The editor. The draft itself is read in the browser, with the owner key
 * this device keeps: the server page holds nothing private, only the shared
 * wrong values the live preview draws options from.
 */
export default async function StudioDraftPage({ params }: PageProps<"/[lng]/studio/[id]">) {
  const { lng, id } = await params;
  if (!isValidLocale(lng) || !/^[A-Za-z0-9_-]{6,32}$/.test(id)) notFound();
  return (
    <>
      <SiteHeader lng={lng} path={`/studio/${id}`} />
      <main id="main" className="page page--studio">
        <I18nProvider lng={lng} resources={pickResources(lng, ["studio", "errors", "teach", "common"])}>
          <StudioEditor lng={lng} id={id} outsiders={sharedOutsiders()} />
        </I18nProvider>
      </main>
    </>
  );
}
