import { lookupRequestSchema } from "@/app/api/studio-contract";
import { bearerKey, jsonResponse, parseBody, readJsonBody, withErrors } from "@/app/_server/http";
import { lookupInDraft } from "@/app/_server/studio/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** What the selected words of a sentence are (lemma, part of speech, gender, gloss, number), for the draft's owner. */
export const POST = withErrors(
  async (request: Request, { params }: RouteContext<"/api/studio/drafts/[id]/lookup">) => {
    const { id } = await params;
    const key = bearerKey(request);
    const input = parseBody(lookupRequestSchema, await readJsonBody(request));
    return jsonResponse(200, await lookupInDraft(id, key, input));
  },
);
