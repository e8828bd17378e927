// The admin health report: every configured kernel provider, the database and Blob storage,
// checked in parallel, each within its own deadline.
import "server-only";
import type { Db } from "@/server/db";
import { checkBlobStorage } from "./check-blob-storage";
import { checkDatabase } from "./check-database";
import { checkProviders } from "./check-providers";
import type { HealthCheck } from "./health-check";

export type HealthReport = { checkedAt: Date; checks: HealthCheck[] };

export async function getHealth(db: Db, options: { timeoutMs?: number } = {}): Promise<HealthReport> {
  const [providers, database, storage] = await Promise.all([checkProviders(options), checkDatabase(db, options), checkBlobStorage(options)]);
  return { checkedAt: new Date(), checks: [...providers, database, storage] };
}
