import { describe, expect, it } from "vitest";
import { ConsoleReader, type ConsoleRecord } from "./console";

const NONCE = "0123456789abcdef";
const start = `##kb-${NONCE}:start:##\r\n`;
const mark = (kind: string, payload: string) => `##kb-${NONCE}:${kind}:${encodeURIComponent(payload)}##\r\n`;
const text = (records: ConsoleRecord[]) => records.map((r) => (r.kind === "text" ? r.text : `<${r.mark}:${r.payload}>`)).join("");

describe("ConsoleReader", () => {
  it("ignores the previous execution's output until this run's start marker appears", () => {
    const reader = new ConsoleReader(NONCE);
    expect(reader.read("[1] 5\r\n", { final: false })).toEqual([]);
    expect(reader.started).toBe(false);
    expect(text(reader.read(`${start}tick 1\r\n`, { final: false }))).toBe("tick 1\n");
    expect(reader.started).toBe(true);
  });

  it("returns only new text from cumulative polls, and the final answer repeats nothing", () => {
    const reader = new ConsoleReader(NONCE);
    const polls = [`${start}tick 1\r\n`, `${start}tick 1\r\n`, `${start}tick 1\r\ntick 2\r\n`, `${start}tick 1\r\n`];
    const streamed = polls.map((p) => text(reader.read(p, { final: false })));
    expect(streamed).toEqual(["tick 1\n", "", "tick 2\n", ""]);
    expect(text(reader.read(`${start}tick 1\r\ntick 2\r\ntick 3\r\n`, { final: true }))).toBe("tick 3\n");
  });

  it("holds back a CR that may be half of a CRLF, and text that may begin a marker", () => {
    const reader = new ConsoleReader(NONCE);
    expect(text(reader.read(`${start}a\r`, { final: false }))).toBe("a");
    expect(text(reader.read(`${start}a\r\nb##kb-01`, { final: false }))).toBe("\nb");
    expect(text(reader.read(`${start}a\r\nb##kb-${NONCE}:message:x%20y`, { final: false }))).toBe("");
    expect(text(reader.read(`${start}a\r\nb##kb-${NONCE}:message:x%20y##\r\nc`, { final: false }))).toBe("<message:x y>c");
  });

  it("decodes warning and message records, UTF-8 and newlines included", () => {
    const reader = new ConsoleReader(NONCE);
    const records = reader.read(`${start}before\n${mark("message", "note to self\n")}${mark("warning", "In f() : héllo")}after\n`, { final: true });
    expect(records).toEqual([
      { kind: "text", text: "before\n" },
      { kind: "mark", mark: "message", payload: "note to self\n" },
      { kind: "mark", mark: "warning", payload: "In f() : héllo" },
      { kind: "text", text: "after\n" },
    ]);
  });

  it("leaves text that only looks like a marker (another nonce) as output", () => {
    const reader = new ConsoleReader(NONCE);
    const fake = "##kb-ffffffffffffffff:warning:x##\n";
    expect(text(reader.read(`${start}${fake}`, { final: false }))).toBe(fake);
  });

  it("drops the error message when the server repeats it at the end of the console", () => {
    const reader = new ConsoleReader(NONCE);
    const records = reader.read(`${start}before\r\nError: boom\r\n`, { final: true, dropTail: "Error: boom\r\n" });
    expect(text(records)).toBe("before\n");
  });

  it("takes a final answer without the start marker as output (a server that trims it)", () => {
    const reader = new ConsoleReader(NONCE);
    expect(text(reader.read("[1] 5\r\n", { final: true }))).toBe("[1] 5\n");
  });

  it("keeps the longest common prefix when the server rewrites earlier text", () => {
    const reader = new ConsoleReader(NONCE);
    reader.read(`${start}abc\n`, { final: false });
    expect(text(reader.read(`${start}abX\nmore\n`, { final: true }))).toBe("X\nmore\n");
  });

  it("without a nonce (Python) treats all text as output", () => {
    const reader = new ConsoleReader();
    expect(text(reader.read("1\r\n##kb-x:start:##\n", { final: true }))).toBe("1\n##kb-x:start:##\n");
  });
});
