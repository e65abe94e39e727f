/** Times and shares as the learner reads them, with Intl (no strings of ours to translate). */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "10 minutes", "3 days", "2 months": the next interval on an answer button. */
export function formatInterval(ms: number, lng: string): string {
  const [value, unit] =
    ms < HOUR
      ? [Math.max(1, Math.round(ms / MINUTE)), "minute"]
      : ms < DAY
        ? [Math.round(ms / HOUR), "hour"]
        : ms < 30 * DAY
          ? [Math.round(ms / DAY), "day"]
          : ms < 365 * DAY
            ? [Math.round(ms / (30 * DAY)), "month"]
            : [Math.round((ms / (365 * DAY)) * 10) / 10, "year"];
  return new Intl.NumberFormat(lng, {
    style: "unit",
    unit,
    unitDisplay: "long",
    maximumFractionDigits: 1,
  }).format(value);
}

/** "in 3 days", "tomorrow": when the next card falls due. */
export function formatWhen(due: number, now: number, lng: string): string {
  const ms = Math.max(0, due - now);
  const format = new Intl.RelativeTimeFormat(lng, { numeric: "auto" });
  if (ms < HOUR) return format.format(Math.max(1, Math.round(ms / MINUTE)), "minute");
  if (ms < DAY) return format.format(Math.round(ms / HOUR), "hour");
  return format.format(Math.round(ms / DAY), "day");
}

export function formatPercent(ratio: number, lng: string): string {
  return new Intl.NumberFormat(lng, { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}

/** The end of the learner's day, in their time zone: what "due today" counts up to. */
export function endOfDay(now: number): number {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end.getTime();
}
