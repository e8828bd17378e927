// The live stream of a notebook's execution events, resumable from the last id the browser saw:
// reads what is stored after it, then takes what this process commits straight from memory and
// reads again only when another instance notifies (or every few seconds, should a wake be missed).
import "server-only";
import type { Db } from "@/server/db";
import type { NotebookEvent } from "@/server/contracts/events";
import { findOwnedNotebook } from "@/server/notebooks/find-owned-notebook";
import { bus as processBus } from "./bus";
import type { EventBus } from "./event-bus";
import { lastEventId, readEventsAfter } from "./read-events";

const PAGE = 500;
const POLL_MS = 3_000;

export async function* watchNotebookEvents(
  db: Db,
  args: { userId: string; notebookId: string; lastEventId?: string | null; signal?: AbortSignal; bus?: EventBus },
): AsyncGenerator<NotebookEvent> {
  await findOwnedNotebook(db, { userId: args.userId, notebookId: args.notebookId });
  const bus = args.bus ?? processBus;
  await bus.listen().catch((e) => console.warn("[kernelbook] LISTEN failed; polling instead", e));
  let cursor = args.lastEventId ? BigInt(args.lastEventId) : await lastEventId(db, args.notebookId);
  const subscription = bus.subscribe(args.notebookId);
  try {
    let read = true;
    while (!args.signal?.aborted) {
      if (read) {
        const events = await readEventsAfter(db, { notebookId: args.notebookId, afterId: cursor, limit: PAGE });
        for (const event of events) {
          cursor = BigInt(event.id);
          yield event;
        }
        read = events.length === PAGE;
        if (read) continue;
      }
      // Committed by this process: handed over from memory, no read.
      const { events, stale } = subscription.take();
      for (const event of events) {
        if (BigInt(event.id) <= cursor) continue;
        cursor = BigInt(event.id);
        yield event;
      }
      if (stale) read = true;
      else if (events.length === 0) read = await subscription.wait({ timeoutMs: POLL_MS, signal: args.signal });
    }
  } finally {
    bus.unsubscribe(args.notebookId, subscription);
  }
}
