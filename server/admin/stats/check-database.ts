// Health of the PostgreSQL database: the latency of `SELECT 1` and the server's version.
import "server-only";
import type { Db } from "@/server/db";
import { timedCheck, type HealthCheck } from "./health-check";

export function checkDatabase(db: Db, options: { timeoutMs?: number } = {}): Promise<HealthCheck> {
  return timedCheck({ id: "database", kind: "database", name: "PostgreSQL" }, async () => {
    await db.$queryRaw`SELECT 1`;
    const [row] = await db.$queryRaw<{ server_version: string }[]>`SHOW server_version`;
    return { version: row?.server_version ?? null };
  }, options);
}
