// Wakes event subscribers when events are stored: in-process at once, and across app instances
// through PostgreSQL LISTEN/NOTIFY (a trigger on ExecutionEvent sends the notification).
import "server-only";
import pg from "pg";

const CHANNEL = "kb_execution_events";
type Waiter = () => void;

export class EventBus {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly connectionString: string) {}

  /** Starts listening (idempotent); reconnects by itself if the connection drops. */
  listen(): Promise<void> {
    this.connecting ??= this.connect().catch((e) => {
      this.connecting = null;
      throw e;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on("notification", (msg) => {
      const notebookId = msg.payload?.split(":")[0];
      if (notebookId) this.wake(notebookId);
    });
    client.on("error", () => this.reconnectSoon(client));
    client.on("end", () => this.reconnectSoon(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }

  private reconnectSoon(client: pg.Client) {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.connecting = null;
    // Subscribers poll meanwhile (see nextWake's timeout), so nothing is missed while reconnecting.
    setTimeout(() => void this.listen().catch(() => this.reconnectSoonAfterFailure()), 500).unref();
  }

  private reconnectSoonAfterFailure() {
    if (!this.closed) setTimeout(() => void this.listen().catch(() => this.reconnectSoonAfterFailure()), 2_000).unref();
  }

  /** Wakes this process's subscribers of a notebook now (the NOTIFY will follow for the others). */
  wake(notebookId: string): void {
    const set = this.waiters.get(notebookId);
    if (!set) return;
    this.waiters.delete(notebookId);
    for (const w of set) w();
  }

  /**
   * A promise that settles at the next wake for the notebook, after `timeoutMs`, or on abort.
   * Register it *before* reading the database so no event can slip between the read and the wait.
   */
  nextWake(notebookId: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<void> {
    return new Promise((resolve) => {
      let set = this.waiters.get(notebookId);
      if (!set) this.waiters.set(notebookId, (set = new Set()));
      const done = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", done);
        this.waiters.get(notebookId)?.delete(done);
        resolve();
      };
      const timer = setTimeout(done, options.timeoutMs);
      options.signal?.addEventListener("abort", done, { once: true });
      set.add(done);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
