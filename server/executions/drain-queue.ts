// Runs a kernel's queued executions one at a time, in order; a failure aborts what is still queued
// (as Jupyter does), and a dead kernel ends its session.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { liveKernels, type LiveKernel } from "@/server/kernels/live-kernels";
import { KERNEL_DIED, runExecution, writerFor } from "./run-execution";

export function scheduleDrain(db: Db, kernel: LiveKernel): void {
  if (kernel.draining) return;
  kernel.draining = true;
  void drain(db, kernel)
    .catch((e) => console.error("[kernelbook] execution queue failed", e))
    .finally(() => {
      kernel.draining = false;
      if (kernel.queue.length && liveKernels.get(kernel.notebookId) === kernel) scheduleDrain(db, kernel);
    });
}

async function drain(db: Db, kernel: LiveKernel): Promise<void> {
  let remoteId: string;
  try {
    remoteId = await kernel.ready;
  } catch (e) {
    await abortQueued(db, kernel, `The kernel could not start: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  while (kernel.queue.length > 0) {
    const next = kernel.queue.shift()!;
    kernel.running = next.executionId;
    const outcome = await runExecution(db, kernel, remoteId, next).finally(() => (kernel.running = null));
    if (outcome.status === "lost") {
      await endDeadSession(db, kernel);
      await abortQueued(db, kernel, "The kernel died before this cell ran.");
      return;
    }
    if (outcome.status !== "ok") await abortQueued(db, kernel, "Not run: a cell before it failed or was interrupted.");
  }
}

/** Marks every still-queued execution of the kernel as aborted, with the reason shown in its cell. */
export async function abortQueued(db: Db, kernel: LiveKernel, reason: string): Promise<void> {
  const aborted = kernel.queue.splice(0);
  const at = new Date();
  for (const { executionId, cellId } of aborted) {
    // The row's status commits with its status event: whoever sees one finds the other (and the reason).
    const writer = writerFor(db, { executionId, cellId, notebookId: kernel.notebookId });
    await writer.appendStatus({ type: "status", status: "aborted", at: at.toISOString(), reason }, [
      Prisma.sql`UPDATE "Execution" SET "status" = 'aborted', "finishedAt" = ${at} WHERE "id" = ${executionId}`,
    ]);
    await writer.flush();
  }
}

async function endDeadSession(db: Db, kernel: LiveKernel): Promise<void> {
  if (liveKernels.get(kernel.notebookId) === kernel) liveKernels.delete(kernel.notebookId);
  // A remote server may have restarted the process by itself; don't leave it running unowned.
  if (kernel.remoteId) await kernel.provider.shutdown(kernel.remoteId).catch(() => {});
  await db.kernelSession.update({
    where: { id: kernel.sessionId },
    data: { status: "dead", endedAt: new Date(), endReason: KERNEL_DIED },
  });
}
