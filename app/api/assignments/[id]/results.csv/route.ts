import { getResultsCsv } from "@/app/_server/assignments/exports";
import { bearerKey, textResponse, withErrors } from "@/app/_server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One row per student per question, for a spreadsheet. */
export const GET = withErrors(
  async (request: Request, { params }: RouteContext<"/api/assignments/[id]/results.csv">) => {
    const { id } = await params;
    const { filename, csv } = await getResultsCsv(id, bearerKey(request));
    return textResponse(csv, "text/csv; charset=utf-8", {
      "Content-Disposition": `attachment; filename="${filename}"`,
    });
  },
);
