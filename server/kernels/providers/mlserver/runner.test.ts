import { describe, expect, it } from "vitest";
import { CLEAR_WORKSPACE_R, completionCode, variablesCode } from "./ide.R";
import { toRString } from "@/server/kernels/r-literal";
import { plotFilePrefix, runnerCode } from "./runner.R";

const NONCE = "0123456789abcdef";

/** The text between a matching pair of brackets starting at `open`. */
function balanced(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
      continue;
    }
    if (text[i] === "(") depth++;
    if (text[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

describe("runnerCode", () => {
  const code = runnerCode('x <- 1\nplot(cars)\ncat("done\\n")', NONCE);

  it("is one base::local call in a private environment, so it leaves no variable behind", () => {
    expect(code.startsWith("base::local({")).toBe(true);
    expect(balanced(code, code.indexOf("("))).toBe(code.length - 1);
    expect(code.endsWith("}, envir = base::new.env(parent = base::baseenv()))")).toBe(true);
  });

  it("carries the cell as one string literal, evaluated expression by expression in the global environment", () => {
    expect(code).toContain(`code <- ${toRString('x <- 1\nplot(cars)\ncat("done\\n")')}`);
    expect(code).toContain("parse(text = code");
    expect(code).toContain("res <- withVisible(eval(expr, globalenv()))");
    expect(code).toContain('top_call <- quote(eval(expr, globalenv()))');
  });

  it("writes plots to uniquely named PNG files and always closes its device", () => {
    expect(code).toContain(`grDevices::png(filename = "${plotFilePrefix(NONCE)}%03d.png", width = 7, height = 5, units = "in", res = 96)`);
    expect(code).toMatch(/finally = if \(!is\.null\(dev\) && dev %in% grDevices::dev\.list\(\)\) grDevices::dev\.off\(dev\)/);
    expect(code).toContain('stale <- list.files(pattern = "^kb-plot-[0-9a-f]{16}-[0-9]+[.]png$")');
  });

  it("marks the start and records warnings and messages instead of letting them print", () => {
    expect(code.indexOf('mark("start")')).toBeLessThan(code.indexOf("grDevices::png("));
    expect(code).toContain('mark("warning"');
    expect(code).toContain('mark("message", conditionMessage(m))');
    expect(code).toContain('invokeRestart("muffleWarning")');
    expect(code).toContain("withCallingHandlers(run(), warning = on_warning, message = on_message)");
  });

  it("re-raises errors without the runner's own call and uses no R ≥ 4 syntax", () => {
    expect(code).toContain("stop(simpleError(msg, if (is.null(describe_call(call))) NULL else call))");
    expect(code).not.toMatch(/\|>|\\\(|tryInvokeRestart|isFALSE/);
  });

  it("escapes any text R could misread, and refuses NUL", () => {
    expect(toRString('a"b\\c\nd\te\u0001é😀', { asciiOnly: true })).toBe('"a\\"b\\\\c\\nd\te\\u{1}\\U{e9}\\U{1f600}"');
    expect(() => runnerCode("a\u0000", NONCE)).toThrow(RangeError);
  });
});

describe("IDE R code", () => {
  it("describes only the named objects, from a private environment", () => {
    const code = variablesCode(["df", 'we"ird'], NONCE);
    expect(code.startsWith("base::local({")).toBe(true);
    expect(code).toContain('for (name in c("df", "we\\"ird"))');
    expect(code).toContain('mark("var"');
  });

  it("completes through utils' completion functions and clears the whole workspace", () => {
    expect(completionCode('x <- "a', NONCE)).toContain('line <- "x <- \\"a"');
    expect(completionCode("", NONCE)).toContain("utils:::.retrieveCompletions()");
    expect(CLEAR_WORKSPACE_R).toContain("all.names = TRUE");
  });
});
