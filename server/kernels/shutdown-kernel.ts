// Stops a notebook's kernel: aborts its queue, stops the running cell, ends the session.
import "server-only";
import type { Db } from "@/server/db";
import { abortQueued } from "@/server/executions/drain-queue";
import { liveKernels } from "./live-kernels";
import type { KernelEndCause } from "./types";

export type ShutdownKernelArgs = {
  userId: string;
  notebookId: string;
  /** Why the session ended (KernelSession.endReason). */
  reason: string;
  /** The cause, when the page words it itself (an idle shutdown). */
  cause?: KernelEndCause;
  /** What the running and queued cells say, when it is more than "the kernel was shut down". */
  notice?: string;
};

export async function shutdownKernel(db: Db, args: ShutdownKernelArgs): Promise<void> {
  const kernel = liveKernels.get(args.notebookId);
  if (kernel && kernel.ownerId === args.userId) {
    liveKernels.delete(args.notebookId);
    kernel.stopping = true;
    kernel.stopNotice = args.notice;
    await abortQueued(db, kernel, args.notice ? `Not run: ${args.notice}` : "Not run: the kernel was shut down.");
    const remoteId = await kernel.ready.catch(() => null);
    if (remoteId) await kernel.provider.shutdown(remoteId).catch(() => {});
  }
  await db.kernelSession.updateMany({
    where: { notebookId: args.notebookId, ownerId: args.userId, endedAt: null },
    data: { status: "dead", endedAt: new Date(), endReason: args.reason, endCause: args.cause ?? null },
  });
}
