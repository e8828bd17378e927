// Waiting on executions in integration tests: until a status, until an event is stored. Imported
// late (after process.env points at a test server), like the app modules it reads through.
import type { ExecutionStatus, StoredEvent } from "@/server/contracts/outputs";
import { db } from "@/server/db";
import { readEventsOf } from "@/server/executions/read-events";

export const finished = (s: ExecutionStatus) => !["queued", "running"].includes(s);

export async function waitForStatus(executionId: string, wanted: (s: ExecutionStatus) => boolean = finished, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.execution.findUniqueOrThrow({ where: { id: executionId } });
    if (wanted(row.status as ExecutionStatus)) return row;
    if (Date.now() > deadline) throw new Error(`execution still ${row.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function eventsOf(executionId: string): Promise<StoredEvent[]> {
  return (await readEventsOf(db, [executionId])).map((e) => e.event);
}

export async function waitForEvent(executionId: string, found: (events: StoredEvent[]) => boolean, timeoutMs = 20_000): Promise<StoredEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = await eventsOf(executionId);
    if (found(events)) return events;
    if (Date.now() > deadline) throw new Error(`not stored in time: ${JSON.stringify(events)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const stdoutOf = (events: StoredEvent[]) => events.map((e) => (e.type === "stream" && e.name === "stdout" ? e.text : "")).join("");
