// One subscriber's mailbox on the event bus: events handed over from memory, or a note that the
// database holds more (a NOTIFY from another instance, or more than the mailbox may keep).
import type { NotebookEvent } from "@/server/contracts/events";

/** A slow reader is not allowed to pile up memory: past this, it reads the database instead. */
const MAX_BUFFERED = 2_000;

export class BusSubscription {
  private events: NotebookEvent[] = [];
  private stale = false;
  private wakeUp: (() => void) | undefined;

  deliver(events: NotebookEvent[] | null): void {
    if (!events || this.stale || this.events.length + events.length > MAX_BUFFERED) {
      this.stale = true;
      this.events = [];
    } else {
      this.events.push(...events);
    }
    const wake = this.wakeUp;
    this.wakeUp = undefined;
    wake?.();
  }

  /** What arrived since the last call; `stale`: read the database for the rest. */
  take(): { events: NotebookEvent[]; stale: boolean } {
    const taken = { events: this.events, stale: this.stale };
    this.events = [];
    this.stale = false;
    return taken;
  }

  /** Waits for a delivery; resolves `true` if `timeoutMs` passed first (or on abort) without one. */
  wait(options: { timeoutMs: number; signal?: AbortSignal }): Promise<boolean> {
    if (this.events.length || this.stale) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (timedOut: boolean) => {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
        this.wakeUp = undefined;
        resolve(timedOut);
      };
      const onAbort = () => done(true);
      const timer = setTimeout(() => done(true), options.timeoutMs);
      options.signal?.addEventListener("abort", onAbort, { once: true });
      this.wakeUp = () => done(false);
    });
  }
}
