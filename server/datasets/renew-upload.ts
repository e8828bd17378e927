// A fresh upload SAS for a long upload whose URL is about to expire (or was refused with a 403).
import "server-only";
import type { Db } from "@/server/db";
import { blobStore } from "@/server/storage/blob-store";
import { findOwnedDataset } from "./dataset-row";
import { uploadGrant, type UploadGrant } from "./upload-grant";

export async function renewUpload(db: Db, args: { userId: string; datasetId: string }): Promise<UploadGrant> {
  const row = await findOwnedDataset(db, { ...args, status: "uploading" });
  return uploadGrant(await blobStore(), row);
}
