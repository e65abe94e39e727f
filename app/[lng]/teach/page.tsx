import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { TeachPageBody } from "@/app/teach/teach-page-body";
import "@/app/styles/quiz.css";
import "@/app/styles/teach.css";

export async function generateMetadata({ params }: PageProps<"/[lng]/teach">): Promise<Metadata> {
  const { lng } = await params;
  if (!isValidLocale(lng)) return {};
  const t = await getT(lng, "teach");
  return { title: t("metaTitle") };
}

/**
 * The teacher's form, built once per language so the service worker can keep
 * it for offline use. `/[lng]/teach?article=<slug>` for a teacher's own
 * article is rewritten by proxy.ts to `/[lng]/published/teach/<slug>`, which
 * renders this same page per request with that article offered first.
 */
export default async function TeachPage({ params }: PageProps<"/[lng]/teach">) {
  const { lng } = await params;
  if (!isValidLocale(lng)) notFound();
  return <TeachPageBody lng={lng} />;
}
