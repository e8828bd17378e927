// The admin usage report for a date range: executions per day by provider and by outcome,
// kernel-hours per day by provider, and the busiest users (aggregated in SQL, shaped here).
import "server-only";
import type { Db } from "@/server/db";
import { PROVIDER_IDS } from "@/server/kernels/types";
import { fillDays, toDayRange, type DaySeries, type UsageRange } from "./day-range";
import { countExecutions, rankUsers, sumKernelHoursByDay, type UserUsageRow } from "./usage-queries";

/** Finished executions' outcomes, in the order the chart stacks them. */
export const OUTCOMES = ["ok", "error", "interrupted", "aborted", "lost"] as const;
export const BUSIEST_USERS = 10;

export type UserUsage = { userId: string; email: string; name: string | null; executions: number; kernelHours: number };

export type UsageReport = {
  from: string;
  to: string;
  /** When the report was made: open kernel sessions count up to this moment. */
  now: Date;
  /** Every execution queued in the range (finished or not), per day and provider. */
  executionsByProvider: DaySeries;
  /** Finished executions per day and outcome (queued or running ones are left out). */
  executionsByOutcome: DaySeries;
  kernelHoursByProvider: DaySeries;
  busiestUsers: { byExecutions: UserUsage[]; byKernelHours: UserUsage[] };
  totals: { executions: number; kernelHours: number };
};

export async function getUsage(db: Db, args: UsageRange & { now?: Date }): Promise<UsageReport> {
  const now = args.now ?? new Date();
  const range = toDayRange(args);
  const window = { ...range, now };
  const [executions, hours, users] = await Promise.all([
    countExecutions(db, window), sumKernelHoursByDay(db, window), rankUsers(db, window, BUSIEST_USERS),
  ]);
  const outcomes: readonly string[] = OUTCOMES;
  return {
    from: args.from,
    to: args.to,
    now,
    executionsByProvider: fillDays(range.days, executions.map((r) => ({ day: r.day, key: r.provider, value: r.count })), knownProviders(executions)),
    executionsByOutcome: fillDays(range.days,
      executions.filter((r) => outcomes.includes(r.status)).map((r) => ({ day: r.day, key: r.status, value: r.count })), OUTCOMES),
    kernelHoursByProvider: fillDays(range.days, hours.map((r) => ({ day: r.day, key: r.provider, value: r.hours })), knownProviders(hours)),
    busiestUsers: {
      byExecutions: topBy(users, "execRank", "executions"),
      byKernelHours: topBy(users, "hoursRank", "kernelHours"),
    },
    totals: { executions: sum(executions.map((r) => r.count)), kernelHours: sum(hours.map((r) => r.hours)) },
  };
}

/** The providers present, in the registry's order (unknown ids follow, sorted, via fillDays). */
function knownProviders(rows: { provider: string }[]): string[] {
  const present = new Set(rows.map((r) => r.provider));
  return PROVIDER_IDS.filter((id) => present.has(id));
}

function topBy(rows: UserUsageRow[], rank: "execRank" | "hoursRank", measure: "executions" | "kernelHours"): UserUsage[] {
  return rows
    .filter((r) => r[rank] <= BUSIEST_USERS && r[measure] > 0)
    .sort((a, b) => a[rank] - b[rank])
    .map(({ userId, email, name, executions, kernelHours }) => ({ userId, email, name, executions, kernelHours }));
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
