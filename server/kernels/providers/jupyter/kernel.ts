// One kernel on the Jupyter server: its WebSocket connection (@jupyterlab/services), one cell at a
// time, and death detection. A kernel whose process dies is "dead" here until `restart`, even when
// the server auto-restarts it: its workspace is gone, and the user should know.
import { KernelConnection, type Kernel } from "@jupyterlab/services";
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import type { ExecuteOptions, KernelStatus } from "../../types";
import { withDeadline, type DeadlineOptions, type FailureListeners } from "./deadline";
import { Execution } from "./execution";
import type { JupyterRest } from "./rest";
import { ZKernelInfo, type KernelInfo } from "./schemas";
import { setUpRKernel } from "./setup-r-kernel";

export type KernelTimeouts = { requestTimeoutMs: number; startTimeoutMs: number; reconnectGraceMs: number };

/** How long one connection attempt waits for the kernel after a server-side auto-restart. */
const PROBE_MS = 3000;
const DIED = "The kernel died: its process ended (killed, crashed or out of memory). Restart the kernel to go on.";

export class JupyterKernel {
  info: KernelInfo | undefined;
  private connection: KernelConnection | undefined;
  private connecting: Promise<KernelConnection> | undefined;
  private active: Execution | undefined;
  private deathReason: string | undefined;
  private restarting = false;
  /** The server is replacing (or replaced) the dead process by itself (its auto-restart). */
  private serverRestarted = false;
  private closed = false;
  private graceTimer: NodeJS.Timeout | undefined;
  /** Connections whose own reconnect after a server-side auto-restart is still in flight. */
  private readonly autorestarting = new WeakSet<KernelConnection>();
  private readonly failures: FailureListeners = new Set();

  constructor(
    readonly id: string,
    private readonly specName: string,
    private readonly rest: JupyterRest,
    private readonly timeouts: KernelTimeouts,
  ) {}

  /** Connects (once) and waits until the kernel answered kernel_info and is idle. */
  async ready(signal?: AbortSignal): Promise<KernelInfo> {
    const connection = await this.connect(signal);
    if (connection.status !== "idle") await this.until(idleSignal(connection), { timeoutMs: this.timeouts.startTimeoutMs, what: "become idle", signal });
    return this.info ?? { implementation: "", language_info: { name: "" } };
  }

  async *execute(options: ExecuteOptions): AsyncGenerator<ExecEvent, void, undefined> {
    options.signal?.throwIfAborted();
    this.assertUsable();
    if (this.active) throw new KernelError("BUSY", "The kernel is already running code.");
    const run = new Execution();
    this.active = run;
    try {
      const connection = await this.connect(options.signal);
      const future = connection.requestExecute({ code: options.code, silent: false, store_history: true, allow_stdin: true, stop_on_error: true });
      run.attach(future, { valuesAsDisplayData: this.info?.implementation === "IRkernel" }, () => {
        if (this.active === run) this.active = undefined;
      });
    } catch (e) {
      if (this.active === run) this.active = undefined;
      throw e instanceof KernelError ? e : new KernelError("DEAD", "The kernel connection failed.", { cause: e });
    }
    yield* run.events(options.signal);
  }

  /** Answers the running cell's pending input_request. */
  sendInput(value: string): void {
    if (!this.active?.answer(value)) throw new KernelError("NOT_FOUND", "The kernel is not waiting for input.");
  }

  /**
   * Runs a request on the shell channel (completion, help, the workspace listing) with the
   * request timeout; BUSY while a cell runs, since the kernel answers only once it is idle.
   */
  async request<T>(send: (connection: KernelConnection) => Promise<T>, options: Omit<DeadlineOptions, "timeoutMs">): Promise<T> {
    this.assertUsable();
    if (this.active) throw new KernelError("BUSY", "The kernel is running a cell; try again when it is idle.");
    const connection = await this.connect(options.signal);
    return this.until(send(connection), { ...options, timeoutMs: this.timeouts.requestTimeoutMs });
  }

  async restart(): Promise<void> {
    if (this.restarting) throw new KernelError("BUSY", "The kernel is already restarting.");
    this.restarting = true;
    try {
      this.failActive(new KernelError("DEAD", "The kernel was restarted while this cell ran."));
      const replaced = this.deathReason && this.serverRestarted && (await this.reconnectAfterAutoRestart());
      if (!replaced) {
        this.drop();
        await this.rest.restartKernel(this.id);
      }
      this.deathReason = undefined;
      this.serverRestarted = false;
      await this.ready();
    } finally {
      this.restarting = false;
    }
  }

  /**
   * After a death the server restarts the process itself (new ports). A restart request then races
   * that (jupyter_client starts two processes on the same ports), and a WebSocket opened before the
   * new ports are known never hears from the kernel: so connect afresh until the kernel answers.
   * False if it does not (then a restart request is the way).
   */
  private async reconnectAfterAutoRestart(): Promise<boolean> {
    const deadline = Date.now() + this.timeouts.startTimeoutMs;
    for (;;) {
      this.drop();
      try {
        await this.open(undefined, PROBE_MS);
        return true;
      } catch (e) {
        const timedOut = e instanceof KernelError && e.code === "TIMEOUT";
        if (!timedOut || Date.now() + PROBE_MS > deadline) return false;
      }
    }
  }

  /** Forgets the kernel (after it was shut down): a running cell fails with `reason`. */
  close(reason: string): void {
    this.closed = true;
    this.failActive(new KernelError("DEAD", reason));
    this.drop();
  }

