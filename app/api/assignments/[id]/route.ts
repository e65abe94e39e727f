import { getStudentView } from "@/app/_server/assignments/service";
import { jsonResponse, withErrors } from "@/app/_server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The student's view: settings and public questions, nothing that gives an answer away. */
export const GET = withErrors(
  async (_request: Request, { params }: RouteContext<"/api/assignments/[id]">) => {
    const { id } = await params;
    return jsonResponse(200, await getStudentView(id));
  },
);
