// Why: test-only fault switches under /_test/ (kill a session, slow answers, refuse creation,
// expire a keypair); reachable only with the admin token, never with a signed request.
import { z } from "zod";
import type { Keypair } from "./auth";
import type { Faults } from "./faults";
import type { Reply } from "./http-types";
import { checkParams } from "./params";
import { ProblemError } from "./problems";
import type { SessionStore } from "./sessions";

export type AdminDeps = { store: SessionStore; faults: Faults; keypairs: Map<string, Keypair> };

const ZFaults = z.object({
  delayMs: z.number().int().min(0).optional(),
  refuseCreation: z.enum(["quota-exceeded", "concurrency-limit"]).nullable().optional(),
});
const ZKill = z.object({ afterMs: z.number().int().min(0).default(0) });
const ZSessionFaults = z.object({ delayMs: z.number().int().min(0) });

function session(deps: AdminDeps, id: string) {
  const s = deps.store.findById(id) ?? [...deps.store.all.values()].find((x) => x.name === id);
  if (!s) throw new ProblemError("object-not-found", { title: "No such session." });
  return s;
}

/** Kills a session's kernel now or after a delay, as if its container died (status TERMINATED). */
export function killSession(deps: AdminDeps, id: string, afterMs: number): void {
  const s = session(deps, id);
  setTimeout(() => void deps.store.terminate(s, "killed-by-test"), afterMs);
}

export async function adminRoute(method: string, path: string, body: unknown, deps: AdminDeps): Promise<Reply> {
  const parts = path.split("/").filter(Boolean).slice(1);
  const [a, b, c] = parts;
  if (method === "POST" && a === "faults" && parts.length === 1) {
    const p = checkParams(ZFaults, body);
    if (p.delayMs !== undefined) deps.faults.delayMs = p.delayMs;
    if (p.refuseCreation !== undefined) deps.faults.refuseCreation = p.refuseCreation;
    return { status: 200, body: deps.faults };
  }
  if (a === "sessions" && b && method === "GET" && !c) {
    const s = session(deps, b);
    return { status: 200, body: { id: s.id, name: s.name, status: s.status, statusInfo: s.statusInfo } };
  }
  if (a === "sessions" && b && method === "POST" && c === "kill") {
    killSession(deps, b, checkParams(ZKill, body).afterMs);
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
