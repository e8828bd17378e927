// A short-lived read-only link to a ready dataset's file; the browser downloads it from Blob storage
// directly, saved under the dataset's display name.
import "server-only";
import type { Db } from "@/server/db";
import { blobStore } from "@/server/storage/blob-store";
import { findOwnedDataset } from "./dataset-row";
import { assertStoredAsVerified } from "./stored-file";

export const DOWNLOAD_SAS_TTL_MS = 5 * 60_000;

export async function createDownloadUrl(db: Db, args: { userId: string; datasetId: string }): Promise<{ url: string; expiresAt: Date }> {
  const row = await findOwnedDataset(db, { ...args, status: "ready" });
  const store = await blobStore();
  await assertStoredAsVerified(store, row);
  const expiresAt = new Date(Date.now() + DOWNLOAD_SAS_TTL_MS);
  return { url: store.sasUrl(row.blobName, { permissions: "r", ttlMs: DOWNLOAD_SAS_TTL_MS, downloadAs: row.name }), expiresAt };
}
