// Restarts a notebook's kernel with a clean workspace; the execution count starts again at 1.
import "server-only";
import type { Db } from "@/server/db";
import { abortQueued } from "@/server/executions/drain-queue";
import { liveKernels } from "./live-kernels";
import { ensureKernel, type EnsureKernelArgs } from "./start-kernel";
import { shutdownKernel } from "./shutdown-kernel";

export async function restartKernel(db: Db, args: EnsureKernelArgs): Promise<void> {
  const kernel = liveKernels.get(args.notebookId);
  const remoteId = kernel ? await kernel.ready.catch(() => null) : null;
  if (!kernel || kernel.ownerId !== args.userId || !remoteId) {
    // Nothing alive here to restart in place: end what is recorded and start afresh.
    await shutdownKernel(db, { ...args, reason: "Restarted." });
    await ensureKernel(db, args);
    return;
  }
  await abortQueued(db, kernel, "Not run: the kernel was restarted.");
  kernel.interruptRequested = true;
  await db.kernelSession.update({ where: { id: kernel.sessionId }, data: { status: "starting" } });
  await kernel.provider.restart(remoteId);
  kernel.executionCount = 0;
  await db.kernelSession.update({
    where: { id: kernel.sessionId },
    data: { status: "idle", executionCount: 0, lastActivityAt: new Date() },
  });
}
