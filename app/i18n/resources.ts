/**
 * Every namespace of every language, bundled statically: the server needs no
 * file reads, and client components receive only the namespaces they use.
 */
import enCommon from "@/locales/en/common.json";
import enHome from "@/locales/en/home.json";
import enReader from "@/locales/en/reader.json";
import frCommon from "@/locales/fr/common.json";
import frHome from "@/locales/fr/home.json";
import frReader from "@/locales/fr/reader.json";
import type { Locale } from "@/i18n-config";

export const defaultNamespace = "common";

export const resources = {
  en: { common: enCommon, home: enHome, reader: enReader },
  fr: { common: frCommon, home: frHome, reader: frReader },
} satisfies Record<Locale, Record<string, unknown>>;

export type Namespace = keyof (typeof resources)["en"];

/** The resources of some namespaces of one language: what a client provider needs. */
export function pickResources(lng: Locale, namespaces: readonly Namespace[]) {
  return Object.fromEntries(namespaces.map((ns) => [ns, resources[lng][ns]])) as Partial<
    (typeof resources)["en"]
  >;
}
