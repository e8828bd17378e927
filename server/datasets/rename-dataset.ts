// Renames a dataset: the display name only (the blob keeps its generated name).
import "server-only";
import type { Db } from "@/server/db";
import { DatasetError } from "@/server/errors";
import { findOwnedDataset, toDatasetSummary, type DatasetSummary } from "./dataset-row";

export async function renameDataset(db: Db, args: { userId: string; datasetId: string; name: string }): Promise<DatasetSummary> {
  const { count } = await db.dataset.updateMany({
    where: { id: args.datasetId, ownerId: args.userId, status: { not: "deleting" } },
    data: { name: args.name },
  });
  const row = await findOwnedDataset(db, args);
  if (count === 0) throw new DatasetError("WRONG_STATE", "This dataset is being deleted.");
  return toDatasetSummary(row);
}
