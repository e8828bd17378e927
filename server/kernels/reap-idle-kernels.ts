// Shuts down kernels of this process that stayed idle longer than KERNEL_IDLE_TIMEOUT_MINUTES.
import "server-only";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { liveKernels } from "./live-kernels";
import { shutdownKernel } from "./shutdown-kernel";

export async function reapIdleKernels(db: Db, now = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - env.KERNEL_IDLE_TIMEOUT_MINUTES * 60_000);
  const reaped: string[] = [];
  for (const kernel of [...liveKernels.values()]) {
    if (kernel.running || kernel.queue.length) continue;
    const session = await db.kernelSession.findUnique({ where: { id: kernel.sessionId }, select: { lastActivityAt: true, status: true } });
    if (!session || session.status === "starting" || session.lastActivityAt > cutoff) continue;
    const minutes = env.KERNEL_IDLE_TIMEOUT_MINUTES;
    await shutdownKernel(db, { userId: kernel.ownerId, notebookId: kernel.notebookId, reason: `Shut down after ${minutes} idle minutes.` });
    reaped.push(kernel.notebookId);
  }
  return reaped;
}
