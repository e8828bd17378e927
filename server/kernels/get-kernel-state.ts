// What the notebook shows about its kernel: status, runtime, counters and time left before idle shutdown.
import "server-only";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import type { KernelStatus } from "./types";
import { liveKernels } from "./live-kernels";

export type KernelState = {
  sessionId: string;
  provider: string;
  status: KernelStatus;
  runtime: string | null;
  startedAt: Date;
  lastActivityAt: Date;
  /** When the kernel shuts down by itself if it stays idle. */
  idleShutdownAt: Date;
  queued: number;
  endReason: string | null;
};

export async function getKernelState(db: Db, args: { userId: string; notebookId: string }): Promise<KernelState | null> {
  const session = await db.kernelSession.findFirst({
    where: { notebookId: args.notebookId, ownerId: args.userId },
    orderBy: { startedAt: "desc" },
  });
  if (!session) return null;
  const live = liveKernels.get(args.notebookId);
  const alive = session.endedAt === null;
  const status: KernelStatus = alive ? toStatus(session.status) : "dead";
  return {
    sessionId: session.id,
    provider: session.provider,
    status,
    runtime: session.runtime,
    startedAt: session.startedAt,
    lastActivityAt: session.lastActivityAt,
    idleShutdownAt: new Date(session.lastActivityAt.getTime() + env.KERNEL_IDLE_TIMEOUT_MINUTES * 60_000),
    queued: live?.sessionId === session.id ? live.queue.length : 0,
    endReason: session.endReason,
  };
}

function toStatus(value: string): KernelStatus {
  return value === "starting" || value === "idle" || value === "busy" ? value : "dead";
}
