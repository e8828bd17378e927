// Where an upload's bytes land before they are verified: a container of its own per upload, the only
// place the upload's write SAS reaches. Completion copies the verified blob to the dataset's final
// name (no SAS with write access is ever issued for it) and deletes the container, which ends every
// grant issued for the upload: a SAS cannot create a container, so a leftover URL answers 404.
import "server-only";
import type { BlockBlobClient, ContainerClient } from "@azure/storage-blob";
import type { Dataset } from "@/generated/prisma/client";
import { STORAGE_TIMEOUT_MS, type BlobStore } from "@/server/storage/blob-store";

/** Time allowed for the server-side copy of a verified upload to its final name. */
const COPY_TIMEOUT_MS = 10 * 60_000;
/** Polling interval of a copy the service runs in the background (large blobs on Azure). */
const COPY_POLL_MS = 500;

type UploadRow = Pick<Dataset, "id" | "blobName">;

/** `upload-<dataset id>`: unique per upload, a valid container name (lowercase cuid). */
export function stagingContainerName(datasetId: string): string {
  const name = `upload-${datasetId}`;
  if (!/^[a-z0-9-]{3,63}$/.test(name)) throw new Error(`Dataset id "${datasetId}" cannot name a staging container`);
  return name;
}

export function stagingContainer(store: BlobStore, row: UploadRow): ContainerClient {
  return store.containerNamed(stagingContainerName(row.id));
}

/** The staged blob keeps the dataset's blob name, inside the upload's own container. */
export function stagingBlob(store: BlobStore, row: UploadRow): BlockBlobClient {
  return stagingContainer(store, row).getBlockBlobClient(row.blobName);
}

/** Creates the staging container of an upload that begins (or resumes). */
export async function openStaging(store: BlobStore, row: UploadRow): Promise<void> {
  await stagingContainer(store, row).createIfNotExists({ abortSignal: AbortSignal.timeout(STORAGE_TIMEOUT_MS) });
}

export async function hasStaging(store: BlobStore, row: UploadRow): Promise<boolean> {
  return stagingContainer(store, row).exists({ abortSignal: AbortSignal.timeout(STORAGE_TIMEOUT_MS) });
}

/**
 * Server-side copy of the staged blob to the dataset's final name; `etag` is the staged version that
 * was verified, so a blob swapped in after the check is not copied (the copy fails instead).
 */
export async function promoteStaging(store: BlobStore, row: UploadRow, options: { etag: string }): Promise<void> {
  const signal = AbortSignal.timeout(COPY_TIMEOUT_MS);
  const final = store.container.getBlockBlobClient(row.blobName);
  const poller = await final.beginCopyFromURL(stagingBlob(store, row).url, {
    abortSignal: signal, sourceConditions: { ifMatch: options.etag }, intervalInMs: COPY_POLL_MS,
  });
  const copied = await poller.pollUntilDone();
  if (copied.copyStatus !== "success") throw new Error(`The copy of the verified upload ended as "${copied.copyStatus}"`);
}

/** Deletes the upload's staging container with all it holds (staged blocks too); gone already is fine. */
export async function dropStaging(store: BlobStore, row: UploadRow): Promise<void> {
  await stagingContainer(store, row).deleteIfExists({ abortSignal: AbortSignal.timeout(STORAGE_TIMEOUT_MS) });
}
