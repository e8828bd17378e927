// Before a dataset's bytes are handed out (download link, attach), the blob in storage is checked to
// still hold the verified length: the row's size is what the quota counts and what readers expect.
// No SAS can write the final blob (upload-staging.ts); this guards against anything else that could.
import "server-only";
import type { Dataset } from "@/generated/prisma/client";
import { DatasetError } from "@/server/errors";
import { STORAGE_TIMEOUT_MS, type BlobStore } from "@/server/storage/blob-store";
import { isBlobNotFound, storageFailure } from "@/server/storage/storage-failure";

export async function assertStoredAsVerified(store: BlobStore, row: Pick<Dataset, "blobName" | "size" | "name">): Promise<void> {
  const properties = await store.container.getBlockBlobClient(row.blobName)
    .getProperties({ abortSignal: AbortSignal.timeout(STORAGE_TIMEOUT_MS) })
    .catch((e: unknown) => {
      if (isBlobNotFound(e)) throw new DatasetError("NOT_FOUND", "The dataset's file is missing from storage.", { cause: e });
      throw storageFailure("check the dataset's file", e);
    });
  if (properties.contentLength === Number(row.size)) return;
  throw new DatasetError("STORAGE_FAILED", `The file of "${row.name}" in storage no longer matches the one that was uploaded; delete the dataset and upload it again.`, {
    cause: new Error(`stored length ${properties.contentLength}, verified ${row.size}`),
  });
}
