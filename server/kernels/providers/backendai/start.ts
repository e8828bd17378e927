// Waiting for a new Backend.AI session to run: it is created enqueue-only (spec §4.1 client
// advice) and polled until RUNNING, a final status or the deadline, reporting each start phase.
import { KernelError } from "@/server/errors";
import type { KernelStatus, StartPhase } from "@/server/kernels/types";
import type { BackendAIClient, CreatedSession } from "./client";

/** Session statuses (spec §4.1 SessionStatus names), plus TIMEOUT, which only create answers. */
export const SESSION_STATUSES = [
  "PENDING", "SCHEDULED", "PULLING", "PREPARING", "RUNNING", "RESTARTING", "RUNNING_DEGRADED",
  "TERMINATING", "TERMINATED", "ERROR", "CANCELLED", "TIMEOUT",
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export function toSessionStatus(raw: string): SessionStatus | null {
  return SESSION_STATUSES.find((s) => s === raw) ?? null;
}

/** Where a status leaves a start: still starting (with the phase to show), running, or failed. */
export type StartStep = { kind: "starting"; phase: string } | { kind: "running" } | { kind: "failed" };

export function startStep(status: SessionStatus): StartStep {
  switch (status) {
    case "PENDING":
      return { kind: "starting", phase: "Waiting in the cluster queue" };
    case "SCHEDULED":
      return { kind: "starting", phase: "Scheduled on an agent" };
    case "PULLING":
      return { kind: "starting", phase: "Pulling the image" };
    case "PREPARING":
      return { kind: "starting", phase: "Preparing the session" };
    case "RESTARTING":
      return { kind: "starting", phase: "Restarting the session" };
    case "TIMEOUT":
      return { kind: "starting", phase: "Still starting" };
    case "RUNNING":
    case "RUNNING_DEGRADED":
      return { kind: "running" };
    case "TERMINATING":
    case "TERMINATED":
    case "ERROR":
    case "CANCELLED":
      return { kind: "failed" };
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/** Backend.AI session statuses as kernel statuses; unknown statuses count as dead. */
export function sessionState(raw: string): KernelStatus {
  const status = toSessionStatus(raw);
  const step = status ? startStep(status) : { kind: "failed" as const };
  switch (step.kind) {
    case "starting":
      return "starting";
    case "running":
      return "idle";
    case "failed":
      return "dead";
    default: {
      const unreachable: never = step;
      return unreachable;
    }
  }
}

/** The scheduler's reason for a PENDING session (statusData.scheduler.msg), else statusInfo. */
export function statusReason(info: { statusInfo?: string | null; statusData?: Record<string, unknown> | null }): string | null {
  const scheduler = info.statusData?.scheduler;
  const msg = scheduler && typeof scheduler === "object" ? (scheduler as Record<string, unknown>).msg : undefined;
  if (typeof msg === "string" && msg) return msg;
  return info.statusInfo && info.statusInfo !== "None" ? info.statusInfo : null;
}

export type WaitOptions = { timeoutMs: number; pollMs?: number; signal?: AbortSignal; onPhase?: (phase: StartPhase) => void };

export async function waitUntilRunning(client: BackendAIClient, created: CreatedSession, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let info: { status: string; statusInfo?: string | null; statusData?: Record<string, unknown> | null } = { status: created.status };
  let reported = "";
  for (;;) {
    const status = toSessionStatus(info.status);
    const step = status ? startStep(status) : ({ kind: "failed" } as const);
    const reason = statusReason(info);
    if (step.kind === "running") return;
    if (step.kind === "failed") {
      throw new KernelError("START_FAILED", `The Backend.AI session ended up ${info.status} instead of running${reason ? ` (${reason})` : ""}.`);
    }
    const detail = reason ? `${info.status}: ${reason}` : info.status;
    if (`${step.phase}|${detail}` !== reported) {
      reported = `${step.phase}|${detail}`;
      options.onPhase?.({ phase: step.phase, detail });
    }
    if (Date.now() >= deadline) {
      throw new KernelError("TIMEOUT", `The Backend.AI session did not start within ${Math.round(options.timeoutMs / 100) / 10} s (still ${detail}).`);
    }
    await sleep(options.pollMs ?? 1000, options.signal);
    info = await client.getSession(created.sessionId, { signal: options.signal });
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
