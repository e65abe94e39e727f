import { jsonResponse, withErrors } from "@/app/_server/http";
import { loadArticle } from "@/app/_server/content";
import { questionBankOf } from "@/app/_server/question-bank";
import { Refusal } from "@/app/_server/refusal";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The question bank of an article published in the studio, like
 * `/api/banks/{slug}` for the repository's. With `?version=N` it is that
 * version's, which never changes: browsers and the service worker may keep
 * it for good. Without, the latest, which a new version replaces.
 */
export const GET = withErrors(
  async (request: Request, { params }: RouteContext<"/api/articles/[slug]/bank">) => {
    const { slug } = await params;
    const asked = new URL(request.url).searchParams.get("version");
    const version = asked === null ? undefined : /^[1-9]\d{0,8}$/.test(asked) ? Number(asked) : NaN;
    if (Number.isNaN(version)) throw new Refusal("article_not_found");
    const article = await loadArticle(slug, version);
    if (!article || article.origin !== "studio") throw new Refusal("article_not_found");
    const cache = version === undefined ? "no-cache" : "public, max-age=31536000, immutable";
    return jsonResponse(200, questionBankOf(article), { "Cache-Control": cache });
  },
);
