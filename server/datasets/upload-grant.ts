// The write-only SAS an upload runs on: create/write of its one blob, for half an hour (the browser
// asks for a fresh one with renewUpload when a long upload outlives it).
import "server-only";
import type { BlobStore } from "@/server/storage/blob-store";

export const UPLOAD_SAS_TTL_MS = 30 * 60_000;

export type UploadGrant = { uploadUrl: string; expiresAt: Date };

export function uploadGrant(store: BlobStore, blobName: string): UploadGrant {
  const expiresAt = new Date(Date.now() + UPLOAD_SAS_TTL_MS);
  return { uploadUrl: store.sasUrl(blobName, { permissions: "cw", ttlMs: UPLOAD_SAS_TTL_MS }), expiresAt };
}
