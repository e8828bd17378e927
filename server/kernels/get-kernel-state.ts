// What the notebook shows about its kernel: status, runtime, counters and time left before idle shutdown.
import "server-only";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import type { KernelEndCause, KernelStatus } from "./types";
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
  /** Set when the page words the end itself (an idle shutdown: variables cleared). */
  endCause: KernelEndCause | null;
  /** While starting: what the provider is waiting for (e.g. "Waiting in the cluster queue"). */
  phase: string | null;
  /** The kernel's working directory can be listed, uploaded to and downloaded from. */
  files: boolean;
  /** How reliably interrupt stops running code on this kernel (null: unknown, no live kernel). */
  interrupt: "reliable" | "best-effort" | "none" | null;
};

export async function getKernelState(db: Db, args: { userId: string; notebookId: string }): Promise<KernelState | null> {
  const session = await db.kernelSession.findFirst({
    where: { notebookId: args.notebookId, ownerId: args.userId },
    orderBy: { startedAt: "desc" },
  });
  if (!session) return null;
  const live = liveKernels.get(args.notebookId);
  const alive = session.endedAt === null;
  const current = alive && live?.sessionId === session.id ? live : undefined;
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
    endCause: toEndCause(session.endCause),
    phase: status === "starting" && current ? (current.phase?.phase ?? null) : null,
    files: Boolean(current?.provider.listFiles && current.provider.uploadFile),
    interrupt: current ? current.provider.capabilities.interrupt : null,
  };
}

function toEndCause(value: string | null): KernelEndCause | null {
  return value === "idle_timeout" ? value : null;
}

function toStatus(value: string): KernelStatus {
  return value === "starting" || value === "idle" || value === "busy" ? value : "dead";
}
