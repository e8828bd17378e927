// One row of the admin health report, and how a check is timed: a deadline, the latency of the
// cheap call, and a failure turned into "unreachable" with its reason instead of a thrown error.
import { describeFailure, rejectOnAbort } from "@/server/kernels/reject-on-abort";

export type HealthState = "reachable" | "unreachable" | "needs-user-login" | "not-configured";

export type HealthCheck = {
  /** "provider:webr", "database", "blob-storage". */
  id: string;
  kind: "provider" | "database" | "storage";
  name: string;
  state: HealthState;
  /** Time the cheap call took, when it answered. */
  latencyMs: number | null;
  /** The server's version when it tells us. */
  version: string | null;
  /** What else we learnt: the kernel specs offered, or why it failed. */
  detail: string | null;
};

/** Each check's deadline. */
export const HEALTH_TIMEOUT_MS = 5_000;

/** What a check learnt; `latencyMs` when only part of the call is the cheap one (else the whole call is timed). */
export type Probe = { version?: string | null; detail?: string | null; latencyMs?: number };

/** Runs `call` with an AbortSignal and a deadline; its latency is measured around `call` only. */
export async function timedCheck(
  base: Pick<HealthCheck, "id" | "kind" | "name">,
  call: (signal: AbortSignal) => Promise<Probe>,
  options: { timeoutMs?: number } = {},
): Promise<HealthCheck> {
  const timeoutMs = options.timeoutMs ?? HEALTH_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const slow = `It did not answer within ${timeoutMs / 1000} s.`;
  const started = performance.now();
  try {
    const probe = await Promise.race([call(signal), rejectOnAbort(signal, slow)]);
    const latencyMs = roundMs(probe.latencyMs ?? performance.now() - started);
    return { ...base, state: "reachable", latencyMs, version: probe.version ?? null, detail: probe.detail ?? null };
  } catch (e) {
    return { ...base, state: "unreachable", latencyMs: null, version: null, detail: signal.aborted ? slow : describeFailure(e) };
  }
}

/** Milliseconds since `started`, a performance.now() reading. */
export function elapsedMs(started: number): number {
  return performance.now() - started;
}

function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}
