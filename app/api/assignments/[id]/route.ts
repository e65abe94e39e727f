import { getStudentView } from "@/app/_server/assignments/service";
import { jsonResponse, levelParam, withErrors } from "@/app/_server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The student's view: settings and public questions, nothing that gives an answer away; `?level=` picks a level. */
export const GET = withErrors(async (request: Request, { params }: RouteContext<"/api/assignments/[id]">) => {
  const { id } = await params;
  return jsonResponse(200, await getStudentView(id, levelParam(request)));
});
