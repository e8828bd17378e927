// toRString must give R exactly the text it was given, whatever characters the cell holds.
import { describe, expect, it } from "vitest";
import { toRString, toRVector } from "./r-literal";

describe("toRString", () => {
  it("quotes plain text", () => {
    expect(toRString("1+1")).toBe('"1+1"');
  });

  it("escapes what would end or break the literal", () => {
    expect(toRString('say "hi"\\n')).toBe('"say \\"hi\\"\\\\n"');
    expect(toRString("a\nb\r\nc")).toBe('"a\\nb\\r\\nc"');
  });

  it("writes other control characters as \\u{..} escapes and keeps tabs and non-ASCII text", () => {
    expect(toRString("\u0001\u001f\u007f")).toBe('"\\u{1}\\u{1f}\\u{7f}"');
    expect(toRString("été\t✓")).toBe('"été\t✓"');
  });

  it("rejects NUL, which R strings cannot hold", () => {
    expect(() => toRString("a\u0000b")).toThrow(RangeError);
  });

  it("with asciiOnly, writes non-ASCII text as \\U{..} escapes (R in a non-UTF-8 locale)", () => {
    expect(toRString('a"b\\c\nd\te\u0001é😀', { asciiOnly: true })).toBe('"a\\"b\\\\c\\nd\te\\u{1}\\U{e9}\\U{1f600}"');
    expect(toRString("\ud800", { asciiOnly: true })).toBe('"\\U{fffd}"');
  });

  it("writes character vectors", () => {
    expect(toRVector([])).toBe("character(0)");
    expect(toRVector(["a", "é"], { asciiOnly: true })).toBe('c("a", "\\U{e9}")');
  });
});
