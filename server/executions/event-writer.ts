// Stores an execution's events in order, each before anyone is told of it: coalesces bursts of
// stream text into one row, commits what queued up meanwhile in one multi-row INSERT (group
// commit), retries through a database restart or outage with back-off (a failure never poisons
// what follows), and enforces the per-execution output cap with one visible marker.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { StoredEvent } from "@/server/contracts/outputs";
import type { NotebookEvent } from "@/server/contracts/events";
import { isTransientStorageError } from "./storage-errors";

/** A stream row takes more text while it waits for the commit in flight, up to this size. */
const COALESCE_MAX_BYTES = 64 * 1024;
const ERROR_TEXT_MAX = 64 * 1024;
const BATCH_MAX_ROWS = 500;
const BATCH_MAX_BYTES = 1024 * 1024;
const RETRY_FIRST_MS = 50;
const RETRY_MAX_MS = 2_000;
/** How long storage may stay unreachable before the execution's further output is given up. */
const OUTAGE_LIMIT_MS = 60_000;

export type EventWriterOptions = {
  executionId: string;
  notebookId: string;
  /** The execution's cell, so committed events can be pushed to this process's subscribers as they are. */
  cellId?: string | null;
  limitBytes: number;
  /** Called after each commit with the rows stored (null: stored, but which rows is not known). */
  onStored?: (notebookId: string, events: NotebookEvent[] | null) => void;
  /** Called once when storage stayed unreachable past the outage limit (output is dropped from then on). */
  onGiveUp?: () => void;
  outageLimitMs?: number;
};

/** `sent`: part of a commit attempt, so it takes no more text (a retry must store the same row). */
type Row = { seq: number; event: StoredEvent; bytes: number; updates: Prisma.Sql[]; sent?: boolean };
type Waiter = { seq: number; resolve: () => void };

export class ExecutionEventWriter {
  private seq = 0;
  private bytes = 0;
  private truncated = false;
  private gaveUp = false;
  private dropped = false;
  private readonly rows: Row[] = [];
  private waiters: Waiter[] = [];
  private pumping = false;
  private failingSince: number | null = null;

  constructor(private readonly db: Db, private readonly options: EventWriterOptions) {}

  get outputBytes(): number { return this.bytes; }
  get wasTruncated(): boolean { return this.truncated; }
  /** True while the last commit attempt failed and is being retried. */
  get failing(): boolean { return this.failingSince !== null; }
  /** True once storage stayed unreachable past the outage limit and output was dropped for it. */
  get droppedOutput(): boolean { return this.dropped; }

  /** Queues an event; resolves once it is stored (or dropped by the cap). Never rejects. */
  append(event: StoredEvent): Promise<void> {
    if (event.type === "stream") return this.appendStream(event.name, event.text);
    return this.enqueue(event, []);
  }

  /**
   * Stores a status event in one statement with row updates that must commit with it (e.g. the
   * Execution's own status), so a reader never sees the event without them: atomic, one round trip.
   */
  appendStatus(event: Extract<StoredEvent, { type: "status" }>, updates: Prisma.Sql[]): Promise<void> {
    return this.enqueue(event, updates);
  }

  /** Writes whatever is buffered; resolves when every appended event is stored. */
  flush(): Promise<void> {
    return this.stored(this.seq);
  }

  /**
   * Stream text joins the queued row of the same stream unless that row was sent to be committed:
   * a burst becomes one row without a timer, and the first chunk of a quiet stream goes at once.
   */
  private appendStream(name: "stdout" | "stderr", text: string): Promise<void> {
    const tail = this.rows.at(-1);
    const joinable = tail && !tail.sent && tail.event.type === "stream" && tail.event.name === name
      && tail.updates.length === 0 && tail.bytes < COALESCE_MAX_BYTES;
    if (!joinable) return this.enqueue({ type: "stream", name, text }, []);
    const [head, marker] = this.capped({ type: "stream", name, text });
    if (head?.type === "stream" && tail.event.type === "stream") {
      tail.event = { ...tail.event, text: tail.event.text + head.text };
      tail.bytes += Buffer.byteLength(head.text);
    }
    if (head?.type === "truncated" || marker) this.push(marker ?? head!, []);
    return this.stored(this.seq);
  }

  private enqueue(event: StoredEvent, updates: Prisma.Sql[]): Promise<void> {
    // Status events are never capped, so row updates always have a row to travel with.
    const rows = this.capped(event);
    rows.forEach((e, i) => this.push(e, i === rows.length - 1 ? updates : []));
    return this.stored(this.seq);
  }

  private push(event: StoredEvent, updates: Prisma.Sql[]): void {
    this.rows.push({ seq: ++this.seq, event, bytes: Buffer.byteLength(JSON.stringify(event)), updates });
    this.pump();
  }

