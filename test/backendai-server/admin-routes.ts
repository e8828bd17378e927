// Why: test-only fault switches under /_test/ (kill a session the way the cluster would, slow
// answers, refuse creation, start phases, exec timeouts, agent generation, expire a keypair);
// reachable only with the admin token, never with a signed request.
import { z } from "zod";
import type { Keypair } from "./auth";
import { AGENT_VERSIONS, START_PHASES, type Faults } from "./faults";
import type { Reply } from "./http-types";
import { checkParams } from "./params";
import { ProblemError } from "./problems";
import type { SessionStore, Termination } from "./sessions";

export type AdminDeps = { store: SessionStore; faults: Faults; keypairs: Map<string, Keypair> };

/** How the cluster ends a session behind the user's back. */
export const KILL_REASONS = ["idle-timeout", "oom-killed", "admin-kill", "crash"] as const;
export type KillReason = (typeof KILL_REASONS)[number];

/**
 * The status_info / status_data the manager records for each (KernelLifecycleEventReason values,
 * BA24 common/events.py). An OOM kill is the container ending itself with exit code 137; the
 * spec does not document its status_data, so that shape is inferred.
 */
export function termination(reason: KillReason): Termination {
  switch (reason) {
    case "idle-timeout":
      return { reason: "idle-timeout" };
    case "oom-killed":
      return { reason: "self-terminated", statusData: { kernel: { exit_code: 137 } } };
    case "admin-kill":
      return { reason: "force-terminated" };
    case "crash":
      return { reason: "self-terminated", statusData: { kernel: { exit_code: 1 } } };
    default: {
      const never: never = reason;
      throw new Error(`unknown kill reason ${String(never)}`);
    }
  }
}

const ZFaults = z.object({
  delayMs: z.number().int().min(0).optional(),
  refuseCreation: z.enum(["quota-exceeded", "concurrency-limit"]).nullable().optional(),
  completeTimeout: z.boolean().optional(),
  phaseMs: z.partialRecord(z.enum(START_PHASES), z.number().int().min(0)).optional(),
  execTimeoutMs: z.number().int().min(0).optional(),
  agentVersion: z.enum(AGENT_VERSIONS).optional(),
});
const ZKill = z.object({ afterMs: z.number().int().min(0).default(0), reason: z.enum(KILL_REASONS).default("crash") });
const ZSessionFaults = z.object({ delayMs: z.number().int().min(0) });

function session(deps: AdminDeps, id: string) {
  const s = deps.store.findById(id) ?? [...deps.store.all.values()].find((x) => x.name === id);
  if (!s) throw new ProblemError("object-not-found", { title: "No such session." });
  return s;
}

/** Ends a session now or after a delay, as the cluster would (status TERMINATED, reason recorded). */
export function killSession(deps: AdminDeps, id: string, opts: { afterMs: number; reason: KillReason }): void {
  const s = session(deps, id);
  setTimeout(() => void deps.store.terminate(s, termination(opts.reason)), opts.afterMs);
}

export async function adminRoute(method: string, path: string, body: unknown, deps: AdminDeps): Promise<Reply> {
  const parts = path.split("/").filter(Boolean).slice(1);
  const [a, b, c] = parts;
  if (method === "POST" && a === "faults" && parts.length === 1) {
    const p = checkParams(ZFaults, body);
    for (const [key, value] of Object.entries(p)) if (value !== undefined) Object.assign(deps.faults, { [key]: value });
    return { status: 200, body: deps.faults };
  }
  if (a === "sessions" && b && method === "GET" && !c) {
    const s = session(deps, b);
    return { status: 200, body: { id: s.id, name: s.name, status: s.status, statusInfo: s.statusInfo, statusData: s.statusData } };
  }
  if (a === "sessions" && b && method === "POST" && c === "kill") {
    killSession(deps, b, checkParams(ZKill, body));
    return { status: 204 };
  }
  if (a === "sessions" && b && method === "POST" && c === "faults") {
    session(deps, b).delayMs = checkParams(ZSessionFaults, body).delayMs;
    return { status: 204 };
  }
  if (a === "keypairs" && b && method === "POST" && c === "expire") {
    const kp = deps.keypairs.get(b);
    if (!kp) throw new ProblemError("object-not-found", { title: "No such keypair." });
    kp.active = false;
    return { status: 204 };
  }
  throw new ProblemError("url-not-found", { data: path });
}
