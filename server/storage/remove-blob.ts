// Deletes a dataset's blob for good, including blocks staged but never committed (a Delete Blob alone
// leaves those to the service's garbage collection for up to a week).
import "server-only";
import type { ContainerClient } from "@azure/storage-blob";
import { STORAGE_TIMEOUT_MS } from "./blob-store";
import { isBlobNotFound } from "./storage-failure";

/** A blob that is already gone is fine; any other failure is thrown (the storage error). */
export async function removeBlob(container: ContainerClient, blobName: string): Promise<void> {
  const blob = container.getBlockBlobClient(blobName);
  const hasUncommitted = await blob.getBlockList("uncommitted", { abortSignal: AbortSignal.timeout(STORAGE_TIMEOUT_MS) })
    .then((list) => (list.uncommittedBlocks ?? []).length > 0, (e: unknown) => {
      if (isBlobNotFound(e)) return false;
      throw e;
    });
  // Committing an empty list discards every uncommitted block, leaving an empty blob to delete.
  if (hasUncommitted) await blob.commitBlockList([], { abortSignal: AbortSignal.timeout(STORAGE_TIMEOUT_MS) });
  await blob.deleteIfExists({ deleteSnapshots: "include", abortSignal: AbortSignal.timeout(STORAGE_TIMEOUT_MS) });
}
