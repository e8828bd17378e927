// Ends an upload once the browser has committed its block list: the server checks what the staging
// container really holds (committed blocks, sizes, length, MD5), copies that version to the dataset's
// final blob name, checks the copy's length again and deletes the staging container, which ends the
// upload's write SAS (upload-staging.ts). Only then is the dataset ready. A file that does not match
// is removed with its row, so a failed upload leaves nothing behind.
import "server-only";
import type { BlockBlobClient } from "@azure/storage-blob";
import type { Dataset } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { DatasetError } from "@/server/errors";
import { blobStore, STORAGE_TIMEOUT_MS, type BlobStore } from "@/server/storage/blob-store";
import { removeBlob } from "@/server/storage/remove-blob";
import { isBlobNotFound, storageFailure } from "@/server/storage/storage-failure";
import { blockListMismatch } from "./block-plan";
import { findOwnedDataset, toDatasetSummary, type DatasetSummary } from "./dataset-row";
import { dropStaging, hasStaging, promoteStaging, stagingBlob } from "./upload-staging";

const BASE64_MD5 = /^[A-Za-z0-9+/]{22}==$/;

type Outcome = { mismatch: string } | { etag: string };

export async function completeUpload(db: Db, args: { userId: string; datasetId: string; md5?: string }): Promise<DatasetSummary> {
  if (args.md5 !== undefined && !BASE64_MD5.test(args.md5)) {
    throw new DatasetError("INVALID", "The checksum must be the base64 MD5 of the file (24 characters).");
  }
  const row = await findOwnedDataset(db, { userId: args.userId, datasetId: args.datasetId });
  if (row.status === "ready") return toDatasetSummary(row); // a retried call after a lost answer
  if (row.status !== "uploading") throw new DatasetError("WRONG_STATE", "This dataset is being deleted.");
  const store = await blobStore();
  const mismatch = await settleBlob(store, row, args.md5).catch((e: unknown) => {
    throw storageFailure("check the uploaded file", e);
  });
  if (mismatch) {
    await discardUpload(db, store, row);
    throw new DatasetError("VERIFICATION_FAILED", `The upload of "${row.name}" could not be verified: ${mismatch}. It was removed; upload the file again.`);
  }
  const final = store.container.getBlockBlobClient(row.blobName);
  const md5 = args.md5 ? Buffer.from(args.md5, "base64") : undefined;
  await final.setHTTPHeaders({ blobContentType: row.contentType, blobContentMD5: md5 }, { abortSignal: AbortSignal.timeout(STORAGE_TIMEOUT_MS) })
    .catch((e: unknown) => {
      throw storageFailure("record the file's type and checksum", e);
    });
  await dropStaging(store, row).catch((e: unknown) => {
    throw storageFailure("close the upload", e);
  });
  const { count } = await db.dataset.updateMany({
    where: { id: row.id, ownerId: args.userId, status: "uploading" },
    data: { status: "ready", uploadedAt: new Date(), md5: args.md5 ?? null },
  });
  if (count === 0) throw new DatasetError("NOT_FOUND", "Dataset not found.");
  return toDatasetSummary(await findOwnedDataset(db, { userId: args.userId, datasetId: row.id }));
}

/**
 * Verifies the staged blob, copies that exact version to the final name and checks the copy; null when
 * the final blob is exactly the declared file, else what differs, as a phrase. A completion retried
 * after its staging container was already dropped only re-checks the final blob.
 */
async function settleBlob(store: BlobStore, row: Dataset, md5: string | undefined): Promise<string | null> {
  if (await hasStaging(store, row)) {
    const staged = await verifyStaged(stagingBlob(store, row), row, md5);
    if ("mismatch" in staged) return staged.mismatch;
    await promoteStaging(store, row, { etag: staged.etag });
  }
  const final = await propertiesOf(store.container.getBlockBlobClient(row.blobName));
  if (!final) return "no block list was committed";
  return lengthAndChecksumMismatch(final, row, md5);
}

async function verifyStaged(blob: BlockBlobClient, row: Dataset, md5: string | undefined): Promise<Outcome> {
  const committed = await blob.getBlockList("committed", { abortSignal: AbortSignal.timeout(STORAGE_TIMEOUT_MS) }).then(
    (list) => list.committedBlocks ?? [],
    (e: unknown) => (isBlobNotFound(e) ? null : Promise.reject(e)),
  );
  if (!committed || committed.length === 0) return { mismatch: "no block list was committed" };
  const blocks = blockListMismatch(committed, { size: Number(row.size), blockSize: row.blockSize });
  if (blocks) return { mismatch: blocks };
  const properties = await propertiesOf(blob);
  if (!properties?.etag) return { mismatch: "no block list was committed" };
  const differs = lengthAndChecksumMismatch(properties, row, md5);
  return differs ? { mismatch: differs } : { etag: properties.etag };
}

type Properties = { contentLength?: number; contentMD5?: Uint8Array; etag?: string };

async function propertiesOf(blob: BlockBlobClient): Promise<Properties | null> {
  return blob.getProperties({ abortSignal: AbortSignal.timeout(STORAGE_TIMEOUT_MS) })
    .catch((e: unknown) => (isBlobNotFound(e) ? null : Promise.reject(e)));
}

function lengthAndChecksumMismatch(properties: Properties, row: Dataset, md5: string | undefined): string | null {
  const declared = Number(row.size);
  if (properties.contentLength !== declared) return `the stored file has ${properties.contentLength} bytes instead of ${declared}`;
  // The browser may also have declared the MD5 when committing (x-ms-blob-content-md5): both must agree.
  const stored = properties.contentMD5 ? Buffer.from(properties.contentMD5).toString("base64") : undefined;
  if (md5 && stored && stored !== md5) return "the file's MD5 checksum differs from the one stored with it";
  return null;
}

async function discardUpload(db: Db, store: BlobStore, row: Dataset): Promise<void> {
  await Promise.all([removeBlob(store.container, row.blobName), dropStaging(store, row)]).catch((e: unknown) => {
    throw storageFailure("remove the unverifiable upload", e);
  });
  await db.dataset.deleteMany({ where: { id: row.id, ownerId: row.ownerId } });
}
