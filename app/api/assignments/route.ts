import { createAssignment } from "../../_server/assignments";
import { jsonResponse, readJsonBody, withErrors } from "../../_server/http";

// better-sqlite3 is a native module: the Node.js runtime, never the edge.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Creates an assignment. The teacher key is in this response and nowhere else, ever. */
export const POST = withErrors(async (request: Request) => {
  const body = await readJsonBody(request);
  const created = await createAssignment(body, new URL(request.url).origin);
  return jsonResponse(201, created, { Location: `/api/assignments/${created.id}` });
});
