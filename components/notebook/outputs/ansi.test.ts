import { describe, expect, it } from "vitest";
import { applyCarriageReturns, hasAnsi, parseAnsi, stripAnsi, toPlainText } from "./ansi";

const plain = { fg: null, bg: null, bold: false, dim: false, italic: false, underline: false };

describe("ansi", () => {
  it("strips colour and OSC sequences", () => {
    expect(stripAnsi("\u001b[1;31mError\u001b[0m in f()")).toBe("Error in f()");
    expect(stripAnsi("\u001b]8;;http://x\u0007link\u001b]8;;\u0007")).toBe("link");
  });

  it("parses colours and decorations into spans of text", () => {
    expect(parseAnsi("\u001b[1;31mError\u001b[0m in f()")).toEqual([
      { ...plain, text: "Error", fg: { named: "red" }, bold: true },
      { ...plain, text: " in f()" },
    ]);
    expect(parseAnsi("\u001b[93;44mhi\u001b[0m")).toEqual([{ ...plain, text: "hi", fg: { named: "bright-yellow" }, bg: { named: "blue" } }]);
    expect(parseAnsi("plain text")).toEqual([{ ...plain, text: "plain text" }]);
  });

  it("gives 256-colour and true-colour sequences as rgb, and drops hyperlinks and cursor moves", () => {
    expect(parseAnsi("\u001b[38;5;208mo\u001b[39m")[0].fg).toEqual({ rgb: "rgb(255, 135, 0)" });
    expect(parseAnsi("\u001b[38;5;244mg\u001b[39m")[0].fg).toEqual({ rgb: "rgb(128, 128, 128)" });
    expect(parseAnsi("\u001b[38;5;1mr\u001b[39m")[0].fg).toEqual({ named: "red" });
    expect(parseAnsi("\u001b[38;2;10;20;30mt\u001b[0m")[0].fg).toEqual({ rgb: "rgb(10, 20, 30)" });
    expect(parseAnsi("\u001b]8;;http://x\u0007link\u001b]8;;\u0007\u001b[2K!")).toEqual([{ ...plain, text: "link!" }]);
  });

  it("keeps markup as text (it is never interpreted as HTML)", () => {
    expect(parseAnsi("\u001b[31m<img src=x onerror=alert(1)>\u001b[0m")[0].text).toBe("<img src=x onerror=alert(1)>");
    expect(hasAnsi("<b>x</b>")).toBe(false);
  });

  it("lets carriage returns overwrite the line", () => {
    expect(applyCarriageReturns("10%\r50%\r100%\ndone")).toBe("100%\ndone");
    expect(applyCarriageReturns("abcdef\rXY")).toBe("XYcdef");
    expect(applyCarriageReturns("a\r\nb")).toBe("a\nb");
    expect(toPlainText("\u001b[32m1\r2\u001b[0m")).toBe("2");
  });
});
