// The admin usage report's days: a validated UTC date range ("YYYY-MM-DD", both ends included) and
// per-day series with every day and every key present (zero when nothing happened).
import { z } from "zod";

/** The longest range the usage report accepts, in days. */
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

export const ZUsageRange = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine(({ from, to }) => from <= to, { message: "The range must start on or before its last day.", path: ["to"] })
  .refine(({ from, to }) => dayCount(from, to) <= MAX_RANGE_DAYS, { message: `Choose at most ${MAX_RANGE_DAYS} days.`, path: ["from"] });
export type UsageRange = z.infer<typeof ZUsageRange>;

export type DayRange = {
  /** Midnight UTC of the first day. */
  start: Date;
  /** Midnight UTC after the last day (exclusive). */
  end: Date;
  /** Every day of the range, "YYYY-MM-DD", in order. */
  days: string[];
};

export function toDayRange(range: UsageRange): DayRange {
  const start = new Date(`${range.from}T00:00:00.000Z`);
  const count = dayCount(range.from, range.to);
  const days = Array.from({ length: count }, (_, i) => dayOf(new Date(start.getTime() + i * DAY_MS)));
  return { start, end: new Date(start.getTime() + count * DAY_MS), days };
}

/** "YYYY-MM-DD" of a moment, in UTC. */
export function dayOf(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** One value per day for each key (a provider, an outcome). */
export type DaySeries = { keys: string[]; rows: { day: string; values: Record<string, number> }[] };
export type DayPoint = { day: string; key: string; value: number };

/**
 * A series over `days` from sparse points: every day appears, every key has a value on every day
 * (0 when absent). `keys` fixes the order; keys found only in the points follow, sorted.
 */
export function fillDays(days: string[], points: DayPoint[], keys: readonly string[] = []): DaySeries {
  const extra = [...new Set(points.map((p) => p.key))].filter((k) => !keys.includes(k)).sort();
  const allKeys = [...keys, ...extra];
  const byDay = new Map(days.map((day) => [day, Object.fromEntries(allKeys.map((k) => [k, 0])) as Record<string, number>]));
  for (const point of points) {
    const values = byDay.get(point.day);
    if (values) values[point.key] = (values[point.key] ?? 0) + point.value;
  }
  return { keys: allKeys, rows: days.map((day) => ({ day, values: byDay.get(day)! })) };
}
