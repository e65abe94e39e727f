import { getResults } from "@/app/_server/assignments/service";
import { bearerKey, jsonResponse, withErrors } from "@/app/_server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Class results for the teacher holding the key; anyone else gets the same 404 as for no assignment. */
export const GET = withErrors(
  async (request: Request, { params }: RouteContext<"/api/assignments/[id]/results">) => {
    const { id } = await params;
    return jsonResponse(200, await getResults(id, bearerKey(request)));
  },
);
