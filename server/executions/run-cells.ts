// Runs cells of a notebook: saves their current source first (nothing typed is lost), records
// one queued Execution each, and hands them to the notebook's kernel queue.
import "server-only";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { ExecutionError } from "@/server/errors";
import type { RunCellsInput } from "@/server/contracts/execution";
import { findOwnedNotebook } from "@/server/notebooks/find-owned-notebook";
import { ensureKernel, kernelChoice } from "@/server/kernels/start-kernel";
import { scheduleDrain } from "./drain-queue";

export async function runCells(db: Db, args: { userId: string } & RunCellsInput) {
  for (const cell of args.cells) {
    const bytes = Buffer.byteLength(cell.source);
    if (bytes > env.MAX_CODE_BYTES) {
      throw new ExecutionError("CODE_TOO_LARGE", `This cell holds ${formatKb(bytes)} of code; the limit is ${formatKb(env.MAX_CODE_BYTES)}. Split it or load the code from a file.`);
    }
  }
  const notebook = await findOwnedNotebook(db, { userId: args.userId, notebookId: args.notebookId });
  const version = await saveSources(db, notebook, args.cells);
  const kernel = await ensureKernel(db, { userId: args.userId, notebookId: notebook.id, ...kernelChoice(notebook) });
  const executions = await db.execution.createManyAndReturn({
    data: args.cells.map((c, i) => ({
      notebookId: notebook.id, cellId: c.cellId, sessionId: kernel.sessionId, source: c.source,
      queuedAt: new Date(Date.now() + i), // keeps the order of a batch in history
    })),
    select: { id: true, cellId: true, queuedAt: true },
  });
  kernel.queue.push(...executions.map((e, i) => ({ executionId: e.id, cellId: e.cellId, source: args.cells[i].source })));
  scheduleDrain(db, kernel);
  return { version, executions: executions.map((e) => ({ id: e.id, cellId: e.cellId!, queuedAt: e.queuedAt })) };
}

async function saveSources(db: Db, notebook: { id: string; version: number }, cells: RunCellsInput["cells"]): Promise<number> {
  const rows = await db.cell.findMany({ where: { notebookId: notebook.id, id: { in: cells.map((c) => c.cellId) } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const changed = cells.filter((c) => {
    const row = byId.get(c.cellId);
    if (!row) throw new ExecutionError("NOT_FOUND", "That cell is not in this notebook (it may have been deleted in another tab). Reload the notebook.");
    if (row.kind !== "code") throw new ExecutionError("NOT_RUNNABLE", "Only code cells can run.");
    return row.source !== c.source;
  });
  if (changed.length === 0) return notebook.version;
  const results = await db.$transaction([
    ...changed.map((c) => db.cell.update({ where: { id: c.cellId }, data: { source: c.source }, select: { id: true } })),
    db.notebook.update({ where: { id: notebook.id }, data: { version: { increment: 1 } }, select: { version: true } }),
  ]);
  return (results.at(-1) as { version: number }).version;
}

function formatKb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}
