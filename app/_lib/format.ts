import type { Locale } from "@/i18n-config";

/**
 * Numbers as each language writes them: "72.5%" in English, "72,5 %" in
 * French (with the no-break space Intl puts there). Percentages here are
 * 0–100, as the API gives them.
 */

export function formatNumber(lng: Locale, value: number): string {
  return new Intl.NumberFormat(lng, { maximumFractionDigits: 1 }).format(value);
}

export function formatPercent(lng: Locale, percentage: number): string {
  return new Intl.NumberFormat(lng, { style: "percent", maximumFractionDigits: 1 }).format(percentage / 100);
}

/** "10–20%" / "10–20 %". */
export function formatPercentRange(lng: Locale, from: number, to: number): string {
  return new Intl.NumberFormat(lng, { style: "percent", maximumFractionDigits: 0 }).formatRange(
    from / 100,
    to / 100,
  );
}

/** An index from −1 to 1 (discrimination): two decimals and a real minus sign. */
export function formatIndex(lng: Locale, value: number): string {
  return new Intl.NumberFormat(lng, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}
