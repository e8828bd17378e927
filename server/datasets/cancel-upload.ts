// Abandons an upload for good: its staging container (staged blocks, any committed blob) goes, then its row (and with
// it the quota it reserved). If storage refuses, the upload stays as it was and the error says so.
import "server-only";
import type { Db } from "@/server/db";
import { blobStore } from "@/server/storage/blob-store";
import { removeBlob } from "@/server/storage/remove-blob";
import { storageFailure } from "@/server/storage/storage-failure";
import { findOwnedDataset } from "./dataset-row";
import { dropStaging } from "./upload-staging";

export async function cancelUpload(db: Db, args: { userId: string; datasetId: string }): Promise<void> {
  const row = await findOwnedDataset(db, { ...args, status: "uploading" });
  const store = await blobStore();
  await Promise.all([dropStaging(store, row), removeBlob(store.container, row.blobName)]).catch((e: unknown) => {
    throw storageFailure("remove the partial upload", e);
  });
  await db.dataset.deleteMany({ where: { id: row.id, ownerId: args.userId, status: "uploading" } });
}
