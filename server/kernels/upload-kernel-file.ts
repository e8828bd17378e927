// Puts a file the user chose into their notebook kernel's working directory (starting the kernel
// if none runs), under a safe relative name, so code can read it as e.g. read.csv("data.csv").
import "server-only";
import type { Db } from "@/server/db";
import { KernelError } from "@/server/errors";
import { fileCapability, startedKernel } from "./started-kernel";

const TIMEOUT_MS = 120_000;

export async function uploadKernelFile(db: Db, args: { userId: string; notebookId: string; path: string; data: Uint8Array }): Promise<{ path: string; size: number }> {
  const path = safeRelativePath(args.path);
  const kernel = await startedKernel(db, { ...args, start: "if-needed" });
  await fileCapability(kernel, "uploadFile")(kernel.remoteId, { path, data: args.data, signal: AbortSignal.timeout(TIMEOUT_MS) });
  return { path, size: args.data.byteLength };
}

/** "data/in.csv" as given; refuses absolute paths, "..", empty segments and control characters. */
export function safeRelativePath(path: string): string {
  const parts = path.replace(/\\/g, "/").split("/");
  const bad = parts.some((p) => p === "" || p === "." || p === ".." || /[\x00-\x1f]/.test(p));
  if (bad || path.length > 1024) throw new KernelError("INVALID", `"${path}" is not a file name inside the working directory; use a relative name such as data/input.csv.`);
  return parts.join("/");
}
