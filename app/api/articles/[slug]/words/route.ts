import { studioArticleWords } from "@/app/_server/studio/article-words";
import { loadArticle } from "@/app/_server/content";
import { jsonResponse, withErrors } from "@/app/_server/http";
import { Refusal } from "@/app/_server/refusal";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The words of an article published in the studio (its latest version), like
 * `/api/words/{slug}` for the repository's: proxy.ts sends that address here
 * for any slug the repository does not have, so the reader's word tools and
 * the library's coverage work the same on a teacher's text.
 */
export const GET = withErrors(
  async (_request: Request, { params }: RouteContext<"/api/articles/[slug]/words">) => {
    const { slug } = await params;
    const article = await loadArticle(slug);
    if (!article || article.origin !== "studio") throw new Refusal("article_not_found");
    return jsonResponse(200, studioArticleWords(article), { "Cache-Control": "no-cache" });
  },
);
