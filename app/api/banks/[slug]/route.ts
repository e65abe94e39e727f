import { getArticleSlugs } from "@/app/_server/content";
import { getQuestionBank } from "@/app/_server/question-bank";

/**
 * An article's whole question bank as static JSON, built once at build time.
 * The quiz page fetches it after first paint instead of carrying ~900 kB in
 * its HTML, and the service worker keeps it for offline practice.
 */
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return getArticleSlugs().map((slug) => ({ slug }));
}

export async function GET(_request: Request, { params }: RouteContext<"/api/banks/[slug]">) {
  const { slug } = await params;
  return Response.json(getQuestionBank(slug));
}
