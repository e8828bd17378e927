import { describe, expect, it } from "vitest";
import { applyCarriageReturns, stripAnsi, toPlainText } from "./ansi";

describe("ansi", () => {
  it("strips colour and OSC sequences", () => {
    expect(stripAnsi("\u001b[1;31mError\u001b[0m in f()")).toBe("Error in f()");
    expect(stripAnsi("\u001b]8;;http://x\u0007link\u001b]8;;\u0007")).toBe("link");
  });

  it("lets carriage returns overwrite the line", () => {
    expect(applyCarriageReturns("10%\r50%\r100%\ndone")).toBe("100%\ndone");
    expect(applyCarriageReturns("abcdef\rXY")).toBe("XYcdef");
    expect(applyCarriageReturns("a\r\nb")).toBe("a\nb");
    expect(toPlainText("\u001b[32m1\r2\u001b[0m")).toBe("2");
  });
});
