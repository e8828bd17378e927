// At start-up: kernels this instance held before it restarted are gone; say so in their sessions
// and mark their unfinished executions as lost (their output so far stays).
import "server-only";
import type { Db } from "@/server/db";
import { instanceId } from "./instance";

export async function recoverAfterRestart(db: Db): Promise<{ sessions: number; executions: number }> {
  const stale = await db.kernelSession.findMany({ where: { instanceId, endedAt: null }, select: { id: true } });
  const ids = stale.map((s) => s.id);
  if (ids.length === 0) return { sessions: 0, executions: 0 };
  const now = new Date();
  const executions = await db.execution.updateMany({
    where: { sessionId: { in: ids }, status: { in: ["queued", "running"] } },
    data: { status: "lost", finishedAt: now },
  });
  await db.kernelSession.updateMany({
    where: { id: { in: ids } },
    data: { status: "dead", endedAt: now, endReason: "The server restarted; the kernel did not survive it." },
  });
  return { sessions: ids.length, executions: executions.count };
}
