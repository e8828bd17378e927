// Stops a notebook's kernel: aborts its queue, stops the running cell, ends the session.
import "server-only";
import type { Db } from "@/server/db";
import { abortQueued } from "@/server/executions/drain-queue";
import { liveKernels } from "./live-kernels";

export async function shutdownKernel(db: Db, args: { userId: string; notebookId: string; reason: string }): Promise<void> {
  const kernel = liveKernels.get(args.notebookId);
  if (kernel && kernel.ownerId === args.userId) {
    liveKernels.delete(args.notebookId);
    kernel.stopping = true;
    await abortQueued(db, kernel, "Not run: the kernel was shut down.");
    const remoteId = await kernel.ready.catch(() => null);
    if (remoteId) await kernel.provider.shutdown(remoteId).catch(() => {});
  }
  await db.kernelSession.updateMany({
    where: { notebookId: args.notebookId, ownerId: args.userId, endedAt: null },
    data: { status: "dead", endedAt: new Date(), endReason: args.reason },
  });
}
