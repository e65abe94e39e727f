import "server-only";
import { createInstance, type TFunction } from "i18next";
import { cache } from "react";
import type { Locale } from "@/i18n-config";
import { defaultNamespace, resources, type Namespace } from "./resources";

/**
 * A fresh i18next instance per request and language: a shared instance
 * mutated by changeLanguage would leak one visitor's language into another's
 * page. cache() makes every server component of one request share it.
 */
const getInstance = cache(async (lng: Locale) => {
  const instance = createInstance();
  await instance.init({
    lng,
    fallbackLng: false,
    resources,
    defaultNS: defaultNamespace,
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  return instance;
});

export async function getT<N extends Namespace>(lng: Locale, ns: N): Promise<TFunction<N>> {
  const instance = await getInstance(lng);
  return instance.getFixedT(lng, ns);
}
