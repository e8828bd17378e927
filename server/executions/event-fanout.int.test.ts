// Two app instances on one database: events one stores reach the other's subscribers through
// PostgreSQL LISTEN/NOTIFY alone (no in-process wake), in order, and resume after a reconnect.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { createNotebookWithExecution, createUser } from "@/test/fixtures";
import { EventBus } from "./event-bus";
import { ExecutionEventWriter } from "./event-writer";
import { watchNotebookEvents } from "./watch-notebook-events";
import type { NotebookEvent } from "@/server/contracts/events";

const busA = new EventBus(env.DATABASE_URL);
const busB = new EventBus(env.DATABASE_URL);
afterAll(async () => Promise.all([busA.close(), busB.close()]));

async function collect(gen: AsyncGenerator<NotebookEvent>, count: number): Promise<NotebookEvent[]> {
  const out: NotebookEvent[] = [];
  for await (const e of gen) {
    out.push(e);
    if (out.length === count) break;
  }
  return out;
}

describe("event fan-out across app instances", () => {
  it("delivers events written by one instance to subscribers of two others, in order", async () => {
    const user = await createUser();
    const { notebook, execution } = await createNotebookWithExecution(user.id);
    const controller = new AbortController();
    const common = { userId: user.id, notebookId: notebook.id, lastEventId: "0", signal: controller.signal };
    const seenA = collect(watchNotebookEvents(db, { ...common, bus: busA }), 3);
    const seenB = collect(watchNotebookEvents(db, { ...common, bus: busB }), 3);
    await new Promise((r) => setTimeout(r, 300)); // both are now waiting on LISTEN
    // The writer belongs to a third "instance": it wakes nobody in-process.
    const writer = new ExecutionEventWriter(db, { executionId: execution.id, notebookId: notebook.id, limitBytes: 1e6 });
    const t0 = Date.now();
    await writer.append({ type: "status", status: "running", at: new Date().toISOString() });
    await writer.append({ type: "execute_result", data: { "text/plain": "[1] 2" } });
    await writer.append({ type: "status", status: "ok", at: new Date().toISOString() });
    const [a, b] = await Promise.all([seenA, seenB]);
    const elapsed = Date.now() - t0;
    controller.abort();
    for (const events of [a, b]) {
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(events[1].event).toEqual({ type: "execute_result", data: { "text/plain": "[1] 2" } });
      expect(events.every((e) => e.cellId === execution.cellId)).toBe(true);
    }
    // Woken by NOTIFY, not by the 3 s poll fallback.
    expect(elapsed).toBeLessThan(2_500);
  });

  it("resumes after the last id a subscriber saw, including what was stored meanwhile", async () => {
    const user = await createUser();
    const { notebook, execution } = await createNotebookWithExecution(user.id);
    const writer = new ExecutionEventWriter(db, { executionId: execution.id, notebookId: notebook.id, limitBytes: 1e6 });
    for (const text of ["a\n", "b\n", "c\n"]) {
      await writer.append({ type: "warning", text });
    }
    const all = await collect(watchNotebookEvents(db, { userId: user.id, notebookId: notebook.id, lastEventId: "0", bus: busA }), 3);
    const resumed = await collect(
      watchNotebookEvents(db, { userId: user.id, notebookId: notebook.id, lastEventId: all[0].id, bus: busA }), 2,
    );
    expect(resumed.map((e) => e.event)).toEqual([{ type: "warning", text: "b\n" }, { type: "warning", text: "c\n" }]);
  });

  it("refuses another user's notebook as not found", async () => {
    const owner = await createUser();
    const other = await createUser();
    const { notebook } = await createNotebookWithExecution(owner.id);
    const gen = watchNotebookEvents(db, { userId: other.id, notebookId: notebook.id, bus: busA });
    await expect(gen.next()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
