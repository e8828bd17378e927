// Why: the sessions of the test web node (§2): per-user, each with its own shell and working
// directory, remembered after they are closed or lost so later calls answer 404 (or 410).
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { MlApiError } from "./errors";
import type { Faults } from "./faults";
import { Kernel, type Runtime } from "./kernel";

export type Session = {
  id: string;
  name: string;
  owner: string;
  runtime: Runtime;
  kernel: Kernel;
  workDir: string;
  /** Code blocks executed, in order (§2.6). */
  history: string[];
  /** Console text of the current or last execution (§2.5 console-output). */
  console: string;
  /** Executions of one session run one after another. */
  tail: Promise<unknown>;
};

export class SessionStore {
  private readonly live = new Map<string, Session>();
  /** Closed or lost sessions: id → owner. */
  private readonly gone = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly root: string, private readonly faults: Faults) {}

  async create(opts: { owner: string; name?: string; runtime: Runtime }): Promise<Session> {
    if (this.faults.busy503 || this.live.size >= this.faults.maxSessions) {
      throw new MlApiError("BUSY", "Server busy: no free shell on the compute node.", { shape: "empty" });
    }
    const id = randomUUID();
    const dir = join(this.root, id);
    const workDir = join(dir, "wd");
    mkdirSync(workDir, { recursive: true });
    const session: Session = {
      id, name: opts.name ?? id.replace(/-/g, "").slice(0, 15), owner: opts.owner, runtime: opts.runtime,
      kernel: new Kernel({ runtime: opts.runtime, workDir, ctlDir: join(dir, "ctl"), onExit: () => this.lose(id) }),
      workDir, history: [], console: "", tail: Promise.resolve(),
    };
    this.live.set(id, session);
    try {
      await session.kernel.ready;
    } catch (cause) {
      await this.close(id);
      throw new MlApiError("INTERNAL", `The ${opts.runtime} shell did not start.`, { cause });
    }
    return session;
  }

  list(owner: string): Session[] {
    return [...this.live.values()].filter((s) => s.owner === owner);
  }

  get count(): number {
    return this.live.size;
  }

  /** The caller's live session; 404 otherwise, or `goneStatus` for one that existed (§2.8: 410 Gone). */
  get(owner: string, id: string, opts: { goneStatus?: "GONE" } = {}): Session {
    const s = this.live.get(id);
    if (s && s.owner === owner) return s;
    if (opts.goneStatus && this.gone.get(id) === owner) throw new MlApiError(opts.goneStatus, `Session '${id}' is gone.`);
    throw new MlApiError("NOT_FOUND", `Session '${id}' not found.`);
  }

  async close(id: string): Promise<void> {
    const s = this.live.get(id);
    if (!s) return;
    this.live.delete(id);
    this.gone.set(id, s.owner);
    await s.kernel.kill();
    rmSync(join(this.root, id), { recursive: true, force: true });
  }

  /** The server loses the session, now or later (even mid-run): the shell dies, calls answer 404. */
  drop(id: string, afterMs = 0): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      void this.close(id);
    }, afterMs);
    this.timers.add(t);
  }

  async closeAll(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    await Promise.all([...this.live.keys()].map((id) => this.close(id)));
  }

  /** The shell died on its own. */
  private lose(id: string): void {
    void this.close(id);
  }
}
