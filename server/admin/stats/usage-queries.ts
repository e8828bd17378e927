// The usage report's SQL: executions per day (by provider and status), kernel-hours per day by
// provider (each session's overlap with each day; open sessions run until `now`) and per user.
// Everything is aggregated in PostgreSQL; days are UTC (timestamps are stored as UTC wall time).
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { DayRange } from "./day-range";

export type UsageWindow = DayRange & { now: Date };
export type ExecutionCountRow = { day: string; provider: string; status: string; count: number };
export type KernelHoursRow = { day: string; provider: string; hours: number };
export type UserUsageRow = {
  userId: string; email: string; name: string | null; executions: number; kernelHours: number; execRank: number; hoursRank: number;
};

const ts = (moment: Date) => Prisma.sql`${moment.toISOString()}::timestamp`;

export function countExecutions(db: Db, w: UsageWindow): Promise<ExecutionCountRow[]> {
  return db.$queryRaw<ExecutionCountRow[]>`
    SELECT to_char(date_trunc('day', e."queuedAt"), 'YYYY-MM-DD') AS day,
           COALESCE(s.provider, n.provider) AS provider, e.status, count(*)::int AS count
    FROM "Execution" e
    JOIN "Notebook" n ON n.id = e."notebookId"
    LEFT JOIN "KernelSession" s ON s.id = e."sessionId"
    WHERE e."queuedAt" >= ${ts(w.start)} AND e."queuedAt" < ${ts(w.end)}
    GROUP BY 1, 2, 3`;
}

export function sumKernelHoursByDay(db: Db, w: UsageWindow): Promise<KernelHoursRow[]> {
  const now = ts(w.now);
  return db.$queryRaw<KernelHoursRow[]>`
    WITH days AS (
      SELECT generate_series(${ts(w.start)}, ${ts(w.end)} - interval '1 day', interval '1 day') AS day
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, s.provider,
           (sum(extract(epoch FROM least(COALESCE(s."endedAt", ${now}), d.day + interval '1 day') - greatest(s."startedAt", d.day))) / 3600)::float8 AS hours
    FROM days d
    JOIN "KernelSession" s
      ON s."startedAt" < d.day + interval '1 day' AND COALESCE(s."endedAt", ${now}) > d.day AND s."startedAt" < ${now}
    GROUP BY 1, 2`;
}

/** Users in the top `limit` by executions or by kernel-hours within the window, with both ranks. */
export function rankUsers(db: Db, w: UsageWindow, limit: number): Promise<UserUsageRow[]> {
  const [start, end, now] = [ts(w.start), ts(w.end), ts(w.now)];
  return db.$queryRaw<UserUsageRow[]>`
    WITH ex AS (
      SELECT n."ownerId" AS user_id, count(*)::int AS executions
      FROM "Execution" e JOIN "Notebook" n ON n.id = e."notebookId"
      WHERE e."queuedAt" >= ${start} AND e."queuedAt" < ${end}
      GROUP BY 1
    ), kh AS (
      SELECT s."ownerId" AS user_id,
             sum(extract(epoch FROM least(COALESCE(s."endedAt", ${now}), ${end}) - greatest(s."startedAt", ${start}))) / 3600 AS hours
      FROM "KernelSession" s
      WHERE s."startedAt" < ${end} AND COALESCE(s."endedAt", ${now}) > ${start} AND s."startedAt" < ${now}
      GROUP BY 1
    ), per_user AS (
      SELECT COALESCE(ex.user_id, kh.user_id) AS user_id, COALESCE(ex.executions, 0) AS executions, COALESCE(kh.hours, 0)::float8 AS hours
      FROM ex FULL JOIN kh ON kh.user_id = ex.user_id
    ), ranked AS (
      SELECT *, row_number() OVER (ORDER BY executions DESC, hours DESC, user_id) AS exec_rank,
                row_number() OVER (ORDER BY hours DESC, executions DESC, user_id) AS hours_rank
      FROM per_user
    )
    SELECT r.user_id AS "userId", u.email, u.name, r.executions, r.hours AS "kernelHours",
           r.exec_rank::int AS "execRank", r.hours_rank::int AS "hoursRank"
    FROM ranked r JOIN "User" u ON u.id = r.user_id
    WHERE r.exec_rank <= ${limit} OR r.hours_rank <= ${limit}`;
}
