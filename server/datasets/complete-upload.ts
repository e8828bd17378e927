// Ends an upload once the browser has committed its block list: the server checks what Blob storage
// really holds (committed blocks, sizes, length, MD5) before the dataset becomes ready. A file that
// does not match is removed with its row, so a failed upload leaves nothing behind.
import "server-only";
import type { Dataset } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { DatasetError } from "@/server/errors";
import { blobStore, STORAGE_TIMEOUT_MS, type BlobStore } from "@/server/storage/blob-store";
import { removeBlob } from "@/server/storage/remove-blob";
import { isBlobNotFound, storageFailure } from "@/server/storage/storage-failure";
import { blockListMismatch } from "./block-plan";
import { findOwnedDataset, toDatasetSummary, type DatasetSummary } from "./dataset-row";

const BASE64_MD5 = /^[A-Za-z0-9+/]{22}==$/;

export async function completeUpload(db: Db, args: { userId: string; datasetId: string; md5?: string }): Promise<DatasetSummary> {
  if (args.md5 !== undefined && !BASE64_MD5.test(args.md5)) {
    throw new DatasetError("INVALID", "The checksum must be the base64 MD5 of the file (24 characters).");
  }
  const row = await findOwnedDataset(db, { userId: args.userId, datasetId: args.datasetId });
  if (row.status === "ready") return toDatasetSummary(row); // a retried call after a lost answer
  if (row.status !== "uploading") throw new DatasetError("WRONG_STATE", "This dataset is being deleted.");
  const store = await blobStore();
  const mismatch = await verifyBlob(store, row, args.md5).catch((e: unknown) => {
    throw storageFailure("check the uploaded file", e);
  });
  if (mismatch) {
    await discardUpload(db, store, row);
    throw new DatasetError("VERIFICATION_FAILED", `The upload of "${row.name}" could not be verified: ${mismatch}. It was removed; upload the file again.`);
  }
  const blob = store.container.getBlockBlobClient(row.blobName);
  const md5 = args.md5 ? Buffer.from(args.md5, "base64") : undefined;
  await blob.setHTTPHeaders({ blobContentType: row.contentType, blobContentMD5: md5 }, { abortSignal: AbortSignal.timeout(STORAGE_TIMEOUT_MS) })
    .catch((e: unknown) => {
      throw storageFailure("record the file's type and checksum", e);
    });
  const { count } = await db.dataset.updateMany({
    where: { id: row.id, ownerId: args.userId, status: "uploading" },
    data: { status: "ready", uploadedAt: new Date(), md5: args.md5 ?? null },
  });
  if (count === 0) throw new DatasetError("NOT_FOUND", "Dataset not found.");
  return toDatasetSummary(await findOwnedDataset(db, { userId: args.userId, datasetId: row.id }));
}

/** Null when storage holds exactly the declared file; else what differs, as a phrase. */
async function verifyBlob(store: BlobStore, row: Dataset, md5: string | undefined): Promise<string | null> {
  const blob = store.container.getBlockBlobClient(row.blobName);
  const signal = () => AbortSignal.timeout(STORAGE_TIMEOUT_MS);
  const committed = await blob.getBlockList("committed", { abortSignal: signal() }).then(
    (list) => list.committedBlocks ?? [],
    (e: unknown) => (isBlobNotFound(e) ? null : Promise.reject(e)),
  );
  if (!committed || committed.length === 0) return "no block list was committed";
  const declared = Number(row.size);
  const blocks = blockListMismatch(committed, { size: declared, blockSize: row.blockSize });
  if (blocks) return blocks;
  const properties = await blob.getProperties({ abortSignal: signal() });
  if (properties.contentLength !== declared) return `the stored file has ${properties.contentLength} bytes instead of ${declared}`;
  // The browser may also have declared the MD5 when committing (x-ms-blob-content-md5): both must agree.
  const stored = properties.contentMD5 ? Buffer.from(properties.contentMD5).toString("base64") : undefined;
  if (md5 && stored && stored !== md5) return "the file's MD5 checksum differs from the one stored with it";
  return null;
}

async function discardUpload(db: Db, store: BlobStore, row: Dataset): Promise<void> {
  await removeBlob(store.container, row.blobName).catch((e: unknown) => {
    throw storageFailure("remove the unverifiable upload", e);
  });
  await db.dataset.deleteMany({ where: { id: row.id, ownerId: row.ownerId } });
}
