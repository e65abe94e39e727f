"use client";

import { createInstance, type Resource } from "i18next";
import { useState, type ReactNode } from "react";
import { I18nextProvider, initReactI18next } from "react-i18next";
import type { Locale } from "@/i18n-config";
import { defaultNamespace } from "./settings";

export interface I18nProviderProps {
  lng: Locale;
  /** Only the namespaces this part of the page uses, picked on the server. */
  resources: Resource[string];
  children: ReactNode;
}

export function I18nProvider({ lng, resources, children }: I18nProviderProps) {
  const [i18n] = useState(() => {
    const instance = createInstance();
    // Resources are passed in, so init is synchronous and the first render is translated.
    void instance.use(initReactI18next).init({
      lng,
      fallbackLng: false,
      resources: { [lng]: resources },
      defaultNS: defaultNamespace,
      interpolation: { escapeValue: false },
      initAsync: false,
      react: { useSuspense: false },
    });
    return instance;
  });
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
