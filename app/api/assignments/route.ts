import { createAssignmentRequestSchema } from "@/app/api/contract";
import { createAssignment } from "@/app/_server/assignments/service";
import { jsonResponse, parseBody, readJsonBody, withErrors } from "@/app/_server/http";
import { enforceRateLimit } from "@/app/_server/rate-limit";

// better-sqlite3 is a native module: the Node.js runtime, never the edge.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Creates an assignment. The teacher key is in this response and nowhere else, ever. */
export const POST = withErrors(async (request: Request) => {
  enforceRateLimit(request, "create");
  const input = parseBody(createAssignmentRequestSchema, await readJsonBody(request));
  const created = await createAssignment(input, new URL(request.url).origin);
  return jsonResponse(201, created, { Location: `/api/assignments/${created.id}` });
});
