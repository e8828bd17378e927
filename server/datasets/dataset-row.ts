// The one way to load a user's dataset (scoped by owner: another user's id is "not found") and the
// summary the procedures return (no blob names, no URLs).
import "server-only";
import type { Dataset } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { DatasetError } from "@/server/errors";

export type DatasetStatus = "uploading" | "ready" | "deleting";

export type DatasetSummary = {
  id: string;
  name: string;
  size: number;
  contentType: string;
  status: DatasetStatus;
  createdAt: Date;
  uploadedAt: Date | null;
};

export function datasetStatus(value: string): DatasetStatus {
  if (value === "uploading" || value === "ready" || value === "deleting") return value;
  throw new Error(`Unknown dataset status "${value}"`);
}

export function toDatasetSummary(row: Dataset): DatasetSummary {
  return {
    id: row.id, name: row.name, size: Number(row.size), contentType: row.contentType,
    status: datasetStatus(row.status), createdAt: row.createdAt, uploadedAt: row.uploadedAt,
  };
}

/** Where the bytes live: generated here, never from the user's file name. */
export function blobNameFor(ownerId: string, datasetId: string): string {
  return `users/${ownerId}/${datasetId}`;
}

/** The caller's dataset, which must be in `status` when given (else WRONG_STATE with a sentence). */
export async function findOwnedDataset(db: Db, args: { userId: string; datasetId: string; status?: DatasetStatus }): Promise<Dataset> {
  const row = await db.dataset.findFirst({ where: { id: args.datasetId, ownerId: args.userId } });
  if (!row) throw new DatasetError("NOT_FOUND", "Dataset not found.");
  if (args.status && row.status !== args.status) throw new DatasetError("WRONG_STATE", wrongStateMessage(datasetStatus(row.status), args.status));
  return row;
}

function wrongStateMessage(actual: DatasetStatus, wanted: DatasetStatus): string {
  switch (actual) {
    case "uploading":
      return "This dataset is still uploading: finish or cancel the upload first.";
    case "deleting":
      return "This dataset is being deleted.";
    case "ready":
      return wanted === "uploading" ? "This dataset is already uploaded." : "This dataset is not available.";
    default: {
      const never: never = actual;
      return never;
    }
  }
}
