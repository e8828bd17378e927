// Stores an execution's events in order, each before anyone is told of it: coalesces bursts of
// stream text into one row, and enforces the per-execution output cap with one visible marker.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { StoredEvent } from "@/server/contracts/outputs";

const COALESCE_MS = 20;
const COALESCE_MAX_CHARS = 64 * 1024;
const ERROR_TEXT_MAX = 64 * 1024;

export type EventWriterOptions = {
  executionId: string;
  notebookId: string;
  limitBytes: number;
  /** Called after each row is stored (e.g. to wake this process's subscribers). */
  onStored?: (notebookId: string) => void;
};

export class ExecutionEventWriter {
  private seq = 0;
  private bytes = 0;
  private truncated = false;
  private pending: { name: "stdout" | "stderr"; text: string } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db, private readonly options: EventWriterOptions) {}

  get outputBytes(): number { return this.bytes; }
  get wasTruncated(): boolean { return this.truncated; }

  /** Queues an event; stream text may wait a few ms to be merged with what follows. */
  append(event: StoredEvent): Promise<void> {
    if (event.type === "stream") return this.appendStream(event.name, event.text);
    this.takePending();
    return this.enqueue(event);
  }

  /**
   * Stores a status event in one statement with row updates that must commit with it (e.g. the
   * Execution's own status), so a reader never sees the event without them: atomic, one round trip.
   */
  appendStatus(event: Extract<StoredEvent, { type: "status" }>, updates: Prisma.Sql[]): Promise<void> {
    this.takePending();
    this.chain = this.chain.then(() => this.insert(event, updates));
    return this.chain;
  }

  /** Writes whatever is buffered; resolves when every appended event is stored. */
  flush(): Promise<void> {
    this.takePending();
    return this.chain;
  }

  private appendStream(name: "stdout" | "stderr", text: string): Promise<void> {
    if (this.pending && this.pending.name !== name) this.takePending();
    this.pending = this.pending ? { name, text: this.pending.text + text } : { name, text };
    if (this.pending.text.length >= COALESCE_MAX_CHARS) this.takePending();
    else this.timer ??= setTimeout(() => this.takePending(), COALESCE_MS);
    return this.chain;
  }

  private takePending(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const pending = this.pending;
    this.pending = null;
    if (pending) void this.enqueue({ type: "stream", ...pending });
  }

  private enqueue(event: StoredEvent): Promise<void> {
    this.chain = this.chain.then(() => this.store(event));
    return this.chain;
  }

  private async store(event: StoredEvent): Promise<void> {
    for (const row of this.capped(event)) await this.insert(row);
  }

  /** What of `event` fits under the cap: the event, part of its text, and/or the truncation marker. */
  private capped(event: StoredEvent): StoredEvent[] {
    if (event.type === "status" || event.type === "truncated") return [event];
    if (event.type === "error") {
      return [{ ...event, evalue: event.evalue.slice(0, ERROR_TEXT_MAX), traceback: event.traceback.slice(0, 200) }];
    }
    if (this.truncated) return [];
    const size = Buffer.byteLength(JSON.stringify(event));
    if (this.bytes + size <= this.options.limitBytes) {
      this.bytes += size;
      return [event];
    }
    this.truncated = true;
    const marker: StoredEvent = { type: "truncated", limitBytes: this.options.limitBytes };
    if (event.type !== "stream") return [marker];
    const room = Math.max(0, this.options.limitBytes - this.bytes - 64);
    const head = Buffer.from(event.text).subarray(0, room).toString("utf8").replace(/\uFFFD$/, "");
    this.bytes += Buffer.byteLength(head);
    return head ? [{ ...event, text: head }, marker] : [marker];
  }

  private async insert(event: StoredEvent, updates: Prisma.Sql[] = []): Promise<void> {
    const seq = ++this.seq;
    const { executionId, notebookId } = this.options;
    // Data-modifying CTEs run whether or not the INSERT refers to them.
    const ctes = updates.length
      ? Prisma.sql`WITH ${Prisma.join(updates.map((u, i) => Prisma.sql`${Prisma.raw(`u${i}`)} AS (${u})`), ", ")} `
      : Prisma.empty;
    await this.db.$executeRaw`${ctes}
      INSERT INTO "ExecutionEvent" ("executionId", "notebookId", "seq", "type", "payload")
      VALUES (${executionId}, ${notebookId}, ${seq}, ${event.type}, ${JSON.stringify(event)}::jsonb)`;
    this.options.onStored?.(notebookId);
  }
}
