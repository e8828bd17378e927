// The notebook's kernel for file work (upload, download, list): the user's live kernel once it has
// started (optionally starting it first), and its provider's file capability or a clear refusal.
import "server-only";
import type { Db } from "@/server/db";
import { KernelError } from "@/server/errors";
import { findOwnedNotebook } from "@/server/notebooks/find-owned-notebook";
import { liveKernels } from "./live-kernels";
import { ensureKernel, kernelChoice } from "./start-kernel";
import type { KernelProvider } from "./types";

export type StartedKernelRef = { provider: KernelProvider; remoteId: string };

export async function startedKernel(db: Db, args: { userId: string; notebookId: string; start: "if-needed" | "never" }): Promise<StartedKernelRef> {
  const notebook = await findOwnedNotebook(db, args);
  let kernel = liveKernels.get(notebook.id);
  if (kernel && kernel.ownerId !== args.userId) kernel = undefined;
  if (!kernel && args.start === "if-needed") kernel = await ensureKernel(db, { userId: args.userId, notebookId: notebook.id, ...kernelChoice(notebook) });
  if (!kernel || kernel.stopping) throw new KernelError("NOT_FOUND", "No kernel is running for this notebook: run a cell to start one.");
  const remoteId = await kernel.ready;
  return { provider: kernel.provider, remoteId };
}

/** The capability, or a refusal naming what the kernel cannot do. */
export function fileCapability<K extends "uploadFile" | "downloadFile" | "listFiles">(kernel: StartedKernelRef, capability: K): NonNullable<KernelProvider[K]> {
  const method = kernel.provider[capability];
  if (!method) throw new KernelError("UNAVAILABLE", "This kernel does not offer files in its working directory.");
  return method.bind(kernel.provider) as NonNullable<KernelProvider[K]>;
}
