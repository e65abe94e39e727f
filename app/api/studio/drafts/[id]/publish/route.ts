import { publishRequestSchema } from "@/app/api/studio-contract";
import { bearerKey, jsonResponse, parseBody, readJsonBody, withErrors } from "@/app/_server/http";
import { enforceRateLimit } from "@/app/_server/rate-limit";
import { publishDraft } from "@/app/_server/studio/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Publishes the draft at `revision` as the next immutable version of its article. */
export const POST = withErrors(
  async (request: Request, { params }: RouteContext<"/api/studio/drafts/[id]/publish">) => {
    enforceRateLimit(request, "create");
    const { id } = await params;
    const key = bearerKey(request);
    const input = parseBody(publishRequestSchema, await readJsonBody(request));
    const published = await publishDraft(id, key, input, new URL(request.url).origin);
    return jsonResponse(201, published, {
      Location: `/api/articles/${published.slug}/bank?version=${published.version}`,
    });
  },
);
