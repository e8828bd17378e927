// One embedded R: webR in a kernel process of its own (kernel-process.ts) with the runner (and the
// IDE helpers) installed, its output queue pumped into the running Execution, and the interrupt and
// death handling webR leaves to its caller.
import { KernelError } from "@/server/errors";
import { Execution } from "./execution";
import type { FileAccess } from "./files";
import { KernelProcess, type RemoteRObject } from "./kernel-process";
import { IDE_R } from "./ide.R";
import { toRString } from "@/server/kernels/r-literal";
import { RUNNER_R } from "./runner.R";
import { WORKER_HOOKS_JS } from "./worker-hooks";
import { routeWorkerMessage, type Routed } from "./worker-message";

export type RSessionStartOptions = { signal?: AbortSignal; timeoutMs: number; memoryLimitMb: number };
export type QueryOptions = { timeoutMs: number; signal?: AbortSignal };

/** Console output goes to the output queue as it happens, not into a list returned at the end. */
const STREAMING = { captureStreams: false, captureConditions: false } as const;

export class RSession {
  /** e.g. "R 4.6.0 (webR 0.6.0)" */
  readonly runtime: string;
  /** e.g. "4.6.0" */
  readonly rVersion: string;
  private current: Execution | undefined;
  private interruptWanted = false;
  private closeReason: string | undefined;
  private dead = false;

  private constructor(
    private readonly webR: KernelProcess,
    private readonly runner: RemoteRObject,
    private readonly ide: RemoteRObject,
    rVersion: string,
  ) {
    this.rVersion = rVersion;
    this.runtime = `R ${rVersion} (webR ${webR.version})`;
    this.pump().catch((cause: unknown) => this.die("The R process's output could not be read.", cause));
  }

  /** Starts a kernel process, installs the runner and waits until R answers; KernelError on failure. */
  static async start(options: RSessionStartOptions): Promise<RSession> {
    let webR: KernelProcess | undefined;
    try {
      webR = await KernelProcess.spawn({ memoryLimitMb: options.memoryLimitMb });
      return await withDeadline(RSession.boot(webR), options);
    } catch (cause) {
      webR?.close();
      if (cause instanceof KernelError || options.signal?.aborted) throw cause;
      throw new KernelError("START_FAILED", "The embedded R (webR) could not start.", { cause });
    }
  }

  private static async boot(webR: KernelProcess): Promise<RSession> {
    await webR.init();
    await webR.evalRVoid(`webr::eval_js(${toRString(WORKER_HOOKS_JS)})`, { captureStreams: false });
    const runner = await webR.evalR(RUNNER_R, { captureStreams: false });
    const ide = await webR.evalR(IDE_R, { captureStreams: false });
    const version = await webR.evalRString('paste(R.version$major, R.version$minor, sep = ".")');
    await webR.flush(); // the start-up banner, which belongs to no cell
    return new RSession(webR, runner, ide, version);
  }

  get alive(): boolean {
    return !this.dead;
  }

  /** A cell is running: from `run` until webR has answered for it. */
  get busy(): boolean {
    return this.current !== undefined;
  }

  /** Runs a cell; the caller makes sure the session is alive and not busy. */
  run(code: string): Execution {
    const execution = new Execution();
    let call: string;
    try {
      call = `run(${toRString(code)})`;
    } catch (cause) {
      const evalue = cause instanceof Error ? cause.message : String(cause);
      execution.push({ type: "error", ename: "Error", evalue, traceback: [`Error: ${evalue}`] });
      execution.finish();
      return execution;
    }
    this.current = execution;
    this.interruptWanted = false;
    this.webR.evalRVoid(call, { env: this.runner, ...STREAMING }).then(
      () => this.onReplied(execution),
      (cause: unknown) => this.die(this.webR.exitReason ?? `The R process failed: ${String(cause)}`, cause),
    );
    return execution;
  }

