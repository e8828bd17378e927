// Interrupts the running cell of a notebook's kernel and aborts the cells queued after it.
import "server-only";
import type { Db } from "@/server/db";
import { abortQueued } from "@/server/executions/drain-queue";
import { liveKernels } from "./live-kernels";

export async function interruptKernel(db: Db, args: { userId: string; notebookId: string }): Promise<{ interrupted: boolean }> {
  const kernel = liveKernels.get(args.notebookId);
  if (!kernel || kernel.ownerId !== args.userId) return { interrupted: false };
  await abortQueued(db, kernel, "Not run: the kernel was interrupted.");
  if (!kernel.running || !kernel.remoteId) return { interrupted: false };
  kernel.interruptRequested = true;
  await kernel.provider.interrupt(kernel.remoteId);
  return { interrupted: true };
}
