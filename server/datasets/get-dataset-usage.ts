// How much of their dataset quota the caller uses (uploads in progress included).
import "server-only";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { usedBytes } from "./dataset-quota";

export async function getDatasetUsage(db: Db, args: { userId: string }): Promise<{ usedBytes: number; quotaBytes: number }> {
  return { usedBytes: await usedBytes(db, { userId: args.userId }), quotaBytes: env.DATASET_QUOTA_BYTES };
}
