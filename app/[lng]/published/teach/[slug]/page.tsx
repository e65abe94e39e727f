/**
 * The teacher's form with a teacher's own article (published in the studio)
 * offered first, rendered per request from the database. Teachers never see
 * this address: proxy.ts rewrites `/[lng]/teach?article=<slug>` here, so the
 * plain `/[lng]/teach` stays static and works offline.
 */
import { notFound } from "next/navigation";
import { isValidLocale } from "@/i18n-config";
import { TeachPageBody } from "@/app/teach/teach-page-body";
import "@/app/styles/quiz.css";
import "@/app/styles/teach.css";

export { generateMetadata } from "../../../teach/page";

export const dynamic = "force-dynamic";

export default async function PublishedTeachPage({ params }: PageProps<"/[lng]/published/teach/[slug]">) {
  const { lng, slug } = await params;
  if (!isValidLocale(lng)) notFound();
  return <TeachPageBody lng={lng} ownSlug={slug} />;
}
