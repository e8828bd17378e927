// The event writer against real PostgreSQL: order, stream coalescing, and the output cap.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createNotebookWithExecution, createUser } from "@/test/fixtures";
import { ExecutionEventWriter } from "./event-writer";
import { readEventsOf } from "./read-events";

async function setup(limitBytes: number) {
  const user = await createUser();
  const { notebook, execution } = await createNotebookWithExecution(user.id);
  const writer = new ExecutionEventWriter(db, { executionId: execution.id, notebookId: notebook.id, limitBytes });
  return { writer, executionId: execution.id };
}

describe("ExecutionEventWriter", () => {
  it("merges a burst of stream chunks and keeps order with other events", async () => {
    const { writer, executionId } = await setup(1e6);
    for (let i = 0; i < 100; i++) void writer.append({ type: "stream", name: "stdout", text: `${i}\n` });
    void writer.append({ type: "warning", text: "careful" });
    void writer.append({ type: "stream", name: "stdout", text: "after\n" });
    await writer.flush();
    const events = (await readEventsOf(db, [executionId])).map((e) => e.event);
    expect(events).toEqual([
      { type: "stream", name: "stdout", text: Array.from({ length: 100 }, (_, i) => `${i}\n`).join("") },
      { type: "warning", text: "careful" },
      { type: "stream", name: "stdout", text: "after\n" },
    ]);
  });

  it("caps output with one visible marker and still records errors and status", async () => {
    const { writer, executionId } = await setup(2_000);
    for (let i = 0; i < 50; i++) {
      await writer.append({ type: "stream", name: "stdout", text: "x".repeat(100) + "\n" });
      await writer.flush();
    }
    await writer.append({ type: "display_data", data: { "image/png": "A".repeat(5000) } });
    await writer.append({ type: "error", ename: "Error", evalue: "late failure", traceback: [] });
    await writer.append({ type: "status", status: "error", at: new Date().toISOString() });
    await writer.flush();
    const events = (await readEventsOf(db, [executionId])).map((e) => e.event);
    const markers = events.filter((e) => e.type === "truncated");
    expect(markers).toEqual([{ type: "truncated", limitBytes: 2_000 }]);
    const streamed = events.flatMap((e) => (e.type === "stream" ? [e.text] : [])).join("");
    // The cap counts stored payload bytes (JSON included), so a little under 2000 characters of text fit.
    expect(streamed.length).toBeGreaterThan(1_200);
    expect(streamed.length).toBeLessThanOrEqual(2_000);
    expect(events.some((e) => e.type === "display_data")).toBe(false);
    expect(events.at(-2)).toMatchObject({ type: "error", evalue: "late failure" });
    expect(events.at(-1)).toMatchObject({ type: "status", status: "error" });
    expect(writer.wasTruncated).toBe(true);
  });
});
