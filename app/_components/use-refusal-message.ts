"use client";

import { useTranslation } from "react-i18next";
import { LIMIT_OF_CODE, LIMITS, type ApiError } from "@/app/api/contract";

/** Rounded up, so "try again in 1 minute" is never too early. */
function retryWhen(lng: string, seconds: number): string {
  const format = new Intl.RelativeTimeFormat(lng, { numeric: "always" });
  return seconds < 60
    ? format.format(Math.ceil(seconds), "second")
    : format.format(Math.ceil(seconds / 60), "minute");
}

/**
 * A refusal from the API in the reader's language, with what to do next:
 * translated from its code (`locales/*\/errors.json`), never from the English
 * sentence the server sends beside it. Needs the `errors` namespace.
 */
export function useRefusalMessage(): (refusal: Pick<ApiError, "code" | "retryAfter">) => string {
  const { t, i18n } = useTranslation("errors");
  return ({ code, retryAfter }) =>
    t(code, {
      max: new Intl.NumberFormat(i18n.language).format(LIMIT_OF_CODE[code] ?? LIMITS.nameLength),
      when: retryWhen(i18n.language, retryAfter ?? 60),
    });
}
