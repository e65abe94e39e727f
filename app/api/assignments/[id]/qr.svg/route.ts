import QRCode from "qrcode";
import { isValidLocale } from "@/i18n-config";
import { getStudentView } from "@/app/_server/assignments";
import { jsonError } from "@/app/_server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The QR code of an assignment's student link, drawn on the server so no QR code ships to browsers. */
export async function GET(request: Request, { params }: RouteContext<"/api/assignments/[id]/qr.svg">) {
  const { id } = await params;
  const url = new URL(request.url);
  const lng = url.searchParams.get("lng") ?? "en";
  if (!isValidLocale(lng)) return jsonError(400, "lng must be en or fr.");
  try {
    await getStudentView(id);
  } catch {
    return jsonError(404, "No such assignment.");
  }
  const svg = await QRCode.toString(`${url.origin}/${lng}/a/${id}`, {
    type: "svg",
    margin: 2,
    errorCorrectionLevel: "M",
    color: { dark: "#000000", light: "#ffffff" },
  });
  return new Response(svg, {
    headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
