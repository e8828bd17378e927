// Exported notebooks validated by the official nbformat package (python3-nbformat), not by our own
// reading of the spec; and a broken export is refused, so these checks can fail.
import { describe, expect, it } from "vitest";
import type { ExportableNotebook } from "./exportable";
import { checkWithNbformat, VALIDATE, VALIDATE_RAW } from "./fixtures/nbformat-validate";
import { readFixture } from "./fixtures/read-fixture";
import { everyOutputNotebook } from "./fixtures/sample-notebook";
import { fromIpynb } from "./from-ipynb";
import { parseIpynb } from "./parse-ipynb";
import { toIpynb, toIpynbText } from "./to-ipynb";

async function expectValid(text: string): Promise<void> {
  for (const script of [VALIDATE, VALIDATE_RAW]) {
    const verdict = await checkWithNbformat(text, script);
    expect(verdict.stderr).toBe("");
    expect(verdict.ok).toBe(true);
  }
}

function reexported(fixture: string): string {
  const imported = fromIpynb(parseIpynb(readFixture(fixture)), { filename: fixture, availableProviders: ["webr"] });
  const notebook: ExportableNotebook = {
    title: imported.title,
    language: imported.language ?? "r",
    cells: imported.cells.map((c, i) => ({
      id: `imported-${i}`, kind: c.kind, source: c.source, metadata: c.metadata, execution: { executionCount: c.executionCount, events: c.outputs },
    })),
  };
  return toIpynbText(notebook);
}

describe("exported .ipynb against the official nbformat schema", () => {
  it("validates a notebook with every kind of output (R)", async () => {
    await expectValid(toIpynbText(everyOutputNotebook()));
  });

  it("validates a Python notebook's export", async () => {
    await expectValid(toIpynbText({ ...everyOutputNotebook(), language: "python" }));
  });

  it("validates the re-export of Jupyter-written notebooks (IRkernel, ipykernel)", async () => {
    await expectValid(reexported("ir-cars.ipynb"));
    await expectValid(reexported("python-pandas.ipynb"));
  });

  it("validates the export of upgraded nbformat 2 / 3 notebooks and of a 4.99 one (cell metadata kept)", async () => {
    await expectValid(reexported("nbformat2-python.ipynb"));
    await expectValid(reexported("irkernel-demo-v3.ipynb"));
    await expectValid(reexported("future-nbformat-4.99.ipynb"));
  });

  it("refuses a broken export: a code cell without outputs, an output of an unknown shape", async () => {
    const nb = toIpynb(everyOutputNotebook());
    const code = nb.cells[1] as Record<string, unknown>;
    const withoutOutputs = { ...nb, cells: [{ ...code, outputs: undefined }] };
    const verdict = await checkWithNbformat(JSON.stringify(withoutOutputs), VALIDATE);
    expect(verdict.ok).toBe(false);
    expect(verdict.stderr).toMatch(/ValidationError|is not valid/);

    const badStream = { ...nb, cells: [{ ...code, outputs: [{ output_type: "stream", name: "stdout", text: 42 }] }] };
    expect((await checkWithNbformat(JSON.stringify(badStream), VALIDATE)).ok).toBe(false);
  });

  it("refuses a cell without an id under the raw 4.5 schema (read() would quietly add one)", async () => {
    const nb = toIpynb(everyOutputNotebook());
    const withoutId = { ...nb, cells: nb.cells.map(({ id: _id, ...cell }) => cell) };
    expect((await checkWithNbformat(JSON.stringify(withoutId), VALIDATE_RAW)).ok).toBe(false);
  });
});
