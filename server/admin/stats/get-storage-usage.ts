// Dataset storage per user for admins: the top users by bytes (ready datasets and uploads in
// progress, counted as the quota counts them), the totals, and the per-user quota.
import "server-only";
import type { Db } from "@/server/db";
import { env } from "@/server/env";

export const TOP_STORAGE_USERS = 20;

export type UserStorage = { userId: string; email: string; name: string | null; datasets: number; bytes: number };
export type StorageUsage = { quotaBytes: number; totals: { users: number; datasets: number; bytes: number }; users: UserStorage[] };

/** The statuses the quota counts (a "deleting" dataset is on its way out). */
const COUNTED = ["ready", "uploading"];

export async function getStorageUsage(db: Db): Promise<StorageUsage> {
  const [users, [totals]] = await Promise.all([
    db.$queryRaw<UserStorage[]>`
      SELECT d."ownerId" AS "userId", u.email, u.name, count(*)::int AS datasets, sum(d.size)::float8 AS bytes
      FROM "Dataset" d JOIN "User" u ON u.id = d."ownerId"
      WHERE d.status = ANY(${COUNTED})
      GROUP BY d."ownerId", u.email, u.name
      ORDER BY bytes DESC, datasets DESC, d."ownerId"
      LIMIT ${TOP_STORAGE_USERS}`,
    db.$queryRaw<{ users: number; datasets: number; bytes: number }[]>`
      SELECT count(DISTINCT "ownerId")::int AS users, count(*)::int AS datasets, COALESCE(sum(size), 0)::float8 AS bytes
      FROM "Dataset" WHERE status = ANY(${COUNTED})`,
  ]);
  return { quotaBytes: env.DATASET_QUOTA_BYTES, totals: totals ?? { users: 0, datasets: 0, bytes: 0 }, users };
}
