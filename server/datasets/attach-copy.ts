// Copies a dataset's blob into a kernel through the app: streamed chunk by chunk (writeFile), or
// uploaded whole (uploadFile), straight into datasets/ or, on a provider whose uploads have no
// folders (ML Server), beside it and then moved there with R while no cell runs.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db";
import { DatasetError, isDomainError, KernelError } from "@/server/errors";
import type { StartedKernelRef } from "@/server/kernels/started-kernel";
import type { BlobStore } from "@/server/storage/blob-store";
import { readWhole, regroup, STREAM_CHUNK_BYTES } from "./attach-blob";
import { moveCode } from "./attach-code";
import { withKernelToItself } from "./attach-exclusive";

export type CopyJob = {
  store: BlobStore;
  blobName: string;
  size: number;
  /** Relative to the kernel's working directory, e.g. "datasets/iris.csv". */
  path: string;
  kernel: StartedKernelRef;
  signal: AbortSignal;
};

export async function streamInto(job: CopyJob): Promise<void> {
  const { kernel, signal } = job;
  const write = kernel.provider.writeFile?.bind(kernel.provider);
  if (!write) throw new KernelError("UNAVAILABLE", "This kernel cannot receive streamed files.");
  const source = await job.store.openRead(job.blobName, { signal });
  try {
    await write(kernel.remoteId, { path: job.path, size: job.size, chunks: regroup(source, STREAM_CHUNK_BYTES), signal });
  } catch (error) {
    throw explained(error, signal);
  } finally {
    close(source);
  }
}

export async function uploadInto(db: Db, job: CopyJob, options: { layout: "folders" | "flat"; userId: string; notebookId: string }): Promise<void> {
  const { kernel, signal } = job;
  const upload = kernel.provider.uploadFile?.bind(kernel.provider);
  if (!upload) throw new KernelError("UNAVAILABLE", "This kernel cannot receive files.");
  const source = await job.store.openRead(job.blobName, { signal });
  const data = await readWhole(source, job.size).catch((error: unknown) => {
    throw explained(error, signal);
  }).finally(() => close(source));
  if (options.layout === "folders") {
    await upload(kernel.remoteId, { path: job.path, data, signal });
    return;
  }
  await withKernelToItself(db, options, async () => {
    const temporary = `kernelbook-attach-${randomBytes(6).toString("hex")}.tmp`;
    await upload(kernel.remoteId, { path: temporary, data, signal });
    await runR(kernel, moveCode(temporary, job.path), signal);
  });
}

/** Runs R of the app's own on the kernel (not a cell: nothing is stored); its error becomes a KernelError. */
async function runR(kernel: StartedKernelRef, code: string, signal: AbortSignal): Promise<void> {
  let failure: string | undefined;
  for await (const event of kernel.provider.execute(kernel.remoteId, { code, signal })) {
    if (event.type === "error") failure ??= event.evalue;
  }
  if (failure !== undefined) {
    throw new KernelError("UNAVAILABLE", `The dataset reached the kernel but could not be put into datasets/: ${failure}`);
  }
}

/**
 * Domain errors (the provider's, storage's) as they are; the deadline as a KernelError TIMEOUT;
 * anything else failed while the blob was being read (a dropped storage connection).
 */
function explained(error: unknown, signal: AbortSignal): unknown {
  if (isDomainError(error)) return error;
  if (signal.aborted) return new KernelError("TIMEOUT", "Copying the dataset into the kernel took too long; it was stopped.", { cause: error });
  return new DatasetError("STORAGE_FAILED", "Reading the dataset from storage failed while it was being copied: try attaching it again.", { cause: error });
}

/** Ends a blob stream the provider did not read to its end (e.g. it refused the file first). */
function close(source: NodeJS.ReadableStream): void {
  const stream = source as NodeJS.ReadableStream & { destroy?: () => void };
  stream.destroy?.();
}
