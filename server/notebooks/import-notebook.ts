// Imports a notebook file (.ipynb, .Rmd, .qmd, .nb.html) as a new notebook of the user: its cells, and for each code cell that has
// outputs (or a prompt number) a finished Execution with those outputs as events, so they show at
// once. One transaction: a file that fails anywhere creates nothing.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { StoredEvent } from "@/server/contracts/outputs";
import type { ProviderId } from "@/server/kernels/types";
import { capOutputs } from "./formats/cap-outputs";
import type { ImportedCell } from "./formats/from-ipynb";
import { languageOf } from "./formats/kernel-language";
import { readNotebookFile } from "./formats/read-notebook-file";

export type ImportNotebookArgs = {
  userId: string;
  filename: string;
  content: string;
  /** Providers configured on this server: decides where the notebook will run. */
  availableProviders: readonly ProviderId[];
  /** The per-execution output cap; an imported cell's outputs beyond it are cut with the usual marker. */
  maxOutputBytes: number;
};

const EVENT_BATCH = 1000;

type EventRow = { executionId: string; notebookId: string; seq: number; type: string; payload: Prisma.InputJsonValue };

export async function importNotebook(db: Db, args: ImportNotebookArgs): Promise<{ id: string; notes: string[] }> {
  const imported = readNotebookFile({ filename: args.filename, content: args.content, availableProviders: args.availableProviders });
  const notebookId = randomUUID();
  const cells = imported.cells.map((cell, rank) => ({ ...cell, id: randomUUID(), rank }));
  const finishedAt = new Date();
  const executions = cells
    .filter((c) => c.kind === "code" && (c.outputs.length > 0 || c.executionCount !== null))
    .map((cell) => ({ id: randomUUID(), cell, status: statusOf(cell), outputs: capOutputs(cell.outputs, args.maxOutputBytes) }));

  await db.$transaction(async (tx) => {
    await tx.notebook.create({
      data: { id: notebookId, ownerId: args.userId, title: imported.title, provider: imported.provider, runtime: imported.runtime,
        language: languageOf({ provider: imported.provider, runtime: imported.runtime }), metadata: jsonOrOmitted(imported.metadata) },
    });
    await tx.cell.createMany({
      data: cells.map(({ id, rank, kind, source, metadata }) => ({ id, notebookId, rank, kind, source, metadata: jsonOrOmitted(metadata) })),
    });
    await tx.execution.createMany({
      data: executions.map(({ id, cell, status, outputs }) => ({
        id, notebookId, cellId: cell.id, source: cell.source, status, executionCount: cell.executionCount,
        queuedAt: finishedAt, finishedAt, outputBytes: bytesOf(outputs), truncated: outputs.some((e) => e.type === "truncated"),
      })),
    });
    const rows = executions.flatMap(({ id, cell, status, outputs }) => {
      const closing: StoredEvent = { type: "status", status, at: finishedAt.toISOString(), ...(cell.executionCount !== null ? { executionCount: cell.executionCount } : {}) };
      return eventRows(id, notebookId, [...outputs, closing]);
    });
    // In sequential batches: Prisma would split a larger insert itself, sending the parts at once on one connection.
    for (let i = 0; i < rows.length; i += EVENT_BATCH) await tx.executionEvent.createMany({ data: rows.slice(i, i + EVENT_BATCH) });
  }, { timeout: 60_000, maxWait: 10_000 });

  return { id: notebookId, notes: imported.notes };
}

/** Metadata is plain JSON read from the file; none (or empty) is left out, stored as NULL. */
function jsonOrOmitted(metadata: Record<string, unknown> | null): Prisma.InputJsonValue | undefined {
  return metadata && Object.keys(metadata).length ? (metadata as Prisma.InputJsonValue) : undefined;
}

function statusOf(cell: ImportedCell): "ok" | "error" {
  return cell.outputs.some((o) => o.type === "error") ? "error" : "ok";
}

function eventRows(executionId: string, notebookId: string, events: StoredEvent[]): EventRow[] {
  // Events are plain JSON (read from a JSON file); the cast only tells Prisma so.
  return events.map((event, i) => ({ executionId, notebookId, seq: i + 1, type: event.type, payload: event as unknown as Prisma.InputJsonValue }));
}

function bytesOf(events: StoredEvent[]): number {
  return events.reduce((sum, e) => sum + (e.type === "truncated" || e.type === "error" ? 0 : Buffer.byteLength(JSON.stringify(e))), 0);
}
