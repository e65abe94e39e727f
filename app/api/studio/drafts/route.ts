import { STUDIO_LIMITS } from "@/app/api/contract";
import { createDraftRequestSchema } from "@/app/api/studio-contract";
import { jsonResponse, parseBody, readJsonBody, withErrors } from "@/app/_server/http";
import { enforceRateLimit } from "@/app/_server/rate-limit";
import { createDraft } from "@/app/_server/studio/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Analyses a pasted text into a new draft. The owner key is in this response and nowhere else, ever. */
export const POST = withErrors(async (request: Request) => {
  enforceRateLimit(request, "create");
  const input = parseBody(createDraftRequestSchema, await readJsonBody(request, STUDIO_LIMITS.bodyBytes));
  const created = await createDraft(input, new URL(request.url).origin);
  return jsonResponse(201, created, { Location: `/api/studio/drafts/${created.id}` });
});
