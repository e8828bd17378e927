// The live stream of a notebook's execution events, resumable from the last id the browser saw:
// reads what is stored after it, then waits for the next wake (or polls, should a wake be missed).
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
  while (!args.signal?.aborted) {
    const wake = bus.nextWake(args.notebookId, { timeoutMs: POLL_MS, signal: args.signal });
    const events = await readEventsAfter(db, { notebookId: args.notebookId, afterId: cursor, limit: PAGE });
    for (const event of events) {
      cursor = BigInt(event.id);
      yield event;
    }
    if (events.length < PAGE) await wake;
  }
}
