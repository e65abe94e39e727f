import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { i18nConfig, isValidLocale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { PendingSubmissions } from "@/app/_components/pending-submissions";
import { ServiceWorker } from "@/app/_components/service-worker";
import "../globals.css";

// Only /en and /fr exist; any other first segment is a 404 at the routing level.
export const dynamicParams = false;

export function generateStaticParams() {
  return i18nConfig.locales.map((lng) => ({ lng }));
}

export async function generateMetadata({ params }: LayoutProps<"/[lng]">): Promise<Metadata> {
  const { lng } = await params;
  if (!isValidLocale(lng)) return {};
  const t = await getT(lng, "common");
  return {
    title: { default: t("appName"), template: `%s` },
    description: t("tagline"),
    applicationName: t("appName"),
    manifest: `/${lng}/manifest.webmanifest`,
    appleWebApp: { capable: true, title: t("appName"), statusBarStyle: "default" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbf8f3" },
    { media: "(prefers-color-scheme: dark)", color: "#1b1a17" },
  ],
};

export default async function LocaleLayout({ children, params }: LayoutProps<"/[lng]">) {
  const { lng } = await params;
  if (!isValidLocale(lng)) notFound();
  const t = await getT(lng, "common");
  return (
    // suppressHydrationWarning: a tiny script sets reader preferences on <html> before paint.
    <html lang={lng} suppressHydrationWarning>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        {children}
        <ServiceWorker />
        <PendingSubmissions />
      </body>
    </html>
  );
}
