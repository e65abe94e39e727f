import type { Locale } from "@/i18n-config";

/** Percentages and scores: one decimal at most, the locale's way. */
export function formatNumber(value: number, lng: Locale) {
  return new Intl.NumberFormat(lng, { maximumFractionDigits: 1 }).format(value);
}

/** Discrimination runs from −1 to 1: two decimals and a real minus sign. */
export function formatIndex(value: number, lng: Locale) {
  return new Intl.NumberFormat(lng, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export function formatDuration(ms: number) {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
