// One webR kernel under a stable remote id: the R session behind it can be replaced (restart)
// while the id lives on; enforces one execution at a time (a second one gets KernelError "BUSY"),
// and keeps file work and cells apart (a cell waits for a file being written).
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import type { ExecuteOptions, KernelStatus } from "../../types";
import type { FileAccess } from "./files";
import { RSession, type QueryOptions } from "./r-session";

export type WebRKernelOptions = { startTimeoutMs: number; memoryLimitMb: number };

export class WebRKernel {
  private session: RSession | undefined;
  private starting: Promise<RSession> | undefined;
  private shutDown = false;
  /** File work under way: cells wait for it, status reads "busy". */
  private readonly fileWork = new Set<Promise<void>>();

  constructor(private readonly options: WebRKernelOptions) {}

  /** Starts (or, after a restart, replaces) the R session; resolves with the running session. */
  async start(signal?: AbortSignal): Promise<RSession> {
    if (this.starting) throw new KernelError("BUSY", "The kernel is already starting.");
    const starting = RSession.start({ signal, timeoutMs: this.options.startTimeoutMs, memoryLimitMb: this.options.memoryLimitMb });
    this.starting = starting;
    try {
      const session = await starting;
      if (this.shutDown) {
        session.close("The kernel was shut down.");
        throw new KernelError("NOT_FOUND", "The kernel was shut down while it started.");
      }
      this.session = session;
      return session;
    } finally {
      this.starting = undefined;
    }
  }

  async restart(): Promise<void> {
    if (this.starting) throw new KernelError("BUSY", "The kernel is already starting.");
    this.session?.close("The kernel was restarted.");
    this.session = undefined;
    await this.start();
  }

  shutdown(): void {
    this.shutDown = true;
    this.session?.close("The kernel was shut down.");
    this.session = undefined;
  }

  status(): KernelStatus {
    if (this.starting) return "starting";
    if (!this.session?.alive) return "dead";
    return this.session.busy || this.fileWork.size > 0 ? "busy" : "idle";
  }

  async *execute(options: ExecuteOptions): AsyncGenerator<ExecEvent, void, undefined> {
    options.signal?.throwIfAborted();
    while (this.fileWork.size > 0) await Promise.all(this.fileWork);
    const session = this.session;
    if (this.starting) throw new KernelError("BUSY", "The kernel is starting.");
    if (!session?.alive) throw new KernelError("DEAD", "The kernel is not running; restart it.");
    if (session.busy) throw new KernelError("BUSY", "The kernel is already running code.");
    yield* session.run(options.code).events(options.signal);
  }

  /**
   * Runs file work (files.ts) on the R session while no cell runs: R does one thing at a time, so
   * during a cell it would wait behind it; KernelError "BUSY" then. A cell started meanwhile waits.
   */
  async files<T>(work: (access: FileAccess) => Promise<T>): Promise<T> {
    const session = this.session;
    if (this.starting) throw new KernelError("BUSY", "The kernel is starting; try again in a moment.");
    if (!session?.alive) throw new KernelError("DEAD", "The kernel is not running; restart it.");
    if (session.busy) throw new KernelError("BUSY", "The kernel is running a cell; its files can be reached again when the cell ends.");
    const done = work(session.fileAccess());
    const settled = done.then(() => undefined, () => undefined);
    this.fileWork.add(settled);
    try {
      return await done;
    } finally {
      this.fileWork.delete(settled);
    }
  }

  interrupt(): void {
    this.session?.interrupt();
  }

  /** Asks the IDE helpers of the R session (see RSession.query); null while starting, busy or dead. */
  async query(call: string, options: QueryOptions): Promise<string[] | null> {
    if (this.starting || !this.session) return null;
    return this.session.query(call, options);
  }
}
