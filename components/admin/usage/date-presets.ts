// The usage tab's date ranges: "last N days" (today included) or a custom from–to, as the UTC
// "YYYY-MM-DD" days the server's report uses.
export const PRESET_DAYS = [7, 30, 90] as const;
export type PresetDays = (typeof PRESET_DAYS)[number];
export type DateRange = { from: string; to: string };

/** Must match the server's limit (server/admin/stats/day-range.ts). */
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** The last `days` days up to and including today (UTC). */
export function presetRange(days: number, today: Date = new Date()): DateRange {
  return { from: utcDay(new Date(today.getTime() - (days - 1) * DAY_MS)), to: utcDay(today) };
}

/** Why a custom range cannot be asked for, or null when it can. */
export function rangeProblem(range: DateRange): string | null {
  const from = Date.parse(`${range.from}T00:00:00Z`);
  const to = Date.parse(`${range.to}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to) || Number.isNaN(from) || Number.isNaN(to)) {
    return "Choose both dates.";
  }
  if (from > to) return "The start must be on or before the end.";
  if ((to - from) / DAY_MS + 1 > MAX_RANGE_DAYS) return `Choose at most ${MAX_RANGE_DAYS} days.`;
  return null;
}

/** "3 Jun" for a day label on a chart axis. */
export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}
