import type { MetadataRoute } from "next";
import { i18nConfig, isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";

// One manifest per language, so an installed Glose opens in the learner's language.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return i18nConfig.locales.map((lng) => ({ lng }));
}

export async function GET(_request: Request, { params }: RouteContext<"/[lng]/manifest.webmanifest">) {
  const { lng } = await params;
  if (!isValidLocale(lng)) return new Response("Not found", { status: 404 });
  const t = await getT(lng, "common");
  const manifest: MetadataRoute.Manifest = {
    id: `/${lng}`,
    name: `${t("appName")} — ${t("tagline")}`,
    short_name: t("appName"),
    description: t("footer"),
    lang: lng,
    start_url: `/${lng}`,
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#fbf8f3",
    theme_color: "#1d5fa8",
    categories: ["education", "books"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { "Content-Type": "application/manifest+json; charset=utf-8" },
  });
}
