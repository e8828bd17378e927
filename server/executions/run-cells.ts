// Runs cells of a notebook: saves their current source first (nothing typed is lost), records
// one queued Execution each, and hands them to the notebook's kernel queue.
import "server-only";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { ExecutionError, NotebookError } from "@/server/errors";
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
  const version = await saveSources(db, { notebook, cells: args.cells, baseVersion: args.baseVersion });
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

const STALE =
  "Not run: this notebook was changed in another tab or window after this page loaded it, and running would overwrite that. Reload to get the latest version, then run again.";

/**
 * Saves the sources that differ from the stored ones, only if the notebook is still at the version
 * the browser based them on (checked and bumped in one statement); returns the version after.
 * Without a base version (API callers) they are saved over whatever is stored, as before.
 */
async function saveSources(
  db: Db,
  { notebook, cells, baseVersion }: { notebook: { id: string; version: number }; cells: RunCellsInput["cells"]; baseVersion: number | undefined },
): Promise<number> {
  const rows = await db.cell.findMany({ where: { notebookId: notebook.id, id: { in: cells.map((c) => c.cellId) } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const changed = cells.filter((c) => {
    const row = byId.get(c.cellId);
    if (!row) throw new ExecutionError("NOT_FOUND", "That cell is not in this notebook (it may have been deleted in another tab). Reload the notebook.");
    if (row.kind !== "code") throw new ExecutionError("NOT_RUNNABLE", "Only code cells can run.");
    return row.source !== c.source;
  });
  if (changed.length === 0) return notebook.version;
  if (baseVersion !== undefined && baseVersion !== notebook.version) throw new NotebookError("VERSION_CONFLICT", STALE);
  return db.$transaction(async (tx) => {
    const bumped = await tx.notebook.updateManyAndReturn({
      where: { id: notebook.id, ...(baseVersion === undefined ? {} : { version: baseVersion }) },
      data: { version: { increment: 1 } },
      select: { version: true },
    });
    const [row] = bumped;
    if (!row) throw new NotebookError("VERSION_CONFLICT", STALE);
    for (const c of changed) await tx.cell.update({ where: { id: c.cellId }, data: { source: c.source }, select: { id: true } });
    return row.version;
  });
}

function formatKb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}
