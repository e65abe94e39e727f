import { STUDIO_LIMITS } from "@/app/api/contract";
import { importRequestSchema } from "@/app/api/studio-contract";
import { jsonResponse, parseBody, readJsonBody, withErrors } from "@/app/_server/http";
import { enforceRateLimit } from "@/app/_server/rate-limit";
import { importDraft } from "@/app/_server/studio/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** An article folder (the files of an exported .zip) becomes a new draft, checked as any content is. */
export const POST = withErrors(async (request: Request) => {
  enforceRateLimit(request, "create");
  const input = parseBody(importRequestSchema, await readJsonBody(request, STUDIO_LIMITS.bodyBytes));
  const created = await importDraft(input, new URL(request.url).origin);
  return jsonResponse(201, created, { Location: `/api/studio/drafts/${created.id}` });
});
