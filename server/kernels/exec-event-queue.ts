// The buffer between a kernel's callbacks and the consumer of `execute`, shared by providers:
// events in order (stream chunks already waiting merged into one), then the end: done, or the
// failure thrown once the buffer is drained. A consumer that stops listening drops what follows.
import type { ExecEvent } from "@/server/contracts/outputs";
import type { KernelError } from "@/server/errors";

type Outcome = { kind: "done" } | { kind: "failed"; error: KernelError };

export class ExecEventQueue {
  private readonly buffer: ExecEvent[] = [];
  private outcome: Outcome | undefined;
  private detached = false;
  private wake: (() => void) | undefined;

  get settled(): boolean {
    return this.outcome !== undefined;
  }

  /** Adds an event; ignored once the queue is settled or nobody listens any more. */
  push(event: ExecEvent): void {
    if (this.outcome || this.detached) return;
    const last = this.buffer.at(-1);
    if (event.type === "stream" && last?.type === "stream" && last.name === event.name) last.text += event.text;
    else this.buffer.push(event.type === "stream" ? { ...event } : event);
    this.notify();
  }

  /** No more events will come; the iterator ends once the buffer is drained. */
  finish(): void {
    this.settle({ kind: "done" });
  }

  /** The kernel failed under the cell: the iterator throws `error` once the buffer is drained. */
  fail(error: KernelError): void {
    this.settle({ kind: "failed", error });
  }

  /** Yields events in order until the queue settles; `signal` stops the waiting early. */
  async *events(signal?: AbortSignal): AsyncGenerator<ExecEvent, void, undefined> {
    try {
      for (;;) {
        signal?.throwIfAborted();
        const event = this.buffer.shift();
        if (event) {
          yield event;
          continue;
        }
        if (this.outcome?.kind === "done") return;
        if (this.outcome?.kind === "failed") throw this.outcome.error;
        await this.nextChange(signal);
      }
    } finally {
      this.detached = true;
      this.buffer.length = 0;
    }
  }

  private settle(outcome: Outcome): void {
    if (this.outcome) return;
    this.outcome = outcome;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private nextChange(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const onAbort = () => resolve();
      signal?.addEventListener("abort", onAbort, { once: true });
      this.wake = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
    });
  }
}
