// The write-only SAS an upload runs on: create/write of its one blob in the upload's staging
// container (upload-staging.ts), for half an hour (the browser asks for a fresh one with renewUpload
// when a long upload outlives it). Completion deletes that container, which ends the grant.
import "server-only";
import type { Dataset } from "@/generated/prisma/client";
import type { BlobStore } from "@/server/storage/blob-store";
import { stagingContainerName } from "./upload-staging";

export const UPLOAD_SAS_TTL_MS = 30 * 60_000;

export type UploadGrant = { uploadUrl: string; expiresAt: Date };

export function uploadGrant(store: BlobStore, row: Pick<Dataset, "id" | "blobName">): UploadGrant {
  const expiresAt = new Date(Date.now() + UPLOAD_SAS_TTL_MS);
  const uploadUrl = store.sasUrl(row.blobName, { permissions: "cw", ttlMs: UPLOAD_SAS_TTL_MS, container: stagingContainerName(row.id) });
  return { uploadUrl, expiresAt };
}
