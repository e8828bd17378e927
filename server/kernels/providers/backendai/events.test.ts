import { describe, expect, it } from "vitest";
import { consoleEvents, splitPrompt, tracebackEvent } from "./events";

describe("consoleEvents", () => {
  it("maps streams, media and html (spec §5.3)", () => {
    expect(
      consoleEvents([
        { kind: "stdout", text: "Tick 3\n" },
        { kind: "media", mime: "image/png", data: "data:image/png;base64,iVBO" },
        { kind: "media", mime: "image/svg+xml", data: "<svg/>" },
        { kind: "html", text: "<b>x</b>" },
        { kind: "stderr", text: "Warning message:\nIn f(): careful\n" },
        { kind: "other", type: "log" },
      ]),
    ).toEqual([
      { type: "stream", name: "stdout", text: "Tick 3\n" },
      { type: "display_data", data: { "image/png": "iVBO" } },
      { type: "display_data", data: { "image/svg+xml": "<svg/>" } },
      { type: "display_data", data: { "text/html": "<b>x</b>" } },
      { type: "stream", name: "stderr", text: "Warning message:\nIn f(): careful\n" },
    ]);
  });

  it("reads R and IPython tracebacks on stderr as errors (spec §5.4)", () => {
    expect(tracebackEvent("Error in log(-1:x) : object 'x' not found\nTraceback:\n1. log(-1:x)")).toMatchObject({ type: "error", ename: "Error", evalue: "object 'x' not found" });
    expect(tracebackEvent("Error: boom")).toMatchObject({ evalue: "boom" });
    const ipython = "\u001b[0;31m---------------------------------------------------------------------------\u001b[0m\n\u001b[0;31mZeroDivisionError\u001b[0m                         Traceback (most recent call last)\nCell \u001b[0;32mIn[3], line 3\u001b[0m\n\u001b[0;31mZeroDivisionError\u001b[0m: division by zero";
    expect(tracebackEvent(ipython)).toMatchObject({ ename: "ZeroDivisionError", evalue: "division by zero" });
    expect(tracebackEvent("a message\n")).toBeUndefined();
  });

  it("splits a readline prompt from the output before it", () => {
    expect(splitPrompt([{ kind: "stdout", text: "hi\n>> " }])).toEqual({ items: [{ kind: "stdout", text: "hi\n" }], prompt: ">> " });
    expect(splitPrompt([{ kind: "stdout", text: ">> " }])).toEqual({ items: [], prompt: ">> " });
    expect(splitPrompt([{ kind: "stderr", text: "x" }])).toEqual({ items: [{ kind: "stderr", text: "x" }], prompt: "" });
  });
});
