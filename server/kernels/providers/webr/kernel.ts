// One webR kernel under a stable remote id: the R session behind it can be replaced (restart)
// while the id lives on; enforces one execution at a time (a second one gets KernelError "BUSY").
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import type { ExecuteOptions, KernelStatus } from "../../types";
import { RSession, type QueryOptions } from "./r-session";

export type WebRKernelOptions = { startTimeoutMs: number };

export class WebRKernel {
  private session: RSession | undefined;
  private starting: Promise<RSession> | undefined;
  private shutDown = false;

  constructor(private readonly options: WebRKernelOptions) {}

  /** Starts (or, after a restart, replaces) the R session; resolves with the running session. */
  async start(signal?: AbortSignal): Promise<RSession> {
    if (this.starting) throw new KernelError("BUSY", "The kernel is already starting.");
    const starting = RSession.start({ signal, timeoutMs: this.options.startTimeoutMs });
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
    return this.session.busy ? "busy" : "idle";
  }

  async *execute(options: ExecuteOptions): AsyncGenerator<ExecEvent, void, undefined> {
    options.signal?.throwIfAborted();
    const session = this.session;
    if (this.starting) throw new KernelError("BUSY", "The kernel is starting.");
    if (!session?.alive) throw new KernelError("DEAD", "The kernel is not running; restart it.");
    if (session.busy) throw new KernelError("BUSY", "The kernel is already running code.");
    yield* session.run(options.code).events(options.signal);
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
