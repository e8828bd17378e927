// An error's message shows once, with the real event shapes of webR, IRkernel and ipykernel.
import { describe, expect, it } from "vitest";
import { stripAnsi } from "./ansi";
import { errorText } from "./error-text";

const shown = (e: Parameters<typeof errorText>[0]) => {
  const { head, detail } = errorText(e);
  return stripAnsi([head, detail].filter(Boolean).join("\n"));
};
const count = (text: string, part: string) => text.split(part).length - 1;

describe("errorText", () => {
  it("webR stop(\"boom\"): one line, the message once", () => {
    const error = { ename: "Error", evalue: "boom", traceback: ["Error: boom"] };
    expect(errorText(error)).toEqual({ head: "Error: boom", detail: "" });
  });

  it("webR nested error: the console's first line as head, the traceback below", () => {
    const error = { ename: "Error", evalue: "deep", traceback: ["Error in f() : deep", "", "Traceback:", "1. g()", "2. f()", '3. stop("deep")'] };
    expect(errorText(error)).toEqual({ head: "Error in f() : deep", detail: "Traceback:\n1. g()\n2. f()\n3. stop(\"deep\")" });
    expect(count(shown(error), "deep")).toBe(2); // the message, and stop("deep") in the traceback
  });

  it("IRkernel stop(\"boom\") (as the kernel sends it): the message once", () => {
    const error = {
      ename: "ERROR",
      evalue: "Error in eval(expr, envir, enclos): boom\n",
      traceback: ["Error in eval(expr, envir, enclos): boom\nTraceback:\n", '1. stop("boom")'],
    };
    expect(errorText(error).head).toBe("Error in eval(expr, envir, enclos): boom");
    expect(count(shown(error), "enclos): boom")).toBe(1);
    expect(shown(error)).toContain('1. stop("boom")');
  });

  it("a message of several lines: all of it in the head, once", () => {
    const error = { ename: "Error", evalue: "columns differ:\n  x: numeric\n  y: character", traceback: ["Error in check(df) : columns differ:\n  x: numeric\n  y: character", "", "Traceback:", "1. check(df)"] };
    expect(errorText(error)).toEqual({ head: "Error in check(df) : columns differ:\n  x: numeric\n  y: character", detail: "Traceback:\n1. check(df)" });
  });

  it("ipykernel: the coloured traceback alone, as JupyterLab shows it", () => {
    const traceback = [
      "\u001b[0;31m---------------------------------------------------------------------------\u001b[0m",
      "\u001b[0;31mValueError\u001b[0m                                Traceback (most recent call last)",
      "Cell \u001b[0;32mIn[1], line 1\u001b[0m\n\u001b[0;32m----> 1\u001b[0m \u001b[38;5;28;01mraise\u001b[39;00m \u001b[38;5;167;01mValueError\u001b[39;00m(\u001b[38;5;124m\"\u001b[39m\u001b[38;5;124mboom\u001b[39m\u001b[38;5;124m\"\u001b[39m)\n",
      "\u001b[0;31mValueError\u001b[0m: boom",
    ];
    const error = { ename: "ValueError", evalue: "boom", traceback };
    expect(errorText(error)).toEqual({ head: "", detail: traceback.join("\n") });
  });

  it("no traceback, or one without the message: name and message as head", () => {
    expect(errorText({ ename: "Interrupted", evalue: "The execution was interrupted.", traceback: [] }))
      .toEqual({ head: "Interrupted: The execution was interrupted.", detail: "" });
    expect(errorText({ ename: "Error", evalue: "x", traceback: ["1. f()"] })).toEqual({ head: "Error: x", detail: "1. f()" });
  });
});
