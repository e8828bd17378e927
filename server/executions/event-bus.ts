// Tells event subscribers when events are stored: in-process at once, with the committed events
// themselves, and across app instances through PostgreSQL LISTEN/NOTIFY (a trigger on
// ExecutionEvent sends the notification; those subscribers then read the database once per burst).
import "server-only";
import pg from "pg";
import type { NotebookEvent } from "@/server/contracts/events";
import { BusSubscription } from "./bus-subscription";

const CHANNEL = "kb_execution_events";

export class EventBus {
  private readonly subscribers = new Map<string, Set<BusSubscription>>();
  /** Per notebook with subscribers: the highest event id this process published itself. */
  private readonly publishedUpTo = new Map<string, bigint>();
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
    client.on("notification", (msg) => this.notified(msg.payload));
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
    // Subscribers poll meanwhile (see BusSubscription.wait's timeout), so nothing is missed while reconnecting.
    setTimeout(() => void this.listen().catch(() => this.reconnectSoonAfterFailure()), 500).unref();
  }

  private reconnectSoonAfterFailure() {
    if (!this.closed) setTimeout(() => void this.listen().catch(() => this.reconnectSoonAfterFailure()), 2_000).unref();
  }

  /** Subscribes to a notebook's events; subscribe *before* reading the database so nothing slips between. */
  subscribe(notebookId: string): BusSubscription {
    const sub = new BusSubscription();
    let set = this.subscribers.get(notebookId);
    if (!set) this.subscribers.set(notebookId, (set = new Set()));
    set.add(sub);
    return sub;
  }

  unsubscribe(notebookId: string, sub: BusSubscription): void {
    const set = this.subscribers.get(notebookId);
    set?.delete(sub);
    if (set?.size === 0) {
      this.subscribers.delete(notebookId);
      this.publishedUpTo.delete(notebookId);
    }
  }

  /**
   * Hands events this process just committed to its own subscribers, straight from memory (the
   * NOTIFY that follows wakes the other instances). `null`: something was stored; read it.
   */
  publish(notebookId: string, events: NotebookEvent[] | null): void {
    const set = this.subscribers.get(notebookId);
    if (!set) return;
    if (events?.length) {
      const last = BigInt(events.at(-1)!.id);
      if (last > (this.publishedUpTo.get(notebookId) ?? 0n)) this.publishedUpTo.set(notebookId, last);
    }
    for (const sub of set) sub.deliver(events);
  }

  /** Wakes this process's subscribers of a notebook to read what was stored. */
  wake(notebookId: string): void {
    this.publish(notebookId, null);
  }

  private notified(payload: string | undefined): void {
    const [notebookId, id] = payload?.split(":") ?? [];
    if (!notebookId || !this.subscribers.has(notebookId)) return;
    // Our own commit, already handed over from memory.
    if (id && /^\d+$/.test(id) && BigInt(id) <= (this.publishedUpTo.get(notebookId) ?? 0n)) return;
    this.publish(notebookId, null);
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
