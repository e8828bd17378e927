import { describe, expect, it } from "vitest";
import { formatLimit, groupOutputs, pendingInput } from "./group-outputs";

describe("groupOutputs", () => {
  it("merges consecutive chunks of the same stream, not across names", () => {
    const blocks = groupOutputs([
      { type: "stream", name: "stdout", text: "a\n" },
      { type: "stream", name: "stdout", text: "b\n" },
      { type: "stream", name: "stderr", text: "e\n" },
      { type: "stream", name: "stdout", text: "c\n" },
    ]);
    expect(blocks).toEqual([
      { kind: "stream", name: "stdout", text: "a\nb\n" },
      { kind: "stream", name: "stderr", text: "e\n" },
      { kind: "stream", name: "stdout", text: "c\n" },
    ]);
  });

  it("keeps warnings, errors and rich outputs apart, merging R messages", () => {
    const blocks = groupOutputs([
      { type: "message", text: "m1\n" },
      { type: "message", text: "m2\n" },
      { type: "warning", text: "w" },
      { type: "execute_result", data: { "text/plain": "[1] 2" } },
      { type: "error", ename: "ERROR", evalue: "\u001b[31mboom\u001b[0m", traceback: ["\u001b[1mline\u001b[22m"] },
    ]);
    expect(blocks.map((b) => b.kind)).toEqual(["message", "warning", "rich", "error"]);
    expect(blocks[0]).toEqual({ kind: "message", text: "m1\nm2\n" });
    // Colours stay for the renderer (ansi-text.tsx); carriage returns are applied.
    expect(blocks[3]).toEqual({ kind: "error", ename: "ERROR", evalue: "\u001b[31mboom\u001b[0m", traceback: ["\u001b[1mline\u001b[22m"] });
    expect(groupOutputs([{ type: "stream", name: "stdout", text: "\u001b[32m10%\r100%\u001b[0m\n" }])).toEqual([
      { kind: "stream", name: "stdout", text: "100%\u001b[0m\n" },
    ]);
  });

  it("shows one truncation marker and a status reason unless an error already says it", () => {
    const blocks = groupOutputs([
      { type: "status", status: "running", executionCount: 1, at: "x" },
      { type: "truncated", limitBytes: 5 * 1024 * 1024 },
      { type: "truncated", limitBytes: 5 * 1024 * 1024 },
      { type: "status", status: "interrupted", at: "x", reason: "Interrupted." },
    ]);
    expect(blocks).toEqual([
      { kind: "truncated", limitBytes: 5 * 1024 * 1024 },
      { kind: "status", status: "interrupted", reason: "Interrupted." },
    ]);
    const lost = groupOutputs([
      { type: "error", ename: "KernelDied", evalue: "The kernel died.", traceback: [] },
      { type: "status", status: "lost", at: "x", reason: "The kernel died." },
    ]);
    expect(lost.map((b) => b.kind)).toEqual(["error"]);
  });

  it("shows an input request as pending until answered, then prompt and answer as stdout", () => {
    const asked = groupOutputs([
      { type: "status", status: "running", executionCount: 1, at: "x" },
      { type: "stream", name: "stdout", text: "Hi\n" },
      { type: "input_request", prompt: "Name? ", password: false },
    ]);
    expect(asked).toEqual([
      { kind: "stream", name: "stdout", text: "Hi\n" },
      { kind: "input", prompt: "Name? ", password: false },
    ]);
    expect(pendingInput(asked)).toBe(1);
    const answered = groupOutputs([
      { type: "stream", name: "stdout", text: "Hi\n" },
      { type: "input_request", prompt: "Name? ", password: false },
      { type: "input_reply", value: "Ada" },
      { type: "stream", name: "stdout", text: "Hello, Ada\n" },
      { type: "input_request", prompt: "PIN: ", password: true },
      { type: "input_reply", value: "••••" },
    ]);
    expect(answered).toEqual([{ kind: "stream", name: "stdout", text: "Hi\nName? Ada\nHello, Ada\nPIN: ••••\n" }]);
    expect(pendingInput(answered)).toBe(-1);
  });

  it("leaves an unanswered request of an ended execution as its prompt, not pending", () => {
    const blocks = groupOutputs([
      { type: "input_request", prompt: "Name? ", password: false },
      { type: "error", ename: "Interrupted", evalue: "Execution interrupted", traceback: [] },
    ]);
    expect(blocks[0]).toEqual({ kind: "input", prompt: "Name? ", password: false });
    expect(pendingInput(blocks)).toBe(-1);
  });

  it("formats the output limit", () => {
    expect(formatLimit(5 * 1024 * 1024)).toBe("5 MB");
    expect(formatLimit(512 * 1024)).toBe("512 KB");
  });
});
