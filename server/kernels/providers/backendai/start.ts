// Waiting for a new Backend.AI session to run: the create call may answer PENDING or TIMEOUT
// (spec §4.1), so the session is polled until RUNNING, a final status, or the deadline.
import { KernelError } from "@/server/errors";
import type { BackendAIClient, CreatedSession } from "./client";

const STARTING = new Set(["PENDING", "SCHEDULED", "PULLING", "PREPARING", "TIMEOUT", "RESTARTING"]);

export type WaitOptions = { timeoutMs: number; pollMs?: number; signal?: AbortSignal };

export async function waitUntilRunning(client: BackendAIClient, created: CreatedSession, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let status = created.status;
  let info: string | null | undefined;
  while (status !== "RUNNING") {
    if (!STARTING.has(status)) {
      const reason = info && info !== "None" ? ` (${info})` : "";
      throw new KernelError("START_FAILED", `The Backend.AI session ended up ${status} instead of running${reason}.`);
    }
    if (Date.now() >= deadline) {
      throw new KernelError("TIMEOUT", `The Backend.AI session did not start within ${Math.round(options.timeoutMs / 1000)} s (still ${status}).`);
    }
    await sleep(options.pollMs ?? 1000, options.signal);
    const session = await client.getSession(created.sessionId, { signal: options.signal });
    status = session.status;
    info = session.statusInfo;
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
