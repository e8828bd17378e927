// Why: one execution (runId) of a session: buffers console output between polls and answers each
// execute/continue/input call after a terminal record or the manager's flush window (spec §5.2).
import { appendConsole, type ConsoleItem, type ExecResult } from "./console";
import type { KernelEvent } from "./kernel";

type RunState = "running" | "waiting-input" | "finished" | "exec-timeout";

export class Run {
  private items: ConsoleItem[] = [];
  private state: RunState = "running";
  private exitCode: number | null = null;
  private killed = false;
  private wake: (() => void) | null = null;
  private doneWaiters: (() => void)[] = [];
  private markDelivered: () => void = () => {};
  /** Resolves once a poll has handed out the run's exec-timeout result. */
  readonly timeoutDelivered = new Promise<void>((resolve) => (this.markDelivered = resolve));

  constructor(readonly id: string) {}

  /** No more output will come: finished, or stopped by the agent's exec timeout. */
  get finished(): boolean {
    return this.state === "finished" || this.state === "exec-timeout";
  }

  onEvent = (e: KernelEvent): void => {
    switch (e.kind) {
      case "output":
        appendConsole(this.items, e.item);
        return;
      case "input":
        this.setState("waiting-input");
        return;
      case "done":
        if (this.finished) return;
        this.exitCode = e.exitCode;
        this.setState("finished");
        return;
      case "exit":
        this.kernelGone();
        return;
      default: {
        const never: never = e;
        throw new Error(`unknown kernel event ${String(never)}`);
      }
    }
  };

  /** The agent returned nothing (kernel died): finished, exitCode 130, empty console (spec §5.2). */
  kernelGone(): void {
    if (this.finished) return;
    this.killed = true;
    this.exitCode = 130;
    this.items = [];
    this.setState("finished");
  }

  /** The agent's watchdog stopped the run: output so far, then status exec-timeout (fixture execute-exec-timeout). */
  execTimedOut(): void {
    if (!this.finished) this.setState("exec-timeout");
  }

  resumeAfterInput(): void {
    if (this.state === "waiting-input") this.state = "running";
  }

  get waitingInput(): boolean {
    return this.state === "waiting-input";
  }

  whenFinished(): Promise<void> {
    return this.finished ? Promise.resolve() : new Promise((r) => this.doneWaiters.push(r));
  }

  private setState(s: RunState): void {
    this.state = s;
    this.wake?.();
    if (this.finished) for (const r of this.doneWaiters.splice(0)) r();
  }

  /** Waits up to flushMs for a terminal record, then drains what has arrived. */
  async poll(flushMs: number): Promise<ExecResult> {
    if (this.state === "running") {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, flushMs);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = null;
    }
    const console = this.items;
    this.items = [];
    const base = { runId: this.id, files: [] as [], console };
    switch (this.state) {
      case "running":
        return { ...base, status: "continued", exitCode: null, options: null };
      case "waiting-input":
        return { ...base, status: "waiting-input", exitCode: null, options: { is_password: false } };
      case "finished":
        return { ...base, status: "finished", exitCode: this.exitCode, options: this.killed ? {} : null };
      case "exec-timeout":
        this.markDelivered();
        return { ...base, status: "exec-timeout", exitCode: null, options: null };
      default: {
        const never: never = this.state;
        throw new Error(`unknown run state ${String(never)}`);
      }
    }
  }
}
