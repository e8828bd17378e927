// Deletes a dataset consistently: marked "deleting", its blob removed (already gone is fine), then
// its row. If storage refuses, the dataset is put back as it was and the error says so, so a dataset
// is never left half-deleted (a row without its file, or a file nobody can see). Audited.
import "server-only";
import type { Db } from "@/server/db";
import { DatasetError } from "@/server/errors";
import { blobStore } from "@/server/storage/blob-store";
import { removeBlob } from "@/server/storage/remove-blob";
import { storageFailure } from "@/server/storage/storage-failure";
import { findOwnedDataset } from "./dataset-row";
import { dropStaging } from "./upload-staging";

export async function deleteDataset(db: Db, args: { userId: string; datasetId: string }): Promise<void> {
  const row = await findOwnedDataset(db, args);
  const store = await blobStore();
  const where = { id: row.id, ownerId: args.userId };
  const { count } = await db.dataset.updateMany({ where: { ...where, status: row.status }, data: { status: "deleting" } });
  if (count === 0) throw new DatasetError("WRONG_STATE", "This dataset changed meanwhile; reload and try again.");
  try {
    // An upload still in progress also has its staging container (upload-staging.ts).
    await Promise.all([removeBlob(store.container, row.blobName), dropStaging(store, row)]);
  } catch (e) {
    await db.dataset.updateMany({ where: { ...where, status: "deleting" }, data: { status: row.status } });
    throw storageFailure(`delete "${row.name}" (nothing was deleted)`, e);
  }
  await db.$transaction([
    db.dataset.deleteMany({ where }),
    db.auditEvent.create({
      data: { actorId: args.userId, action: "dataset.delete", target: row.id, detail: { name: row.name, size: Number(row.size) } },
    }),
  ]);
}
