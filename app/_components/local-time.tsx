"use client";

import { useSyncExternalStore } from "react";
import type { Locale } from "@/i18n-config";

const FORMATS = {
  /** "Tuesday 30 June 2026 at 18:00 CEST" */
  long: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  /** "30 Jun 2026, 18:00 CEST" */
  short: { day: "numeric", month: "short", year: "numeric" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const noSubscription = () => () => undefined;
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
// The server cannot know the reader's zone: its HTML says UTC, plainly, until the browser takes over.
const serverTimeZone = () => "UTC";

export interface LocalTimeProps {
  iso: string;
  lng: Locale;
  format: keyof typeof FORMATS;
}

/**
 * A moment in the reader's own time zone, with the zone named: a due date
 * read on a phone in Lyon and on a server in Frankfurt must say the same
 * thing, and "18:00" alone never says which 18:00.
 */
export function LocalTime({ iso, lng, format }: LocalTimeProps) {
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, serverTimeZone);
  const text = new Intl.DateTimeFormat(lng === "fr" ? "fr-FR" : "en-GB", {
    ...FORMATS[format],
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
  return <time dateTime={iso}>{text}</time>;
}
