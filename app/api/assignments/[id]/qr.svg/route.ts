import QRCode from "qrcode";
import { isValidLocale } from "@/i18n-config";
import { getStudentView } from "@/app/_server/assignments/service";
import { levelParam, withErrors } from "@/app/_server/http";
import { Refusal } from "@/app/_server/refusal";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The QR code of an assignment's student link (with `?level=`, the link that
 * gives that level), drawn on the server so no QR code ships to browsers.
 */
export const GET = withErrors(
  async (request: Request, { params }: RouteContext<"/api/assignments/[id]/qr.svg">) => {
    const { id } = await params;
    const url = new URL(request.url);
    const lng = url.searchParams.get("lng") ?? "en";
    if (!isValidLocale(lng)) throw new Refusal("invalid_request", { detail: "lng must be en or fr." });
    const level = levelParam(request);
    await getStudentView(id, level); // an unknown assignment or level is refused, not the QR code of a dead link
    const svg = await QRCode.toString(`${url.origin}/${lng}/a/${id}${level ? `?level=${level}` : ""}`, {
      type: "svg",
      margin: 2,
      errorCorrectionLevel: "M",
      color: { dark: "#000000", light: "#ffffff" },
    });
    return new Response(svg, {
      headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=31536000, immutable" },
    });
  },
);
