// Runs one queued execution on its kernel: every event the kernel yields is stored, in order,
// then the execution's final status; each status change is one atomic statement with the rows it
// concerns (Execution, KernelSession), which keeps the per-run database round trips few.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { KernelError } from "@/server/errors";
import type { ExecutionStatus } from "@/server/contracts/outputs";
import type { LiveKernel, QueuedExecution } from "@/server/kernels/live-kernels";
import { bus } from "./bus";
import { ExecutionEventWriter } from "./event-writer";

export const KERNEL_DIED = "The kernel died.";

export type ExecutionOutcome = { status: ExecutionStatus; reason?: string };

const STORAGE_LOST_REASON = "The database could not be reached for over a minute while this cell ran, so it was interrupted; output from then on was not kept.";

export function writerFor(db: Db, execution: { executionId: string; cellId: string | null; notebookId: string }, onGiveUp?: () => void) {
  return new ExecutionEventWriter(db, {
    ...execution, limitBytes: env.MAX_OUTPUT_BYTES, onGiveUp, onStored: (notebookId, events) => bus.publish(notebookId, events),
  });
}

export async function runExecution(db: Db, kernel: LiveKernel, remoteId: string, queued: QueuedExecution): Promise<ExecutionOutcome> {
  const { executionId, cellId, source } = queued;
  // Storage gone too long: stop the cell rather than let it produce into a void.
  const writer = writerFor(db, { executionId, cellId, notebookId: kernel.notebookId }, () => {
    kernel.interruptRequested = true;
    void kernel.provider.interrupt(remoteId).catch(() => {});
  });
  const startedAt = new Date();
  const executionCount = ++kernel.executionCount;
  // Not awaited: the kernel starts at once; the writer keeps the order, and the push follows the commit.
  void writer.appendStatus({ type: "status", status: "running", executionCount, at: startedAt.toISOString() }, [
    Prisma.sql`UPDATE "Execution" SET "status" = 'running', "startedAt" = ${startedAt}, "executionCount" = ${executionCount} WHERE "id" = ${executionId}`,
    Prisma.sql`UPDATE "KernelSession" SET "status" = 'busy', "executionCount" = ${executionCount}, "lastActivityAt" = ${startedAt} WHERE "id" = ${kernel.sessionId}`,
  ]);

  if (kernel.startNotice) {
    await writer.append({ type: "notice", text: kernel.startNotice });
    kernel.startNotice = undefined;
  }
  kernel.activeWriter = { executionId, append: (event) => writer.append(event), flush: () => writer.flush() };
  const consumed = await consume(kernel, remoteId, source, writer).finally(() => (kernel.activeWriter = undefined));
  // Normally the last output and the final status go in one commit; while storage is failing, wait
  // to learn whether output was given up (the status then says so).
  if (writer.failing) await writer.flush();
  const outcome: ExecutionOutcome = writer.droppedOutput && consumed.status !== "lost" ? { status: "interrupted", reason: STORAGE_LOST_REASON } : consumed;
  const finishedAt = new Date();
  const updates = [
    Prisma.sql`UPDATE "Execution" SET "status" = ${outcome.status}, "finishedAt" = ${finishedAt},
      "outputBytes" = ${writer.outputBytes}, "truncated" = ${writer.wasTruncated} WHERE "id" = ${executionId}`,
  ];
  // The session's end commits with the cell's, so no reader sees a lost cell on a live kernel.
  updates.push(outcome.status === "lost"
    ? Prisma.sql`UPDATE "KernelSession" SET "status" = 'dead', "endedAt" = ${finishedAt}, "endReason" = ${KERNEL_DIED} WHERE "id" = ${kernel.sessionId} AND "endedAt" IS NULL`
    : Prisma.sql`UPDATE "KernelSession" SET "status" = 'idle', "lastActivityAt" = ${finishedAt} WHERE "id" = ${kernel.sessionId} AND "endedAt" IS NULL`);
  await writer.appendStatus(
    { type: "status", status: outcome.status, executionCount, at: finishedAt.toISOString(), reason: outcome.reason },
    updates,
  );
  return outcome;
}

async function consume(kernel: LiveKernel, remoteId: string, code: string, writer: ExecutionEventWriter): Promise<ExecutionOutcome> {
  kernel.interruptRequested = false;
  let sawError = false;
  try {
    for await (const event of kernel.provider.execute(remoteId, { code })) {
      if (event.type === "error") sawError = true;
      void writer.append(event); // ordered by the writer; awaited by the flush after the loop
    }
  } catch (e) {
    if (kernel.stopping) return { status: "interrupted", reason: kernel.stopNotice ?? "The kernel was shut down." };
    if (kernel.interruptRequested) return { status: "interrupted", reason: "Interrupted: the kernel was restarted." };
    const died = e instanceof KernelError && (e.code === "DEAD" || e.code === "NOT_FOUND");
    const reason = died
      ? `The kernel died while running this cell: ${withoutFinalStop(e.message)}. The output above was kept; restart the kernel to go on.`
      : `The kernel failed: ${e instanceof Error ? e.message : String(e)}`;
    // A provider that explained the death in an error event of its own (e.g. Backend.AI's
    // "terminated by the cluster (OOM)") is not repeated.
    if (!(died && sawError)) await writer.append({ type: "error", ename: "KernelDied", evalue: reason, traceback: [] });
    return { status: "lost", reason };
  }
  if (kernel.interruptRequested) return { status: "interrupted", reason: "Interrupted." };
  return { status: sawError ? "error" : "ok" };
}

function withoutFinalStop(message: string): string {
  return message.trim().replace(/[.]+$/, "");
}
