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
    await shutdownKernel(db, {
      userId: kernel.ownerId, notebookId: kernel.notebookId, cause: "idle_timeout",
      reason: `Kernel stopped after ${idleSpan(env.KERNEL_IDLE_TIMEOUT_MINUTES)} idle — variables cleared; the next run starts a new kernel.`,
    });
    reaped.push(kernel.notebookId);
  }
  return reaped;
}

/** "60 min", or seconds for a timeout under a minute (KERNEL_IDLE_TIMEOUT_MINUTES may be fractional). */
function idleSpan(minutes: number): string {
  return minutes >= 1 ? `${Math.round(minutes)} min` : `${Math.max(1, Math.round(minutes * 60))} s`;
}
