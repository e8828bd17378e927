// Why: the test manager's session table and lifecycle (spec §4): PENDING → PREPARING → RUNNING →
// TERMINATED, each RUNNING session backed by a real kernel process.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { Kernel, type KernelLang } from "./kernel";
import { noSuchSession, ProblemError } from "./problems";
import type { Run } from "./run";

export type SessionStatus =
  | "PENDING" | "SCHEDULED" | "PULLING" | "PREPARING" | "RUNNING" | "RESTARTING"
  | "RUNNING_DEGRADED" | "TERMINATING" | "TERMINATED" | "ERROR" | "CANCELLED";

export type Session = {
  id: string;
  name: string;
  image: string;
  lang: KernelLang;
  ownerAccessKey: string;
  status: SessionStatus;
  statusInfo: string | null;
  statusData: Record<string, unknown>;
  createdAt: Date;
  terminatedAt: Date | null;
  kernel: Kernel | null;
  runs: Map<string, Run>;
  current: Run | null;
  numQueriesExecuted: number;
  delayMs: number;
  started: Promise<void>;
};

const ACTIVE: ReadonlySet<SessionStatus> = new Set(["TERMINATED", "CANCELLED"]);
export const isActive = (s: Session) => !ACTIVE.has(s.status);

export class SessionStore {
  readonly all = new Map<string, Session>();
  constructor(private readonly rootDir: string) {}

  /** Non-terminated sessions of the owner by name, or any active session by UUID (spec §3.4). */
  find(ref: string, ownerAccessKey: string): Session {
    const matches = [...this.all.values()].filter(
      (s) => isActive(s) && (s.id === ref || (s.name === ref && s.ownerAccessKey === ownerAccessKey)),
    );
    if (matches.length === 0) throw noSuchSession(ref);
    if (matches.length > 1)
      throw new ProblemError("too-many-sessions-matched", {
        data: { matches: matches.map((s) => ({ id: s.id, name: s.name, status: s.status, created_at: s.createdAt.toISOString() })) },
      });
    return matches[0];
  }

  findById(id: string): Session | undefined {
    return this.all.get(id);
  }

  add(opts: { name: string; image: string; lang: KernelLang; ownerAccessKey: string; holdPending: boolean }): Session {
    const session: Session = {
      id: randomUUID(), name: opts.name, image: opts.image, lang: opts.lang, ownerAccessKey: opts.ownerAccessKey,
      status: "PENDING", statusInfo: null, statusData: {}, createdAt: new Date(), terminatedAt: null,
      kernel: null, runs: new Map(), current: null, numQueriesExecuted: 0, delayMs: 0, started: Promise.resolve(),
    };
    this.all.set(session.id, session);
    if (opts.holdPending) {
      session.statusInfo = "predicate-checks-failed";
      session.statusData = { scheduler: { msg: "You cannot run more than 1 concurrent sessions", retries: 1 } };
      session.started = new Promise<void>(() => {}); // never scheduled while the fault holds it
    } else {
      session.started = this.start(session);
      session.started.catch(() => {});
    }
    return session;
  }

  private async start(s: Session): Promise<void> {
    s.status = "PREPARING";
    const kernel = new Kernel(s.lang, join(this.rootDir, s.id));
    s.kernel = kernel;
    kernel.ready.catch(() => {});
    try {
      await kernel.ready;
    } catch (cause) {
      s.status = "ERROR";
      s.statusInfo = "kernel-creation-failed";
      throw cause;
    }
    if (s.status !== "PREPARING") return;
    s.status = "RUNNING";
  }

  async restart(s: Session): Promise<void> {
    s.status = "RESTARTING";
    s.current?.kernelGone();
    s.current = null;
    const old = s.kernel;
    s.kernel = null;
    await old?.kill();
    s.started = this.start(s);
    await s.started;
  }

  /** Terminates the session: kills its kernel; a run in flight finishes with exitCode 130. */
  async terminate(s: Session, reason: string): Promise<void> {
    if (s.status === "PENDING") {
      s.status = "CANCELLED";
    } else {
      s.status = "TERMINATING";
      await s.kernel?.kill();
      s.current?.kernelGone();
      s.status = "TERMINATED";
    }
    s.statusInfo = reason;
    s.terminatedAt = new Date();
    s.kernel = null;
    rmSync(join(this.rootDir, s.id), { recursive: true, force: true });
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.all.values()].filter(isActive).map((s) => this.terminate(s, "server-shutdown")));
  }
}
