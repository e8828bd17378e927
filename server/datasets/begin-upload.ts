// Starts (or resumes) a browser → Blob upload: checks the quota, reserves the dataset row, opens its
// staging container and hands out a SAS for its one staged blob plus the blocks an earlier attempt at
// the same file already staged.
import "server-only";
import { randomUUID } from "node:crypto";
import type { BlockBlobClient } from "@azure/storage-blob";
import type { Dataset } from "@/generated/prisma/client";
import { DATASET_BLOCK_SIZE, type BeginUploadInput } from "@/server/contracts/dataset";
import type { Db } from "@/server/db";
import { blobStore, STORAGE_TIMEOUT_MS } from "@/server/storage/blob-store";
import { isBlobNotFound, storageFailure } from "@/server/storage/storage-failure";
import { blockCountOf, stagedIndices } from "./block-plan";
import { normaliseContentType } from "./content-kind";
import { assertQuota } from "./dataset-quota";
import { blobNameFor } from "./dataset-row";
import { uploadGrant, type UploadGrant } from "./upload-grant";
import { openStaging, stagingBlob } from "./upload-staging";

export type BeginUploadResult = UploadGrant & { datasetId: string; blockSize: number; blockCount: number; stagedBlocks: number[] };

/** The browser file's identity: choosing the same file again resumes its unfinished upload. */
export function fileKeyOf(input: Pick<BeginUploadInput, "name" | "size" | "lastModified">): string {
  return `${input.name}\n${input.size}\n${input.lastModified}`;
}

export async function beginUpload(db: Db, args: { userId: string } & BeginUploadInput): Promise<BeginUploadResult> {
  const store = await blobStore();
  const row = await reserveUpload(db, args);
  await openStaging(store, row).catch((e: unknown) => {
    throw storageFailure("prepare the upload", e);
  });
  const layout = { size: Number(row.size), blockSize: row.blockSize };
  const stagedBlocks = stagedIndices(await blocksInStorage(stagingBlob(store, row)), layout);
  return { datasetId: row.id, ...uploadGrant(store, row), blockSize: row.blockSize, blockCount: blockCountOf(layout), stagedBlocks };
}

/** The unfinished upload of this file, or a new row; one user's reservations run one at a time. */
async function reserveUpload(db: Db, args: { userId: string } & BeginUploadInput): Promise<Dataset> {
  const fileKey = fileKeyOf(args);
  return db.$transaction(async (tx) => {
    // Without this lock two uploads begun at once could both fit a quota only one of them fits.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`dataset-quota:${args.userId}`}))`;
    const unfinished = await tx.dataset.findFirst({
      where: { ownerId: args.userId, fileKey, status: "uploading" }, orderBy: { createdAt: "desc" },
    });
    await assertQuota(tx, { userId: args.userId, size: args.size, excludeDatasetId: unfinished?.id });
    if (unfinished) return unfinished;
    const created = await tx.dataset.create({
      data: {
        ownerId: args.userId, name: args.name, blobName: `pending/${randomUUID()}`, size: BigInt(args.size),
        contentType: normaliseContentType(args.name, args.contentType), status: "uploading", blockSize: DATASET_BLOCK_SIZE, fileKey,
      },
    });
    return tx.dataset.update({ where: { id: created.id }, data: { blobName: blobNameFor(args.userId, created.id) } });
  });
}

/** Blocks staged (uncommitted) or already committed under this blob name; none if the blob is unknown. */
async function blocksInStorage(blob: BlockBlobClient) {
  try {
    const list = await blob.getBlockList("all", { abortSignal: AbortSignal.timeout(STORAGE_TIMEOUT_MS) });
    return [...(list.uncommittedBlocks ?? []), ...(list.committedBlocks ?? [])];
  } catch (e) {
    if (isBlobNotFound(e)) return [];
    throw storageFailure("look up the blocks already uploaded", e);
  }
}
