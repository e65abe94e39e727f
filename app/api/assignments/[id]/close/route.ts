import { closeAssignment } from "@/app/_server/assignments/service";
import { bearerKey, jsonResponse, withErrors } from "@/app/_server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The teacher closes the assignment now; the same 404 as for no assignment without the key. */
export const POST = withErrors(
  async (request: Request, { params }: RouteContext<"/api/assignments/[id]/close">) => {
    const { id } = await params;
    return jsonResponse(200, await closeAssignment(id, bearerKey(request)));
  },
);
