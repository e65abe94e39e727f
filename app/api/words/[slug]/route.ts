import { getArticleSlugs } from "@/app/_server/content";
import { getArticleWords } from "@/app/_server/article-words";

/**
 * An article's words (lemma counts, form → lemma, glossary terms) as static
 * JSON, built at build time: the home page's coverage, the reader's "mark
 * all the rest as known" and a quiz's "review the words you missed" fetch it
 * when used, and the service worker keeps it for offline use.
 */
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return getArticleSlugs().map((slug) => ({ slug }));
}

export async function GET(_request: Request, { params }: RouteContext<"/api/words/[slug]">) {
  const { slug } = await params;
  return Response.json(getArticleWords(slug));
}
