import { getGiftExport } from "@/app/_server/assignments/exports";
import { bearerKey, textResponse, withErrors } from "@/app/_server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The assignment's questions in Moodle GIFT, to import into a Moodle question bank. */
export const GET = withErrors(
  async (request: Request, { params }: RouteContext<"/api/assignments/[id]/export.gift">) => {
    const { id } = await params;
    const { filename, gift } = await getGiftExport(id, bearerKey(request));
    return textResponse(gift, "text/plain; charset=utf-8", {
      "Content-Disposition": `attachment; filename="${filename}"`,
    });
  },
);
