// A notebook's past executions, newest first, optionally of one cell, with their outputs.
import "server-only";
import type { Db } from "@/server/db";
import type { ExecutionStatus } from "@/server/contracts/outputs";
import { findOwnedNotebook } from "@/server/notebooks/find-owned-notebook";
import { readEventsOf } from "./read-events";

export async function listHistory(
  db: Db,
  args: { userId: string; notebookId: string; cellId?: string; cursor?: string; limit: number },
) {
  await findOwnedNotebook(db, args);
  const rows = await db.execution.findMany({
    where: { notebookId: args.notebookId, ...(args.cellId ? { cellId: args.cellId } : {}) },
    orderBy: [{ queuedAt: "desc" }, { id: "desc" }],
    take: args.limit + 1,
    ...(args.cursor ? { cursor: { id: args.cursor }, skip: 1 } : {}),
    select: {
      id: true, cellId: true, source: true, status: true, executionCount: true, queuedAt: true,
      startedAt: true, finishedAt: true, truncated: true,
      session: { select: { provider: true, runtime: true } },
    },
  });
  const page = rows.slice(0, args.limit);
  const events = await readEventsOf(db, page.map((r) => r.id));
  return {
    items: page.map((r) => ({
      ...r,
      status: r.status as ExecutionStatus,
      durationMs: r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
      kernel: r.session ? `${r.session.provider}${r.session.runtime ? ` · ${r.session.runtime}` : ""}` : null,
      events: events.filter((e) => e.executionId === r.id).map((e) => e.event),
    })),
    nextCursor: rows.length > args.limit ? page.at(-1)?.id : undefined,
  };
}
