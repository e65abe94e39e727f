/** The interface languages, declared once: routes, negotiation and types derive from here. */
export const i18nConfig = {
  locales: ["en", "fr"],
  defaultLocale: "en",
} as const;

export type Locale = (typeof i18nConfig)["locales"][number];

export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isValidLocale(value: unknown): value is Locale {
  return typeof value === "string" && (i18nConfig.locales as readonly string[]).includes(value);
}
