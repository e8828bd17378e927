import { describe, expect, it } from "vitest";
import { iopubToEvent, replyEvents, stdinToEvent, toMimeBundle } from "./messages";

const ir = { valuesAsDisplayData: true };
const standard = { valuesAsDisplayData: false };

describe("iopubToEvent", () => {
  it("maps streams and errors, keeping ANSI codes in tracebacks", () => {
    expect(iopubToEvent("stream", { name: "stderr", text: "w\n" }, ir)).toEqual({ type: "stream", name: "stderr", text: "w\n" });
    const error = { ename: "ERROR", evalue: "boom", traceback: ["\u001b[31mboom\u001b[0m"] };
    expect(iopubToEvent("error", error, ir)).toEqual({ type: "error", ...error });
  });

  it("turns IRkernel's display_data of a value into an execute_result, not its plots", () => {
    const value = { data: { "text/plain": "[1] 2", "text/html": "2" }, metadata: {} };
    expect(iopubToEvent("display_data", value, ir)).toEqual({ type: "execute_result", data: value.data });
    expect(iopubToEvent("display_data", value, standard)).toEqual({ type: "display_data", data: value.data });
    const plot = { data: { "text/plain": "plot without title", "image/png": "iVBOR\nw0K" }, metadata: { "image/png": { width: 420 } } };
    expect(iopubToEvent("display_data", plot, ir)).toEqual({ type: "display_data", data: plot.data, metadata: plot.metadata });
    const updatable = { data: { "text/html": "<b>1</b>" }, metadata: {}, transient: { display_id: "d1" } };
    expect(iopubToEvent("display_data", updatable, ir)).toEqual({ type: "display_data", data: updatable.data });
    expect(iopubToEvent("update_display_data", updatable, ir)).toEqual({ type: "display_data", data: updatable.data });
    expect(iopubToEvent("execute_result", { data: { "text/plain": "1" }, metadata: {}, execution_count: 3 }, standard))
      .toEqual({ type: "execute_result", data: { "text/plain": "1" } });
  });

  it("ignores what is not output, and says so when a message cannot be read", () => {
    expect(iopubToEvent("status", { execution_state: "busy" }, ir)).toBeNull();
    expect(iopubToEvent("execute_input", { code: "1" }, ir)).toBeNull();
    expect(iopubToEvent("stream", { name: "stdlog", text: 1 }, ir)).toMatchObject({ type: "stream", name: "stderr", text: expect.stringContaining('"stream"') });
  });
});

describe("toMimeBundle", () => {
  it("keeps strings as they are, joins line lists and stringifies JSON", () => {
    expect(toMimeBundle({ "image/png": "AAA=\n", "text/plain": ["a\n", "b"], "application/json": { a: [1] } })).toEqual({
      "image/png": "AAA=\n",
      "text/plain": "a\nb",
      "application/json": '{"a":[1]}',
    });
  });
});

describe("stdin and reply", () => {
  it("reads input requests with defaults", () => {
    expect(stdinToEvent({ prompt: "Name? ", password: true })).toEqual({ type: "input_request", prompt: "Name? ", password: true });
    expect(stdinToEvent({})).toEqual({ type: "input_request", prompt: "", password: false });
  });

  it("adds an Interrupted error for an aborted cell without one, and pager payloads", () => {
    expect(replyEvents({ status: "abort" }, false)).toEqual([{ type: "error", ename: "Interrupted", evalue: "Execution interrupted", traceback: [] }]);
    expect(replyEvents({ status: "error" }, true)).toEqual([]);
    expect(replyEvents({ status: "ok", payload: [{ source: "page", data: { "text/plain": "help" } }] }, false))
      .toEqual([{ type: "display_data", data: { "text/plain": "help" } }]);
  });
});
