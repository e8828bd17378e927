// Lists a directory of the notebook kernel's working directory ("." for itself) for the files pane.
import "server-only";
import type { Db } from "@/server/db";
import type { KernelFile } from "./types";
import { fileCapability, startedKernel } from "./started-kernel";
import { safeRelativePath } from "./upload-kernel-file";

const TIMEOUT_MS = 15_000;

export async function listKernelFiles(db: Db, args: { userId: string; notebookId: string; path: string }): Promise<KernelFile[]> {
  const path = args.path === "." || args.path === "" ? "." : safeRelativePath(args.path);
  const kernel = await startedKernel(db, { ...args, start: "never" });
  const files = await fileCapability(kernel, "listFiles")(kernel.remoteId, path, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  return files.toSorted((a, b) => Number(b.isDirectory) - Number(a.isDirectory) || a.name.localeCompare(b.name));
}
