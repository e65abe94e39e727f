import { submitAttempt } from "../../../../_server/assignments";
import { jsonResponse, readJsonBody, withErrors } from "../../../../_server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Scores a student's answers on the server; 201 when new, 200 when this attempt was already stored. */
export const POST = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const body = await readJsonBody(request);
  const { status, body: result } = await submitAttempt(id, body);
  return jsonResponse(status, result);
});