  /** What this connection knows of the kernel's status; undefined when only the server knows. */
  knownStatus(): KernelStatus | undefined {
    if (this.restarting) return "starting";
    if (this.deathReason) return "dead";
    if (this.active) return "busy";
    const connection = this.connection;
    if (!connection || connection.isDisposed || connection.connectionStatus !== "connected") return undefined;
    return toKernelStatus(connection.status);
  }

  private assertUsable(): void {
    if (this.closed) throw new KernelError("NOT_FOUND", `No Jupyter kernel with id ${this.id}.`);
    if (this.deathReason) throw new KernelError("DEAD", this.deathReason);
    if (this.restarting) throw new KernelError("BUSY", "The kernel is restarting.");
  }

  private until<T>(promise: Promise<T>, options: DeadlineOptions): Promise<T> {
    return withDeadline(promise, { ...options, failures: this.failures });
  }

  private connect(signal?: AbortSignal): Promise<KernelConnection> {
    const current = this.connection;
    if (current && !current.isDisposed && current.connectionStatus !== "disconnected" && this.info) return Promise.resolve(current);
    this.connecting ??= this.open(signal).finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(signal?: AbortSignal, timeoutMs = this.timeouts.startTimeoutMs): Promise<KernelConnection> {
    this.drop();
    const connection = new KernelConnection({ model: { id: this.id, name: this.specName }, serverSettings: this.rest.settings, handleComms: false });
    this.connection = connection;
    connection.statusChanged.connect(this.onStatus, this);
    connection.connectionStatusChanged.connect(this.onConnectionStatus, this);
    try {
      const reply = await this.until(connection.info, { timeoutMs, what: "answer (kernel_info)", signal });
      const info = ZKernelInfo.safeParse(reply);
      if (!info.success) throw new KernelError("START_FAILED", "The kernel's kernel_info_reply is not one Kernelbook can read.", { cause: info.error });
      this.info = info.data;
      // Awaited so the kernel is idle and fully set up when start() returns; it never throws.
      await setUpRKernel(connection, { kernelId: this.id, info: info.data, timeoutMs: this.timeouts.startTimeoutMs });
      return connection;
    } catch (e) {
      if (this.connection === connection) this.drop();
      throw e;
    }
  }

  private onStatus(sender: Kernel.IKernelConnection, status: Kernel.Status): void {
    if (sender !== this.connection) return;
    if (status === "restarting" || status === "autorestarting") {
      this.autorestarting.add(this.connection);
      this.serverRestarted = true;
    }
    if (status === "dead") this.serverRestarted = false;
    if (this.restarting || this.closed || this.deathReason) return;
    if (status === "restarting" || status === "autorestarting" || status === "dead") this.die(DIED);
  }

  private onConnectionStatus(sender: Kernel.IKernelConnection, status: Kernel.ConnectionStatus): void {
    const connection = this.connection;
    if (sender !== connection) return;
    clearTimeout(this.graceTimer);
    if (status !== "connecting") this.autorestarting.delete(connection);
    const lost = () => this.fail(new KernelError("DEAD", `The connection to the Jupyter server at ${this.rest.where} was lost while the kernel ran; its output from then on is lost.`));
    if (status === "disconnected") {
      this.drop();
      lost();
    } else if (status === "connecting" && this.active && !this.deathReason) {
      this.graceTimer = setTimeout(() => {
        this.drop();
        lost();
      }, this.timeouts.reconnectGraceMs);
    }
  }

  private die(reason: string): void {
    this.deathReason = reason;
    this.fail(new KernelError("DEAD", reason));
    this.drop(); // `restart` connects afresh; no socket is kept for a dead kernel
  }

  /** The running cell and every pending wait fail with `error`. */
  private fail(error: KernelError): void {
    this.failActive(error);
    for (const listener of [...this.failures]) listener(error);
  }

  private failActive(error: KernelError): void {
    const run = this.active;
    this.active = undefined;
    run?.fail(error);
  }

  /**
   * Lets go of the connection. One still reconnecting after an auto-restart is disposed once that
   * reconnect settled (after its own listener ran, hence the timeout): disposing it earlier rejects
   * a promise of @jupyterlab/services that nobody awaits.
   */
  private drop(): void {
    const connection = this.connection;
    this.connection = undefined;
    clearTimeout(this.graceTimer);
    if (!connection || connection.isDisposed) return;
    if (!this.autorestarting.has(connection)) return connection.dispose();
    const later = (_: unknown, status: Kernel.ConnectionStatus) => {
      if (status === "connecting") return;
      connection.connectionStatusChanged.disconnect(later);
      setTimeout(() => connection.dispose(), 0);
    };
    connection.connectionStatusChanged.connect(later);
  }
}

function toKernelStatus(status: Kernel.Status): KernelStatus {
  switch (status) {
    case "idle":
    case "busy":
    case "dead":
      return status;
    case "terminating":
      return "dead";
    case "unknown":
    case "starting":
    case "restarting":
    case "autorestarting":
      return "starting";
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/** Resolves when the connection reports the kernel idle. */
function idleSignal(connection: KernelConnection): Promise<void> {
  return new Promise<void>((resolve) => {
    const onStatus = (_: unknown, status: Kernel.Status) => {
      if (status !== "idle") return;
      connection.statusChanged.disconnect(onStatus);
      resolve();
    };
    connection.statusChanged.connect(onStatus);
  });
}
