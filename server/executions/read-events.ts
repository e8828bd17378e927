// Reads a notebook's stored execution events after a given id, oldest first.
import "server-only";
import type { Db } from "@/server/db";
import type { NotebookEvent } from "@/server/contracts/events";
import type { StoredEvent } from "@/server/contracts/outputs";

type Row = { id: bigint; executionId: string; cellId: string | null; seq: number; payload: StoredEvent };

export async function readEventsAfter(db: Db, args: { notebookId: string; afterId: bigint; limit: number }): Promise<NotebookEvent[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT e."id", e."executionId", x."cellId", e."seq", e."payload"
    FROM "ExecutionEvent" e JOIN "Execution" x ON x."id" = e."executionId"
    WHERE e."notebookId" = ${args.notebookId} AND e."id" > ${args.afterId}
    ORDER BY e."id" LIMIT ${args.limit}`;
  return rows.map(toNotebookEvent);
}

export async function readEventsOf(db: Db, executionIds: string[]): Promise<NotebookEvent[]> {
  if (executionIds.length === 0) return [];
  const rows = await db.$queryRaw<Row[]>`
    SELECT e."id", e."executionId", x."cellId", e."seq", e."payload"
    FROM "ExecutionEvent" e JOIN "Execution" x ON x."id" = e."executionId"
    WHERE e."executionId" = ANY(${executionIds}) ORDER BY e."id"`;
  return rows.map(toNotebookEvent);
}

export async function lastEventId(db: Db, notebookId: string): Promise<bigint> {
  const [row] = await db.$queryRaw<{ max: bigint | null }[]>`
    SELECT max("id") AS max FROM "ExecutionEvent" WHERE "notebookId" = ${notebookId}`;
  return row?.max ?? 0n;
}

function toNotebookEvent(r: Row): NotebookEvent {
  return { id: String(r.id), executionId: r.executionId, cellId: r.cellId, seq: r.seq, event: r.payload };
}
