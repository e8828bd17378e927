// Everything the notebook page needs to open: cells, each cell's latest execution with its
// events, and the event id from which the live stream continues.
import "server-only";
import type { Db } from "@/server/db";
import type { ExecutionStatus } from "@/server/contracts/outputs";
import { lastEventId, readEventsOf } from "@/server/executions/read-events";
import { chunkCaption } from "./formats/rmd/chunk-caption";
import { findOwnedNotebook } from "./find-owned-notebook";

export type ExecutionSummary = {
  id: string;
  cellId: string | null;
  status: ExecutionStatus;
  executionCount: number | null;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export async function getNotebook(db: Db, args: { userId: string; notebookId: string }) {
  const notebook = await findOwnedNotebook(db, args);
  // Read the resume point first: anything stored later arrives through the stream (the browser de-duplicates).
  const resumeFrom = await lastEventId(db, notebook.id);
  const cells = await db.cell.findMany({
    where: { notebookId: notebook.id },
    orderBy: { rank: "asc" },
    select: { id: true, kind: true, source: true, metadata: true },
  });
  const executions = await db.$queryRaw<ExecutionSummary[]>`
    SELECT DISTINCT ON ("cellId") "id", "cellId", "status", "executionCount", "queuedAt", "startedAt", "finishedAt"
    FROM "Execution" WHERE "notebookId" = ${notebook.id} AND "cellId" IS NOT NULL
    ORDER BY "cellId", "queuedAt" DESC`;
  const events = await readEventsOf(db, executions.map((e) => e.id));
  return {
    id: notebook.id,
    title: notebook.title,
    version: notebook.version,
    provider: notebook.provider,
    language: notebook.language === "python" ? ("python" as const) : ("r" as const),
    cells: cells.map(({ metadata, ...c }) => ({
      ...c, kind: c.kind === "markdown" ? ("markdown" as const) : ("code" as const), chunk: chunkCaption(jsonObject(metadata)),
    })),
    executions,
    events,
    lastEventId: String(resumeFrom),
  };
}

/** Stored metadata is a JSON object written by import; anything else reads as none. */
export function jsonObject(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
