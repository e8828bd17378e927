// Per-user storage quota: every ready dataset and every upload in progress counts at its full
// declared size (an upload reserves its space when it begins).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { env } from "@/server/env";
import { DatasetError } from "@/server/errors";
import { formatBytes } from "./format-bytes";

type Reader = Pick<Prisma.TransactionClient, "dataset">;

export async function usedBytes(db: Reader, args: { userId: string; excludeDatasetId?: string }): Promise<number> {
  const { _sum } = await db.dataset.aggregate({
    _sum: { size: true },
    where: { ownerId: args.userId, status: { in: ["ready", "uploading"] }, ...(args.excludeDatasetId ? { id: { not: args.excludeDatasetId } } : {}) },
  });
  return Number(_sum.size ?? 0n);
}

/** Throws QUOTA_EXCEEDED (with the numbers) unless `size` more bytes fit in the user's quota. */
export async function assertQuota(db: Reader, args: { userId: string; size: number; excludeDatasetId?: string }): Promise<void> {
  const quota = env.DATASET_QUOTA_BYTES;
  const used = await usedBytes(db, args);
  if (used + args.size <= quota) return;
  const left = Math.max(0, quota - used);
  throw new DatasetError("QUOTA_EXCEEDED",
    `This upload needs ${formatBytes(args.size)}; you have ${formatBytes(left)} of ${formatBytes(quota)} left. Delete datasets or ask an admin for more space.`);
}
