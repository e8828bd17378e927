import { describe, expect, it } from "vitest";
import { WINDOW_AFTER, WINDOW_BEFORE, codeWindow } from "./code-window";

describe("codeWindow", () => {
  it("keeps a small cell whole, up to the end of the cursor's line", () => {
    expect(codeWindow("x <- 1\nsumm", 11)).toEqual({ code: "x <- 1\nsumm", cursor: 11, offset: 0 });
    expect(codeWindow("summ\nplot(1)", 4)).toEqual({ code: "summ", cursor: 4, offset: 0 });
  });

  it("starts at a line boundary within the window before the cursor", () => {
    const head = "a <- 1\n".repeat(1_000);
    const code = `${head}df$`;
    const window = codeWindow(code, code.length);
    expect(window.code.endsWith("\ndf$") || window.code === "df$").toBe(true);
    expect(window.code.length).toBeLessThanOrEqual(WINDOW_BEFORE);
    expect(window.offset + window.cursor).toBe(code.length);
    expect(code.slice(window.offset, window.offset + window.code.length)).toBe(window.code);
  });

  it("cuts one very long line around the cursor without splitting a character", () => {
    const code = "😀".repeat(2_000);
    const window = codeWindow(code, 2_001);
    expect(window.code.length).toBeLessThanOrEqual(WINDOW_BEFORE + WINDOW_AFTER);
    expect(window.code.charCodeAt(0)).toBe(0xd83d);
    expect(window.offset + window.cursor).toBe(2_001);
    expect(code.slice(window.offset, window.offset + window.code.length)).toBe(window.code);
  });
});
