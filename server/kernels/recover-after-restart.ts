// At start-up: kernels this instance held before it restarted are gone; say so in their sessions
// and mark their unfinished executions as lost (their output so far stays). Kernels on remote
// servers outlive us: they are shut down so nobody is left paying for them.
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
  const executions = await db.execution.updateMany({
    where: { sessionId: { in: ids }, status: { in: ["queued", "running"] } },
    data: { status: "lost", finishedAt: now },
  });
  await db.kernelSession.updateMany({
    where: { id: { in: ids } },
    data: { status: "dead", endedAt: now, endReason: "The server restarted; the kernel did not survive it." },
  });
  for (const s of stale) await shutdownRemote(db, s);
  return { sessions: ids.length, executions: executions.count };
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
