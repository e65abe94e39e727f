import { STUDIO_LIMITS } from "@/app/api/contract";
import { saveDraftRequestSchema } from "@/app/api/studio-contract";
import { bearerKey, jsonResponse, parseBody, readJsonBody, withErrors } from "@/app/_server/http";
import { getDraft, saveDraft } from "@/app/_server/studio/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The draft, for its owner (key as bearer token); any other key is the 404 of a missing draft. */
export const GET = withErrors(
  async (request: Request, { params }: RouteContext<"/api/studio/drafts/[id]">) => {
    const { id } = await params;
    return jsonResponse(200, await getDraft(id, bearerKey(request)));
  },
);

/** Saves the draft if it is still at `revision`; otherwise 409 `draft_conflict` with the revision it is at. */
export const PUT = withErrors(
  async (request: Request, { params }: RouteContext<"/api/studio/drafts/[id]">) => {
    const { id } = await params;
    const key = bearerKey(request);
    const input = parseBody(saveDraftRequestSchema, await readJsonBody(request, STUDIO_LIMITS.bodyBytes));
    return jsonResponse(200, await saveDraft(id, key, input));
  },
);
