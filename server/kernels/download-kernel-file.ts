// Reads a file from the notebook kernel's working directory for the user to download.
import "server-only";
import type { Db } from "@/server/db";
import { fileCapability, startedKernel } from "./started-kernel";
import { safeRelativePath } from "./upload-kernel-file";

const TIMEOUT_MS = 120_000;

export async function downloadKernelFile(db: Db, args: { userId: string; notebookId: string; path: string }): Promise<Uint8Array> {
  const path = safeRelativePath(args.path);
  const kernel = await startedKernel(db, { ...args, start: "never" });
  return fileCapability(kernel, "downloadFile")(kernel.remoteId, path, { signal: AbortSignal.timeout(TIMEOUT_MS) });
}
