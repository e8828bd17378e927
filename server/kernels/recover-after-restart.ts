// At start-up: kernels this instance held before it restarted are gone; say so in their sessions
// and end their unfinished executions as lost with a status event that says why (so a page left
// open stops its running timer; the output so far stays). Kernels on remote servers outlive us:
// they are shut down so nobody is left paying for them.
import "server-only";
import type { Db } from "@/server/db";
import { instanceId } from "./instance";
import { providerForUser } from "./provider-for-user";
import { PROVIDER_IDS, type ProviderId } from "./types";

export async function recoverAfterRestart(db: Db): Promise<{ sessions: number; executions: number }> {
  const stale = await db.kernelSession.findMany({ where: { instanceId, endedAt: null }, select: { id: true, provider: true, remoteId: true, ownerId: true } });
  const ids = stale.map((s) => s.id);
  if (ids.length === 0) return { sessions: 0, executions: 0 };
  const now = new Date();
  const executions = await endLostExecutions(db, { sessionIds: ids, at: now });
  await db.kernelSession.updateMany({
    where: { id: { in: ids } },
    data: { status: "dead", endedAt: now, endReason: "The server restarted; the kernel did not survive it." },
  });
  for (const s of stale) await shutdownRemote(db, s);
  return { sessions: ids.length, executions };
}

export const RESTARTED_WHILE_RUNNING = "The server restarted while this cell ran; the output above was kept.";
export const RESTARTED_BEFORE_RUNNING = "The server restarted before this cell ran.";

/**
 * Marks the sessions' unfinished executions lost and appends each its terminal status event (next
 * seq, with the reason), in one statement: the NOTIFY trigger then tells every open page.
 */
async function endLostExecutions(db: Db, { sessionIds, at }: { sessionIds: string[]; at: Date }): Promise<number> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH stale AS (
      SELECT x."id", x."notebookId", x."status", x."executionCount" FROM "Execution" x
      WHERE x."sessionId" = ANY(${sessionIds}) AND x."status" IN ('queued', 'running') FOR UPDATE
    ), ended AS (
      UPDATE "Execution" x SET "status" = 'lost', "finishedAt" = ${at} FROM stale WHERE x."id" = stale."id"
    )
    INSERT INTO "ExecutionEvent" ("executionId", "notebookId", "seq", "type", "payload")
    SELECT stale."id", stale."notebookId",
      COALESCE((SELECT max(e."seq") FROM "ExecutionEvent" e WHERE e."executionId" = stale."id"), 0) + 1, 'status',
      jsonb_strip_nulls(jsonb_build_object('type', 'status', 'status', 'lost', 'at', ${at.toISOString()}::text,
        'executionCount', stale."executionCount",
        'reason', CASE WHEN stale."status" = 'running' THEN ${RESTARTED_WHILE_RUNNING}::text ELSE ${RESTARTED_BEFORE_RUNNING}::text END))
    FROM stale
    RETURNING "executionId" AS "id"`;
  return rows.length;
}

/** Stops a remote kernel with the login that started it (the owner's own, else the service one). */
async function shutdownRemote(db: Db, { provider, remoteId, ownerId }: { provider: string; remoteId: string | null; ownerId: string }): Promise<void> {
  if (!remoteId || provider === "webr" || !(PROVIDER_IDS as readonly string[]).includes(provider)) return;
  try {
    await (await providerForUser(db, { userId: ownerId, provider: provider as ProviderId })).shutdown(remoteId);
  } catch {
    // Already gone, or the provider is no longer configured: nothing left to stop from here.
  }
}
