// What .ipynb files are accepted, and the one clear sentence given for each kind of file refused.
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "@/server/contracts/notebook-transfer";
import { NotebookError } from "@/server/errors";
import { readFixture } from "./fixtures/read-fixture";
import { parseIpynb } from "./parse-ipynb";

function refusal(text: string): NotebookError {
  try {
    parseIpynb(text);
  } catch (e) {
    if (e instanceof NotebookError) return e;
    throw e;
  }
  throw new Error("the file was accepted");
}

const minimal = (cells: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells, ...extra });

describe("parseIpynb", () => {
  it("accepts notebooks written by JupyterLab with IRkernel and with ipykernel", () => {
    const r = parseIpynb(readFixture("ir-cars.ipynb"));
    expect(r.cells.map((c) => c.cell_type)).toEqual(["markdown", "code", "code", "code", "code"]);
    expect(r.metadata.kernelspec?.name).toBe("ir");
    const py = parseIpynb(readFixture("python-pandas.ipynb"));
    expect(py.cells.map((c) => c.cell_type)).toEqual(["markdown", "code", "code", "code", "raw", "code"]);
  });

  it("keeps metadata it does not know (cell tags, extensions' notebook metadata)", () => {
    const py = parseIpynb(readFixture("python-pandas.ipynb"));
    expect(py.metadata.toc).toEqual({ base_numbering: 1 });
    expect(py.cells[1].metadata).toEqual({ tags: ["parameters"] });
  });

  it("is tolerant of what other writers leave out: minor version, metadata, outputs, prompt numbers", () => {
    const text = JSON.stringify({ nbformat: 4, cells: [{ cell_type: "code", source: ["x <- 1"] }], metadata: { kernelspec: "odd" } });
    const nb = parseIpynb(text);
    expect(nb.cells[0]).toMatchObject({ cell_type: "code", execution_count: null, outputs: [], metadata: {} });
    expect(nb.metadata.kernelspec).toBeUndefined();
  });

  it("refuses a cell without a cell_type, saying which cell", () => {
    const e = refusal(readFixture("malformed-missing-cell-type.ipynb"));
    expect(e.code).toBe("INVALID");
    expect(e.message).toBe("This file is not a Jupyter notebook: cell 3 has no cell_type.");
  });

  it("reads unknown cell types as raw cells and sets unknown outputs aside (a newer nbformat 4), and names invalid fields", () => {
    expect(parseIpynb(minimal([{ cell_type: "sql", source: "select 1" }])).cells[0]).toEqual({
      cell_type: "raw", source: "select 1", metadata: { kernelbook: { original_cell_type: "sql" } },
    });
    const newOutput = { cell_type: "code", source: "", outputs: [{ output_type: "stream", name: "stdout", text: "a" }, { output_type: "widget" }] };
    expect(parseIpynb(minimal([newOutput])).cells[0]).toMatchObject({
      outputs: [{ output_type: "stream" }], metadata: { kernelbook: { unknown_outputs: [{ output_type: "widget" }] } },
    });
    expect(refusal(minimal([{ cell_type: "code", source: "", outputs: [{ text: "a" }] }])).message).toBe(
      "This file is not a Jupyter notebook: cell 1, output 1 has no output_type.",
    );
    const noText = { cell_type: "code", source: "", outputs: [{ output_type: "stream", name: "stdout" }] };
    expect(refusal(minimal([noText])).message).toBe("This file is not a Jupyter notebook: cell 1, output 1 has no text.");
    expect(refusal(minimal([{ cell_type: "markdown", source: 42 }])).message).toBe(
      "This file is not a Jupyter notebook: cell 1 has an invalid source (expected text or a list of lines).",
    );
    expect(refusal(minimal([{ cell_type: "code", source: "", execution_count: 2 ** 40 }])).message).toMatch(/cell 1 has an invalid execution_count/);
    const badImage = { cell_type: "code", source: "", outputs: [{ output_type: "display_data", data: { "image/png": 1 }, metadata: {} }] };
    expect(refusal(minimal([badImage])).message).toMatch(/cell 1, output 1 has an invalid data\.image\/png/);
  });

  it("replaces NUL characters, which PostgreSQL cannot store", () => {
    const nb = parseIpynb(minimal([{ cell_type: "markdown", source: "a\u0000b" }]));
    expect(nb.cells[0].source).toBe("a\uFFFDb");
  });

  it("refuses what is not JSON, not a notebook, or another nbformat", () => {
    expect(refusal(readFixture("truncated.ipynb")).message).toMatch(/^This file is not a Jupyter notebook: it is not valid JSON/);
    expect(refusal("[1, 2]").message).toBe("This file is not a Jupyter notebook: it holds JSON, but not a notebook object.");
    expect(refusal('{"cells": []}').message).toBe("This file is not a Jupyter notebook: it has no nbformat version.");
    expect(refusal('{"nbformat": 1, "cells": []}').message).toBe("This notebook uses nbformat 1; nbformat 2, 3 and 4 can be imported.");
    expect(refusal('{"nbformat": 5, "cells": []}').message).toBe("This notebook uses nbformat 5; nbformat 2, 3 and 4 can be imported.");
    expect(refusal('{"nbformat": 4, "metadata": {}}').message).toBe("This file is not a Jupyter notebook: the notebook has no cells.");
  });

  it("refuses files over 20 MB and notebooks over 2000 cells", () => {
    const big = minimal([{ cell_type: "markdown", source: "x".repeat(MAX_IMPORT_BYTES) }]);
    expect(refusal(big).message).toBe("The file is larger than 20 MB, the import limit.");
    // Multi-byte characters count as the bytes they take.
    const wide = minimal([{ cell_type: "markdown", source: "é".repeat(MAX_IMPORT_BYTES / 2) }]);
    expect(refusal(wide).message).toBe("The file is larger than 20 MB, the import limit.");
    const many = minimal(Array.from({ length: 2001 }, () => ({ cell_type: "markdown", source: "" })));
    expect(refusal(many).message).toBe("This notebook has 2001 cells; the import limit is 2000.");
  });
});
