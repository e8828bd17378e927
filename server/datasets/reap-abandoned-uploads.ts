// Ends uploads nobody resumed for a week (Azure discards uncommitted blocks after 7 days anyway),
// so abandoned rows do not hold the owner's quota for ever. Their staging containers and blobs go
// first, then the rows.
import "server-only";
import type { Db } from "@/server/db";
import { blobStore } from "@/server/storage/blob-store";
import { removeBlob } from "@/server/storage/remove-blob";
import { dropStaging } from "./upload-staging";

export const ABANDONED_AFTER_MS = 7 * 24 * 3600_000;

export async function reapAbandonedUploads(db: Db, options: { now?: Date } = {}): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - ABANDONED_AFTER_MS);
  const stale = await db.dataset.findMany({ where: { status: "uploading", updatedAt: { lt: cutoff } }, select: { id: true, blobName: true }, take: 100 });
  if (stale.length === 0) return 0;
  const store = await blobStore();
  let reaped = 0;
  for (const row of stale) {
    try {
      await Promise.all([dropStaging(store, row), removeBlob(store.container, row.blobName)]);
    } catch {
      continue; // storage unreachable: the row stays and is tried again next time
    }
    reaped += (await db.dataset.deleteMany({ where: { id: row.id, status: "uploading", updatedAt: { lt: cutoff } } })).count;
  }
  return reaped;
}
