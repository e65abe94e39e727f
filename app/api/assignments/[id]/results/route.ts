import { getResults } from "../../../../_server/assignments";
import { bearerKey, jsonResponse, withErrors } from "../../../../_server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Class results for the teacher holding the key; anyone else gets the same 404 as for no assignment. */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return jsonResponse(200, await getResults(id, bearerKey(request)));
});
