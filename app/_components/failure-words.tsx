import "server-only";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { isValidLocale } from "@/i18n-config";
import { I18nProvider } from "@/app/i18n/i18n-provider";
import { pickResources } from "@/app/i18n/resources";

/**
 * The layout of a page that reads the database: gives its error boundary
 * (`PageError`, which renders inside this layout, around the page) its words.
 */
export async function FailureWordsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ lng: string }>;
}) {
  const { lng } = await params;
  if (!isValidLocale(lng)) notFound();
  return (
    <I18nProvider lng={lng} resources={pickResources(lng, ["common"])}>
      {children}
    </I18nProvider>
  );
}
