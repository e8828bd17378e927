// One execute at a time per ML Server session (the server queues a second one behind the first):
// a cell holds its session until it ends, and a second cell fails with BUSY; the provider's own
// short requests (workspace listing, completion, restart) hold it briefly, and a cell arriving
// meanwhile waits for them instead of failing.
import { KernelError } from "@/server/errors";

export type Holder = "cell" | "ide";

type Hold = { holder: Holder; done: Promise<void> };

export class SessionLocks {
  private readonly holds = new Map<string, Hold>();

  /** Whether a cell is running in the session (what `status` reports as busy). */
  runningCell(sessionId: string): Promise<void> | undefined {
    const hold = this.holds.get(sessionId);
    return hold?.holder === "cell" ? hold.done : undefined;
  }

  isHeld(sessionId: string): boolean {
    return this.holds.has(sessionId);
  }

  /** Takes the session: waits while IDE requests hold it, fails with BUSY while a cell does. */
  async acquire(sessionId: string, holder: Holder): Promise<() => void> {
    for (let hold = this.holds.get(sessionId); hold; hold = this.holds.get(sessionId)) {
      if (hold.holder === "cell") throw new KernelError("BUSY", "This ML Server session is already running code.");
      await hold.done;
    }
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.set(sessionId, { holder, done });
    return () => {
      if (this.holds.get(sessionId)?.done === done) this.holds.delete(sessionId);
      release();
    };
  }

  /** Runs `work` holding the session. */
  async with<T>(sessionId: string, holder: Holder, work: () => Promise<T>): Promise<T> {
    const release = await this.acquire(sessionId, holder);
    try {
      return await work();
    } finally {
      release();
    }
  }
}
