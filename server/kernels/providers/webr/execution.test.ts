// Buffering and hand-over of one cell's events: merging, results, failure, abort.
import { describe, expect, it } from "vitest";
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import { Execution } from "./execution";
import { drainEvents as drain } from "@/test/kernel-events";

const out = (text: string): ExecEvent => ({ type: "stream", name: "stdout", text });

describe("Execution", () => {
  it("merges waiting lines of the same stream and keeps other events in order", async () => {
    const execution = new Execution();
    execution.push(out("a\n"));
    execution.push(out("b\n"));
    execution.push({ type: "warning", text: "w" });
    execution.push(out("c\n"));
    execution.finish();
    expect(await drain(execution.events())).toEqual([out("a\nb\n"), { type: "warning", text: "w" }, out("c\n")]);
  });

  it("hands events over as they come, not at the end", async () => {
    const execution = new Execution();
    const iterator = execution.events()[Symbol.asyncIterator]();
    const first = iterator.next();
    execution.push(out("now\n"));
    expect(await first).toEqual({ done: false, value: out("now\n") });
    execution.finish();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it("turns stdout between beginResult and endResult into one execute_result", async () => {
    const execution = new Execution();
    execution.beginResult();
    execution.push(out("  speed dist\n"));
    execution.push({ type: "stream", name: "stderr", text: "note\n" });
    execution.push(out("1     4    2\n"));
    execution.endResult();
    execution.beginResult();
    execution.endResult(); // printed nothing: no result
    execution.finish();
    expect(await drain(execution.events())).toEqual([
      { type: "stream", name: "stderr", text: "note\n" },
      { type: "execute_result", data: { "text/plain": "  speed dist\n1     4    2" } },
    ]);
  });

  it("sends a table attached while a value prints beside its text, and only then", async () => {
    const table = { columns: [{ name: "a", type: "integer" }], rows: [["1"]], rowNames: null, totalRows: 1, totalColumns: 1 };
    const execution = new Execution();
    execution.attachTable(table); // no value printing: dropped
    execution.beginResult();
    execution.attachTable(table);
    execution.push(out("  a\n1 1\n"));
    execution.endResult();
    execution.beginResult();
    execution.push(out("[1] 2\n"));
    execution.finish();
    expect(await drain(execution.events())).toEqual([
      { type: "execute_result", data: { "text/plain": "  a\n1 1", "application/vnd.kernelbook.table+json": JSON.stringify(table) } },
      { type: "execute_result", data: { "text/plain": "[1] 2" } },
    ]);
  });

  it("delivers what was produced, then throws the kernel failure", async () => {
    const execution = new Execution();
    execution.push(out("last words\n"));
    execution.fail(new KernelError("DEAD", "gone"));
    const events: ExecEvent[] = [];
    await expect(async () => {
      for await (const event of execution.events()) events.push(event);
    }).rejects.toMatchObject({ code: "DEAD" });
    expect(events).toEqual([out("last words\n")]);
  });

  it("stops waiting when the signal aborts, and drops later output", async () => {
    const execution = new Execution();
    const controller = new AbortController();
    const pending = drain(execution.events(controller.signal));
    controller.abort(new Error("stop waiting"));
    await expect(pending).rejects.toThrow("stop waiting");
    execution.push(out("ignored\n"));
    execution.finish();
    expect(await drain(execution.events())).toEqual([]);
  });
});
