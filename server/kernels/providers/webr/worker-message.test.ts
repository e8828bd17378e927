// How webR output-queue messages become kernel events (console lines, runner records, closing).
import { describe, expect, it } from "vitest";
import { routeWorkerMessage } from "./worker-message";

describe("routeWorkerMessage", () => {
  it("turns console lines into stream events, adding the newline webR strips", () => {
    expect(routeWorkerMessage({ type: "stdout", data: "[1] 2" })).toEqual({
      kind: "event",
      event: { type: "stream", name: "stdout", text: "[1] 2\n" },
    });
    expect(routeWorkerMessage({ type: "stderr", data: "" })).toEqual({
      kind: "event",
      event: { type: "stream", name: "stderr", text: "\n" },
    });
  });

  it("keeps a flushed partial line without a newline", () => {
    const routed = routeWorkerMessage({ type: "kernelbook", data: { kind: "partial", name: "stdout", text: "abc" } });
    expect(routed).toEqual({ kind: "event", event: { type: "stream", name: "stdout", text: "abc" } });
  });

  it("maps the runner's records to events and control signals", () => {
    const record = (data: unknown) => routeWorkerMessage({ type: "kernelbook", data });
    expect(record({ kind: "start" })).toEqual({ kind: "start" });
    expect(record({ kind: "result-end" })).toEqual({ kind: "result-end" });
    expect(record({ kind: "warning", text: "w" })).toEqual({ kind: "event", event: { type: "warning", text: "w" } });
    expect(record({ kind: "message", text: "m\n" })).toEqual({ kind: "event", event: { type: "message", text: "m\n" } });
    expect(record({ kind: "error", ename: "Error", evalue: "boom", traceback: ["Error: boom"] })).toEqual({
      kind: "event",
      event: { type: "error", ename: "Error", evalue: "boom", traceback: ["Error: boom"] },
    });
  });

  it("encodes plot bytes as base64 PNG with a text fallback", () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect(routeWorkerMessage({ type: "kernelbook", data: { kind: "plot", bytes } })).toEqual({
      kind: "event",
      event: { type: "display_data", data: { "image/png": "iVBORw==", "text/plain": "<plot>" } },
    });
  });

  it("turns a table record (column-major, as R holds it) into rows", () => {
    const table = {
      columns: [{ name: "a", type: "integer" }, { name: "b", type: "character" }],
      data: [["1", "2"], ["x", null]],
      rowNames: ["r1", "r2"],
      totalRows: 10,
      totalColumns: 2,
    };
    expect(routeWorkerMessage({ type: "kernelbook", data: { kind: "table", table } })).toEqual({
      kind: "table",
      table: { columns: table.columns, rows: [["1", "x"], ["2", null]], rowNames: ["r1", "r2"], totalRows: 10, totalColumns: 2 },
    });
    expect(routeWorkerMessage({ type: "kernelbook", data: { kind: "table", table: { ...table, totalRows: -1 } } })).toEqual({ kind: "ignored" });
  });

  it("reports the closed channel and ignores everything else", () => {
    expect(routeWorkerMessage({ type: "closed" })).toEqual({ kind: "closed" });
    expect(routeWorkerMessage({ type: "prompt", data: "> " })).toEqual({ kind: "ignored" });
    expect(routeWorkerMessage({ type: "kernelbook", data: { kind: "warning" } })).toEqual({ kind: "ignored" });
    expect(routeWorkerMessage(undefined)).toEqual({ kind: "ignored" });
  });
});