  /**
   * Evaluates `call` in the private IDE environment (ide.R.ts) and gives its character result, or
   * null: while a cell runs (R does one thing at a time, so the IDE answers "nothing" at once rather
   * than wait behind the cell), when the session is dead, when R fails, or when no answer comes in time.
   */
  async query(call: string, options: QueryOptions): Promise<string[] | null> {
    if (this.dead || this.busy) return null;
    const answer = this.webR.evalRRaw(call, "string[]", { env: this.ide, captureStreams: true, captureConditions: true });
    return settleWithin(answer, options);
  }

  /** webR's file system API and a quiet R evaluator, for file work while no cell runs (kernel.ts sees to that). */
  fileAccess(): FileAccess {
    const quiet = { captureStreams: true, captureConditions: true } as const;
    return { fs: this.webR.FS, evalStrings: (code) => this.webR.evalRRaw(code, "string[]", quiet) };
  }

  /**
   * Interrupts the running cell once the runner has armed its handler. Before that the request
   * waits for the "start" record; after webR's reply there is nothing left to interrupt (and
   * webR's own interrupt would then discard the next request), so it is dropped.
   */
  interrupt(): void {
    const execution = this.current;
    if (!execution || this.interruptWanted) return;
    this.interruptWanted = true;
    if (execution.started) this.webR.interrupt();
  }

  /** Stops the kernel process; a running cell fails with KernelError "DEAD" carrying `reason`. */
  close(reason: string): void {
    if (this.dead) return;
    this.closeReason = reason;
    this.webR.close();
    this.die(reason);
  }

  private async pump(): Promise<void> {
    for (;;) {
      const routed = routeWorkerMessage(await this.webR.read());
      if (routed.kind === "closed") {
        this.die(this.closeReason ?? this.webR.exitReason ?? "The R process exited.");
        return;
      }
      this.route(routed);
    }
  }

  private route(routed: Exclude<Routed, { kind: "closed" }>): void {
    const execution = this.current;
    if (!execution) return;
    switch (routed.kind) {
      case "event":
        execution.push(routed.event);
        return;
      case "start":
        execution.started = true;
        if (this.interruptWanted) this.webR.interrupt();
        return;
      case "end":
        execution.endResult();
        execution.ended = true;
        return;
      case "result-start":
        execution.beginResult();
        return;
      case "result-end":
        execution.endResult();
        return;
      case "table":
        execution.attachTable(routed.table);
        return;
      case "ignored":
        return;
      default: {
        const unreachable: never = routed;
        return unreachable;
      }
    }
  }

  private onReplied(execution: Execution): void {
    const finish = () => {
      if (this.current === execution) this.current = undefined;
      execution.finish();
    };
    // The "end" record is posted before webR's reply and forwarded before it by the kernel
    // process, but the reply can be handled while records that came with it wait in the output
    // queue; those are routed before the next macrotask. If the runner could not post "end",
    // finish anyway rather than hang the consumer.
    if (execution.ended) finish();
    else setImmediate(finish);
  }

  private die(reason: string, cause?: unknown): void {
    if (this.dead) return;
    this.dead = true;
    if (this.closeReason === undefined) this.webR.close();
    const execution = this.current;
    this.current = undefined;
    execution?.fail(new KernelError("DEAD", reason, { cause }));
  }
}

async function withDeadline<T>(work: Promise<T>, options: RSessionStartOptions): Promise<T> {
  const { signal, timeoutMs } = options;
  work.catch(() => undefined); // a late failure after the deadline has nobody left to tell
  signal?.throwIfAborted();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new KernelError("TIMEOUT", `webR did not start within ${timeoutMs} ms.`)), timeoutMs);
    onAbort = () => reject(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([work, stop]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}

/** The value of `work`, or null if it fails, takes longer than `timeoutMs` or `signal` aborts. */
async function settleWithin<T>(work: Promise<T>, options: QueryOptions): Promise<T | null> {
  const { signal, timeoutMs } = options;
  if (signal?.aborted) return null;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const giveUp = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
    onAbort = () => resolve(null);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([work.catch(() => null), giveUp]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}
