// Every running kernel across all users, for the admin dashboard: who owns it, which notebook,
// since when, idle for how long, and what is queued on it.
import "server-only";
import type { Db } from "@/server/db";
import { liveKernels } from "@/server/kernels/live-kernels";
import type { KernelStatus } from "@/server/kernels/types";

export type RunningKernelRow = {
  sessionId: string;
  provider: string;
  runtime: string | null;
  ownerId: string;
  ownerEmail: string;
  notebookId: string;
  notebookTitle: string;
  status: KernelStatus;
  startedAt: Date;
  lastActivityAt: Date;
  /** Milliseconds since the last activity while idle; 0 while it starts or runs. */
  idleMs: number;
  queued: number;
};

export async function listRunningKernels(db: Db, now = new Date()): Promise<RunningKernelRow[]> {
  const sessions = await db.kernelSession.findMany({
    where: { endedAt: null },
    orderBy: { startedAt: "desc" },
    take: 500,
    include: { owner: { select: { email: true } }, notebook: { select: { title: true } } },
  });
  return sessions.map((s) => {
    const live = liveKernels.get(s.notebookId);
    const status = toStatus(s.status);
    return {
      sessionId: s.id,
      provider: s.provider,
      runtime: s.runtime,
      ownerId: s.ownerId,
      ownerEmail: s.owner.email,
      notebookId: s.notebookId,
      notebookTitle: s.notebook.title,
      status,
      startedAt: s.startedAt,
      lastActivityAt: s.lastActivityAt,
      idleMs: status === "idle" ? Math.max(0, now.getTime() - s.lastActivityAt.getTime()) : 0,
      queued: live?.sessionId === s.id ? live.queue.length : 0,
    };
  });
}

function toStatus(value: string): KernelStatus {
  return value === "starting" || value === "idle" || value === "busy" ? value : "dead";
}
