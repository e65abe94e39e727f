import { submissionRequestSchema } from "@/app/api/contract";
import { submitAttempt } from "@/app/_server/assignments/service";
import { jsonResponse, parseBody, readJsonBody, withErrors } from "@/app/_server/http";
import { enforceRateLimit } from "@/app/_server/rate-limit";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Scores a student's answers on the server; 201 when new, 200 when this attempt was already stored. */
export const POST = withErrors(
  async (request: Request, { params }: RouteContext<"/api/assignments/[id]/submissions">) => {
    enforceRateLimit(request, "submit");
    const { id } = await params;
    const input = parseBody(submissionRequestSchema, await readJsonBody(request));
    const { outcome, response } = await submitAttempt(id, input);
    return jsonResponse(outcome === "created" ? 201 : 200, response);
  },
);
