// Why: the test manager's session table and lifecycle (spec §4): PENDING → SCHEDULED → PULLING →
// PREPARING → RUNNING → TERMINATING → TERMINATED, each RUNNING session backed by a real kernel process.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Faults, StartPhaseStatus } from "./faults";
import type { ImageDef } from "./images";
import { Kernel } from "./kernel";
import { noSuchSession, ProblemError } from "./problems";
import type { Run } from "./run";

export type SessionStatus =
  | "PENDING" | "SCHEDULED" | "PULLING" | "PREPARING" | "RUNNING" | "RESTARTING"
  | "RUNNING_DEGRADED" | "TERMINATING" | "TERMINATED" | "ERROR" | "CANCELLED";

export type Session = {
  id: string;
  name: string;
  /** The reference as the client sent it, and the image it resolved to. */
  image: string;
  imageDef: ImageDef;
  ownerAccessKey: string;
  status: SessionStatus;
  /** When the session entered each status (ComputeSession.status_history in 24.09). */
  statusHistory: Partial<Record<SessionStatus, string>>;
  statusInfo: string | null;
  statusData: Record<string, unknown>;
  /** Occupied slots as the manager stores them: strings, memory in bytes. */
  slots: Record<string, string>;
  createdAt: Date;
  terminatedAt: Date | null;
  kernel: Kernel | null;
  runs: Map<string, Run>;
  current: Run | null;
  numQueriesExecuted: number;
  delayMs: number;
  started: Promise<void>;
};

/** Why a session ended: the manager's status_info and status_data (KernelLifecycleEventReason). */
export type Termination = { reason: string; statusData?: Record<string, unknown> };

const INACTIVE: ReadonlySet<SessionStatus> = new Set(["TERMINATED", "CANCELLED"]);
export const isActive = (s: Session) => !INACTIVE.has(s.status);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setStatus(s: Session, status: SessionStatus): void {
  s.status = status;
  s.statusHistory[status] = new Date().toISOString();
}

export class SessionStore {
  readonly all = new Map<string, Session>();
  constructor(private readonly rootDir: string, private readonly faults: Faults) {}

  /** The session's /home/work: the kernel's working directory, kept across restarts. */
  workDir(s: Session): string {
    return join(this.rootDir, s.id, "work");
  }

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

  add(opts: { name: string; image: string; imageDef: ImageDef; slots: Record<string, string>; ownerAccessKey: string; holdPending: boolean }): Session {
    const session: Session = {
      id: randomUUID(), name: opts.name, image: opts.image, imageDef: opts.imageDef, ownerAccessKey: opts.ownerAccessKey,
      status: "PENDING", statusHistory: { PENDING: new Date().toISOString() }, statusInfo: null, statusData: {}, slots: opts.slots, createdAt: new Date(), terminatedAt: null,
      kernel: null, runs: new Map(), current: null, numQueriesExecuted: 0, delayMs: 0, started: Promise.resolve(),
    };
    this.all.set(session.id, session);
    if (opts.holdPending) {
      // 24.09 keeps over-limit sessions PENDING with the scheduler's reason (spec §4.1, §8).
      session.statusInfo = "predicate-checks-failed";
      session.statusData = { scheduler: { msg: "You cannot run more than 1 concurrent sessions", retries: 1 } };
      session.started = new Promise<void>(() => {}); // never scheduled while the fault holds it
    } else {
      session.started = this.start(session, { phaseMs: { ...this.faults.phaseMs } });
      session.started.catch(() => {});
    }
    return session;
  }

  /** Holds the session in each start phase as long as the faults said at creation; false when it ended meanwhile. */
  private async walkPhases(s: Session, phaseMs: Faults["phaseMs"]): Promise<boolean> {
    const phases: StartPhaseStatus[] = ["PENDING", "SCHEDULED", "PULLING"];
    for (const phase of phases) {
      if (!isActive(s)) return false;
      setStatus(s, phase);
      const ms = phaseMs[phase] ?? 0;
      if (ms > 0) await sleep(ms);
    }
    return isActive(s);
  }

  /** Starts a new session (walking the phases) or, without `phaseMs`, restarts its kernel. */
  private async start(s: Session, opts: { phaseMs?: Faults["phaseMs"] }): Promise<void> {
    if (opts.phaseMs && !(await this.walkPhases(s, opts.phaseMs))) return;
    if (opts.phaseMs) setStatus(s, "PREPARING");
    const preparing = sleep(opts.phaseMs?.PREPARING ?? 0);
    if (s.imageDef.lang) {
      const kernel = new Kernel(s.imageDef.lang, this.workDir(s), join(this.rootDir, s.id, "scratch"));
      s.kernel = kernel;
      try {
        await Promise.all([kernel.ready, preparing]);
      } catch (cause) {
        if (!isActive(s)) return;
        setStatus(s, "ERROR");
        s.statusInfo = "failed-to-start";
        throw cause;
      }
    } else {
      await preparing;
    }
    if (s.status !== "PREPARING" && s.status !== "RESTARTING") return;
    setStatus(s, "RUNNING");
  }

  async restart(s: Session): Promise<void> {
    setStatus(s, "RESTARTING");
    s.current?.kernelGone();
    s.current = null;
    const old = s.kernel;
    s.kernel = null;
    await old?.kill();
    s.started = this.start(s, {});
    await s.started;
  }

  /**
   * Terminates the session: records why first (status_info is set when TERMINATING begins), kills
   * its kernel, and a run in flight then finishes with exitCode 130 (spec §5.2).
   */
  async terminate(s: Session, why: Termination): Promise<void> {
    s.statusInfo = why.reason;
    s.statusData = why.statusData ?? {};
    if (s.status === "PENDING") {
      setStatus(s, "CANCELLED");
    } else {
      setStatus(s, "TERMINATING");
      await s.kernel?.kill();
      s.current?.kernelGone();
      setStatus(s, "TERMINATED");
    }
    s.terminatedAt = new Date();
    s.kernel = null;
    rmSync(join(this.rootDir, s.id), { recursive: true, force: true });
  }

  /** The agent's watchdog (spec §5.2): the run reports exec-timeout, then the container is destroyed. */
  execTimeout(s: Session, run: Run): void {
    if (run.finished || s.current !== run) return;
    run.execTimedOut();
    s.statusInfo = "exec-timeout";
    setStatus(s, "TERMINATING");
    void s.kernel?.kill();
    // Destroy once the client has seen the exec-timeout result, or after a grace period.
    const grace = new Promise((r) => setTimeout(r, 5_000).unref());
    void Promise.race([run.timeoutDelivered, grace]).then(() => (isActive(s) ? this.terminate(s, { reason: "exec-timeout" }) : undefined));
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.all.values()].filter(isActive).map((s) => this.terminate(s, { reason: "agent-termination" })));
  }
}
