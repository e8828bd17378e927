// Writing nbformat 4.5: the shape Jupyter writes, every stored event mapped to an nbformat output.
import { describe, expect, it } from "vitest";
import { everyOutputEvents, everyOutputNotebook } from "./fixtures/sample-notebook";
import { toIpynb, toIpynbOutputs } from "./to-ipynb";

describe("toIpynb", () => {
  it("writes nbformat 4.5 with IRkernel's kernelspec, cell ids and sources as lists of lines", () => {
    const nb = toIpynb(everyOutputNotebook());
    expect(nb).toMatchObject({ nbformat: 4, nbformat_minor: 5 });
    expect(nb.metadata).toMatchObject({
      kernelspec: { name: "ir", display_name: "R", language: "R" },
      language_info: { name: "R", file_extension: ".r" },
      title: 'Sales "model" v2',
    });
    expect(nb.cells[0]).toEqual({ id: "md-1", cell_type: "markdown", metadata: {}, source: ["# Sales\n", "\n", "Some *notes*."] });
    expect(nb.cells[1]).toMatchObject({ id: "code-1", cell_type: "code", execution_count: 3, source: ["x <- 1\n", "plot(1)\n"] });
    expect(nb.cells[2]).toEqual({ id: "code-2", cell_type: "code", metadata: {}, source: ["never_run()"], execution_count: null, outputs: [] });
    expect(nb.cells[3]).toMatchObject({ execution_count: null, outputs: [] });
    expect(nb.cells[4]).toMatchObject({ source: [], outputs: [] });
  });

  it("writes Python notebooks with ipykernel's kernelspec", () => {
    const nb = toIpynb({ ...everyOutputNotebook(), language: "python" });
    expect(nb.metadata.kernelspec).toEqual({ name: "python3", display_name: "Python 3 (ipykernel)", language: "python" });
  });

  it("maps every event: merged streams, warnings and messages on stderr, rich data, errors, the truncation note", () => {
    expect(toIpynbOutputs(everyOutputEvents, 3)).toEqual([
      { output_type: "stream", name: "stdout", text: ["line 1\n", "line 2\n", "partial"] },
      {
        output_type: "stream",
        name: "stderr",
        text: ["loading data\n", "Warning message:\n", "In log(-1) : NaNs produced\n", "raw stderr\n"],
      },
      {
        output_type: "display_data",
        data: { "image/png": expect.stringMatching(/^iVBORw0KGgo/), "text/plain": ["plot without title"] },
        metadata: { "image/png": { width: 420, height: 420 } },
      },
      { output_type: "execute_result", data: { "text/plain": ["[1] 2"], "text/html": ["<b>2</b>\n", "<i>two</i>"] }, metadata: {}, execution_count: 3 },
      {
        output_type: "display_data",
        data: { "application/json": { a: [1, 2] }, "image/svg+xml": ['<svg xmlns="http://www.w3.org/2000/svg"/>\n'] },
        metadata: {},
      },
      {
        output_type: "stream",
        name: "stdout",
        text: ["Your name: "],
      },
      { output_type: "stream", name: "stderr", text: ["[Output truncated at 5 MB, the output limit; the rest was not kept.]\n"] },
      { output_type: "error", ename: "ERROR", evalue: "Error in f(): \u001b[31mboom\u001b[39m\n", traceback: ["Error in f(): boom\nTraceback:\n", "1. f()"] },
    ]);
  });

  it("keeps a warning R already worded, and leaves out empty text", () => {
    expect(toIpynbOutputs([{ type: "warning", text: "Warning message:\nboom\n" }, { type: "stream", name: "stdout", text: "" }], 1)).toEqual([
      { output_type: "stream", name: "stderr", text: ["Warning message:\n", "boom\n"] },
    ]);
  });

  it("keeps a JSON value that is not valid JSON text as a string", () => {
    const [out] = toIpynbOutputs([{ type: "display_data", data: { "application/vnd.custom+json": "{oops" } }], 1);
    expect(out).toMatchObject({ data: { "application/vnd.custom+json": "{oops" } });
  });
});
