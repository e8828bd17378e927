// Reading .ipynb into Kernelbook's model: real IRkernel and ipykernel files, provider choice, raw cells.
import { describe, expect, it } from "vitest";
import { readFixture } from "./fixtures/read-fixture";
import { fenced, fromIpynb, titleOf } from "./from-ipynb";
import { parseIpynb } from "./parse-ipynb";

const webrOnly = { filename: "cars.ipynb", availableProviders: ["webr"] as const };

describe("fromIpynb", () => {
  it("reads an IRkernel notebook: markdown, streams, a data frame, a PNG plot, a warning and an ANSI error", () => {
    const nb = fromIpynb(parseIpynb(readFixture("ir-cars.ipynb")), { ...webrOnly, filename: "cars analysis.ipynb" });
    expect(nb).toMatchObject({ title: "cars analysis", provider: "webr", runtime: null, language: "r", notes: [] });
    expect(nb.cells.map((c) => c.kind)).toEqual(["markdown", "code", "code", "code", "code"]);
    expect(nb.cells[0].source).toBe("# Cars: stopping distance\n\nA quick look at `cars` with a plot, a warning and an error.");
    expect(nb.cells.map((c) => c.executionCount)).toEqual([null, 1, 2, 3, 4]);

    const [stdout, table] = nb.cells[1].outputs;
    expect(stdout).toEqual({ type: "stream", name: "stdout", text: "rows: 50 \n" });
    expect(table).toMatchObject({ type: "display_data", data: { "text/plain": expect.stringContaining("speed dist") } });
    expect(table.type === "display_data" && table.data["text/html"]).toMatch(/^<table class="dataframe">\n/);

    const [plot] = nb.cells[2].outputs;
    expect(plot.type === "display_data" && plot.data["image/png"]).toMatch(/^iVBORw0KGgo/);
    expect(plot).toMatchObject({ metadata: { "image/png": { width: 60, height: 60 } } });

    expect(nb.cells[3].outputs.slice(0, 2)).toEqual([
      { type: "stream", name: "stderr", text: "Warning message in log(-1):\n“NaNs produced”\n" },
      { type: "stream", name: "stderr", text: "computed x\n\n" },
    ]);
    const [error] = nb.cells[4].outputs;
    expect(error).toMatchObject({ type: "error", ename: "ERROR", evalue: expect.stringContaining("\u001b[33m!\u001b[39m Column `y` is missing.") });
    expect(error.type === "error" && error.traceback[0]).toContain("Traceback:");
  });

  it("runs R notebooks on Jupyter (IRkernel) when a Jupyter server is configured", () => {
    const nb = fromIpynb(parseIpynb(readFixture("ir-cars.ipynb")), { ...webrOnly, availableProviders: ["webr", "jupyter"] });
    expect(nb).toMatchObject({ provider: "jupyter", runtime: "ir" });
  });

  it("imports a Python notebook on the jupyter provider, saying it cannot run until Jupyter is configured", () => {
    const nb = fromIpynb(parseIpynb(readFixture("python-pandas.ipynb")), { ...webrOnly, filename: "sales.ipynb" });
    expect(nb).toMatchObject({ provider: "jupyter", runtime: "python3", language: "python" });
    expect(nb.notes).toEqual([
      "This is a Python notebook: its cells and outputs were imported, but it cannot run until a Jupyter server is configured (JUPYTER_URL).",
      "Raw cell 5 was imported as markdown, the raw text in a code block.",
      "Attachments (pasted images) of cell 1 were not imported.",
    ]);
    const withJupyter = fromIpynb(parseIpynb(readFixture("python-pandas.ipynb")), { ...webrOnly, availableProviders: ["webr", "jupyter"] });
    expect(withJupyter.notes.some((n) => n.includes("JUPYTER_URL"))).toBe(false);
  });

  it("maps ipykernel outputs: execute_result, JSON data kept as JSON text, an ANSI traceback", () => {
    const nb = fromIpynb(parseIpynb(readFixture("python-pandas.ipynb")), webrOnly);
    expect(nb.cells[1].outputs[1]).toEqual({
      type: "execute_result",
      data: { "text/html": expect.stringContaining("<table"), "text/plain": "  region  sales\n0  north     10" },
    });
    expect(nb.cells[2].outputs[0]).toMatchObject({ type: "display_data", data: { "application/json": '{"north":10,"south":20}' } });
    expect(nb.cells[3].outputs[0]).toMatchObject({ type: "error", ename: "KeyError", evalue: "'west'" });
    expect(nb.cells[4]).toEqual({ kind: "markdown", source: "```\n\\newpage\n```", executionCount: null, outputs: [], metadata: { raw_mimetype: "text/latex" } });
    expect(nb.cells[5]).toEqual({ kind: "code", source: "", executionCount: null, outputs: [], metadata: {} });
  });

  it("opens a notebook that names no kernel as R, and an empty one with one cell", () => {
    const nb = fromIpynb(parseIpynb('{"nbformat": 4, "nbformat_minor": 2, "metadata": {}, "cells": []}'), webrOnly);
    expect(nb.provider).toBe("webr");
    expect(nb.notes).toEqual(["The file names no kernel, so it was opened as an R notebook."]);
    expect(nb.cells).toEqual([{ kind: "code", source: "", executionCount: null, outputs: [], metadata: {} }]);
  });

  it("recognizes R and Python kernels by name when no language is given", () => {
    const kernel = (name: string) =>
      fromIpynb(parseIpynb(JSON.stringify({ nbformat: 4, metadata: { kernelspec: { name, display_name: name } }, cells: [] })), webrOnly);
    expect(kernel("ir43").language).toBe("r");
    expect(kernel("python3").language).toBe("python");
    const julia = kernel("julia-1.10");
    expect(julia).toMatchObject({ language: null, provider: "jupyter", runtime: "julia-1.10" });
    expect(julia.notes[0]).toMatch(/^This is a julia-1.10 notebook/);
  });

  it("titles the notebook after the file name, then metadata.title", () => {
    expect(titleOf("C:\\Users\\me\\Q3 report.IPYNB")).toBe("Q3 report");
    expect(titleOf(".ipynb", "From metadata")).toBe("From metadata");
    expect(titleOf(".ipynb")).toBe("Imported notebook");
    expect(titleOf(`${"a".repeat(300)}.ipynb`)).toHaveLength(200);
  });

  it("fences raw text with more backticks than it contains", () => {
    expect(fenced("a ``` b\n")).toBe("````\na ``` b\n````");
    expect(fenced("")).toBe("```\n```");
  });
});
