import { getStudentView } from "../../../_server/assignments";
import { jsonResponse, withErrors } from "../../../_server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The student's view: settings and questions, nothing that gives an answer away. */
export const GET = withErrors(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return jsonResponse(200, await getStudentView(id));
});
