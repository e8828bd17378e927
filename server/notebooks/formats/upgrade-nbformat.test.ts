// nbformat 2 and 3 notebooks are upgraded as nbformat's own converter upgrades them: the expected
// files (*.nbformat-v4.json) were written once by nbformat 5.5 (`nbformat.read(f, as_version=4)`).
// Newer nbformat 4 files with cell or output types unknown here import rather than being refused.
import { describe, expect, it } from "vitest";
import { readFixture } from "./fixtures/read-fixture";
import { fromIpynb } from "./from-ipynb";
import { parseIpynb } from "./parse-ipynb";

type Json = Record<string, unknown>;

/** Multiline values joined (nbformat writes lists of lines, the upgrade keeps what the file had); ids dropped. */
function normalized(value: unknown, key = ""): unknown {
  if (Array.isArray(value)) {
    const lines = value.every((v) => typeof v === "string") && key !== "traceback";
    return lines ? value.join("") : value.map((v) => normalized(v));
  }
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "id").map(([k, v]) => [k, normalized(v, k)]));
}

const expected = (name: string) => JSON.parse(readFixture(name)) as { cells: Json[]; metadata: Json };

describe("nbformat 2 and 3 upgrade", () => {
  it.each([
    ["nbformat2-python.ipynb", "nbformat2-python.nbformat-v4.json"],
    ["irkernel-demo-v3.ipynb", "irkernel-demo-v3.nbformat-v4.json"],
    ["nbformat3.ipynb", "nbformat3.nbformat-v4.json"],
  ])("%s: the same cells as nbformat's converter gives", (file, reference) => {
    const nb = parseIpynb(readFixture(file));
    expect(nb.nbformat).toBe(4);
    expect(normalized(nb.cells)).toEqual(normalized(expected(reference).cells));
  });

  it("an IRkernel 2014 notebook: headings, HTML/LaTeX/text values, a plot, an R error, and R as its language", () => {
    const nb = parseIpynb(readFixture("irkernel-demo-v3.ipynb"));
    expect(nb.metadata).toEqual({ language_info: { name: "R" }, orig_nbformat: 3, orig_nbformat_minor: 0 });
    const imported = fromIpynb(nb, { filename: "Demo.ipynb", availableProviders: ["webr"] });
    expect(imported.language).toBe("r");
    expect(imported.provider).toBe("webr");
    expect(imported.cells.map((c) => c.source.split("\n")[0])).toEqual([
      "# Native R kernel for IPython", "### Rich outputs", "Values are shown as HTML, LaTeX and text; plots as PNG.",
      "data.frame(a = 1:2, b = c('x', 'y'))", "plot(cars)", "message('loading')",
    ]);
    const [table, plot, failed] = imported.cells.slice(3);
    expect(table?.executionCount).toBe(1);
    expect(table?.outputs[0]).toMatchObject({ type: "execute_result", data: { "text/html": expect.stringContaining("<table>"), "text/latex": expect.any(String), "text/plain": "  a b\n1 1 x\n2 2 y" } });
    expect(plot?.outputs.map((o) => o.type)).toEqual(["display_data", "execute_result"]);
    expect(plot?.outputs[0]).toMatchObject({ data: { "image/png": expect.stringMatching(/^iVBOR/) }, metadata: { "image/png": { width: 420, height: 420 } } });
    expect(plot?.outputs[1]).toMatchObject({ data: { "application/json": '{"a":[1]}' } });
    expect(failed?.outputs).toEqual([
      { type: "stream", name: "stderr", text: "loading\n" },
      { type: "error", ename: "ERROR", evalue: "Error in eval(expr, envir, enclos): boom\n", traceback: ["Error in eval(expr, envir, enclos): boom\n"] },
    ]);
    expect(failed?.metadata).toEqual({ collapsed: false });
  });

  it("an IPython 2 notebook (v2 → v3 → v4) keeps Python as its language", () => {
    const nb = parseIpynb(readFixture("nbformat2-python.ipynb"));
    expect(nb.metadata).toMatchObject({ language_info: { name: "python" }, orig_nbformat: 2 });
    expect(fromIpynb(nb, { filename: "test2.ipynb", availableProviders: ["webr", "jupyter"] }).language).toBe("python");
  });

  it("nbformat 4.99: an unknown cell type imports as raw text, an unknown output is kept in the cell's metadata", () => {
    const nb = parseIpynb(readFixture("future-nbformat-4.99.ipynb"));
    const imported = fromIpynb(nb, { filename: "future.ipynb", availableProviders: ["webr"] });
    expect(imported.cells.map((c) => c.kind)).toEqual(["markdown", "markdown", "code"]);
    expect(imported.cells[1]?.source).toBe("```\nsome future content\n```");
    expect(imported.cells[1]?.metadata).toEqual({ tags: ["new"], kernelbook: { original_cell_type: "future cell" } });
    expect(imported.cells[2]?.outputs).toEqual([{ type: "stream", name: "stdout", text: "[1] 1\n" }]);
    expect(imported.cells[2]?.metadata).toEqual({ kernelbook: { unknown_outputs: [{ output_type: "future output", "some key": ["some data"] }] } });
    expect(imported.notes).toEqual([
      'Cell 2 has a type this version does not know ("future cell"): it was imported as raw text.',
      'Cell 3 has an output of a type this version does not know ("future output"): it is kept in the cell\'s metadata but not shown.',
    ]);
  });
});