  /** What of `event` fits under the cap: the event, part of its text, and/or the truncation marker. */
  private capped(event: StoredEvent): StoredEvent[] {
    if (event.type === "status" || event.type === "truncated") return [event];
    if (event.type === "error") {
      return [{ ...event, evalue: event.evalue.slice(0, ERROR_TEXT_MAX), traceback: event.traceback.slice(0, 200) }];
    }
    if (this.gaveUp) {
      this.dropped = true;
      return [];
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

  /** Resolves once every row up to `seq` is stored (or dropped). */
  private stored(seq: number): Promise<void> {
    if (this.settledThrough() >= seq) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ seq, resolve }));
  }

  private settledThrough(): number {
    return this.rows.length ? this.rows[0].seq - 1 : this.seq;
  }

  private settle(): void {
    const through = this.settledThrough();
    const ready = this.waiters.filter((w) => w.seq <= through);
    this.waiters = this.waiters.filter((w) => w.seq > through);
    for (const w of ready) w.resolve();
  }

  private pump(): void {
    if (this.pumping || this.rows.length === 0) return;
    this.pumping = true;
    // From a microtask: what is appended in the same tick goes in the first commit.
    void Promise.resolve().then(() => this.drain()).finally(() => {
      this.pumping = false;
      this.pump();
    });
  }

  /** Commits the queue front to back: everything queued while a commit is in flight goes in the next one. */
  private async drain(): Promise<void> {
    let attempt = 0;
    while (this.rows.length) {
      const batch = this.nextBatch();
      for (const row of batch) row.sent = true;
      try {
        const ids = await this.insert(batch);
        this.rows.splice(0, batch.length);
        this.failingSince = null;
        attempt = 0;
        this.published(batch, ids);
      } catch (e) {
        if (!isTransientStorageError(e)) {
          console.error("[kernelbook] events refused by the database; dropped", { executionId: this.options.executionId, seqs: batch.map((r) => r.seq) }, e);
          this.rows.splice(0, batch.length);
        } else {
          this.failingSince ??= Date.now();
          if (!this.gaveUp && Date.now() - this.failingSince > (this.options.outageLimitMs ?? OUTAGE_LIMIT_MS)) this.giveUp();
          await new Promise((r) => setTimeout(r, Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** attempt++)));
        }
      }
      this.settle();
    }
  }

  /** The longest prefix of the queue within the batch limits, ending at the first row with updates. */
  private nextBatch(): Row[] {
    const batch: Row[] = [];
    let bytes = 0;
    for (const row of this.rows) {
      if (batch.length && (batch.length >= BATCH_MAX_ROWS || bytes + row.bytes > BATCH_MAX_BYTES)) break;
      batch.push(row);
      bytes += row.bytes;
      if (row.updates.length) break;
    }
    return batch;
  }

  /** Storage stayed away too long: output from now on is dropped (what is queued stays, within the cap). */
  private giveUp(): void {
    this.gaveUp = true;
    console.error(`[kernelbook] storage unreachable for over ${(this.options.outageLimitMs ?? OUTAGE_LIMIT_MS) / 1000} s; further output of execution ${this.options.executionId} is dropped`);
    this.options.onGiveUp?.();
  }

  private async insert(batch: Row[]): Promise<{ id: bigint; seq: number }[]> {
    const { executionId, notebookId } = this.options;
    const updates = batch.at(-1)?.updates ?? [];
    // Data-modifying CTEs run whether or not the INSERT refers to them.
    const ctes = updates.length
      ? Prisma.sql`WITH ${Prisma.join(updates.map((u, i) => Prisma.sql`${Prisma.raw(`u${i}`)} AS (${u})`), ", ")} `
      : Prisma.empty;
    const values = batch.map((r) => Prisma.sql`(${executionId}, ${notebookId}, ${r.seq}, ${r.event.type}, ${JSON.stringify(r.event)}::jsonb)`);
    // A retry after a commit whose answer was lost finds its rows there already: stored once.
    return this.db.$queryRaw<{ id: bigint; seq: number }[]>`${ctes}
      INSERT INTO "ExecutionEvent" ("executionId", "notebookId", "seq", "type", "payload")
      VALUES ${Prisma.join(values, ", ")}
      ON CONFLICT ("executionId", "seq") DO NOTHING
      RETURNING "id", "seq"`;
  }

  private published(batch: Row[], ids: { id: bigint; seq: number }[]): void {
    const { onStored, notebookId, executionId, cellId } = this.options;
    if (!onStored) return;
    if (cellId === undefined || ids.length !== batch.length) return onStored(notebookId, null);
    const idOf = new Map(ids.map((r) => [r.seq, r.id]));
    onStored(notebookId, batch.map((r) => ({ id: String(idOf.get(r.seq)), executionId, cellId, seq: r.seq, event: r.event })));
  }
}
