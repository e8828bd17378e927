// Runs one queued execution on its kernel: every event the kernel yields is stored, in order,
// then the execution's final status; the kernel session's counters and status follow along.
import "server-only";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { KernelError } from "@/server/errors";
import type { ExecutionStatus } from "@/server/contracts/outputs";
import type { LiveKernel, QueuedExecution } from "@/server/kernels/live-kernels";
import { bus } from "./bus";
import { ExecutionEventWriter } from "./event-writer";

export type ExecutionOutcome = { status: ExecutionStatus; reason?: string };

export function writerFor(db: Db, execution: { executionId: string; notebookId: string }) {
  return new ExecutionEventWriter(db, { ...execution, limitBytes: env.MAX_OUTPUT_BYTES, onStored: (id) => bus.wake(id) });
}

export async function runExecution(db: Db, kernel: LiveKernel, remoteId: string, queued: QueuedExecution): Promise<ExecutionOutcome> {
  const { executionId, source } = queued;
  const writer = writerFor(db, { executionId, notebookId: kernel.notebookId });
  const startedAt = new Date();
  const session = await db.kernelSession.update({
    where: { id: kernel.sessionId },
    data: { executionCount: { increment: 1 }, status: "busy", lastActivityAt: startedAt },
    select: { executionCount: true },
  });
  const executionCount = session.executionCount;
  await db.execution.update({ where: { id: executionId }, data: { status: "running", startedAt, executionCount } });
  await writer.append({ type: "status", status: "running", executionCount, at: startedAt.toISOString() });

  const outcome = await consume(kernel, remoteId, source, writer);
  await writer.flush();
  const finishedAt = new Date();
  await db.execution.update({
    where: { id: executionId },
    data: { status: outcome.status, finishedAt, outputBytes: writer.outputBytes, truncated: writer.wasTruncated },
  });
  await writer.append({ type: "status", status: outcome.status, executionCount, at: finishedAt.toISOString(), reason: outcome.reason });
  await writer.flush();
  if (outcome.status !== "lost") {
    await db.kernelSession.update({ where: { id: kernel.sessionId }, data: { status: "idle", lastActivityAt: finishedAt } });
  }
  return outcome;
}

async function consume(kernel: LiveKernel, remoteId: string, code: string, writer: ExecutionEventWriter): Promise<ExecutionOutcome> {
  kernel.interruptRequested = false;
  let sawError = false;
  try {
    for await (const event of kernel.provider.execute(remoteId, { code })) {
      if (event.type === "error") sawError = true;
      await writer.append(event);
    }
  } catch (e) {
    if (kernel.stopping) return { status: "interrupted", reason: "The kernel was shut down." };
    if (kernel.interruptRequested) return { status: "interrupted", reason: "Interrupted: the kernel was restarted." };
    const reason = e instanceof KernelError && (e.code === "DEAD" || e.code === "NOT_FOUND")
      ? "The kernel died while running this cell. The output above was kept; restart the kernel to go on."
      : `The kernel failed: ${e instanceof Error ? e.message : String(e)}`;
    await writer.append({ type: "error", ename: "KernelDied", evalue: reason, traceback: [] });
    return { status: "lost", reason };
  }
  if (kernel.interruptRequested) return { status: "interrupted", reason: "Interrupted." };
  return { status: sawError ? "error" : "ok" };
}
