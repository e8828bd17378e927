// Round trips: what Kernelbook exports, it imports back the same (cells, kinds, sources, outputs),
// and a Jupyter-written notebook survives import → export → import.
import { describe, expect, it } from "vitest";
import type { ExecEvent, StoredEvent } from "@/server/contracts/outputs";
import type { ExportableNotebook } from "./exportable";
import { everyOutputNotebook } from "./fixtures/sample-notebook";
import { readFixture } from "./fixtures/read-fixture";
import { fromIpynb, type ImportedNotebook } from "./from-ipynb";
import { parseIpynb } from "./parse-ipynb";
import { toIpynb } from "./to-ipynb";

const options = { filename: "round trip.ipynb", availableProviders: ["webr"] as const };

function reimport(notebook: ExportableNotebook): ImportedNotebook {
  return fromIpynb(parseIpynb(JSON.stringify(toIpynb(notebook), null, 1)), options);
}

function asExportable(imported: ImportedNotebook): ExportableNotebook {
  return {
    title: imported.title,
    language: imported.language ?? "r",
    cells: imported.cells.map((cell, i) => ({
      id: `cell-${i}`, kind: cell.kind, source: cell.source, metadata: cell.metadata,
      execution: cell.executionCount === null && cell.outputs.length === 0 ? null : { executionCount: cell.executionCount, events: cell.outputs },
    })),
  };
}

/** nbformat has one stream output per run of text: adjacent stream events are one there. */
function mergeStreams(events: readonly ExecEvent[]): ExecEvent[] {
  const merged: ExecEvent[] = [];
  for (const e of events) {
    const last = merged.at(-1);
    if (e.type === "stream" && last?.type === "stream" && last.name === e.name) merged[merged.length - 1] = { ...last, text: last.text + e.text };
    else merged.push(e);
  }
  return merged;
}

/** What each stored event becomes in an ipynb file and back, spelled out. */
function expectedAfterTrip(events: readonly StoredEvent[]): ExecEvent[] {
  return mergeStreams(events.flatMap((e): ExecEvent[] => {
    switch (e.type) {
      case "status":
      case "notice": return [];
      case "warning": return [{ type: "stream", name: "stderr", text: `Warning message:\n${e.text}\n` }];
      case "message": return [{ type: "stream", name: "stderr", text: e.text }];
      case "input_request": return [{ type: "stream", name: "stdout", text: e.prompt }];
      case "input_reply": return [{ type: "stream", name: "stdout", text: `${e.value}\n` }];
      case "truncated": return [{ type: "stream", name: "stderr", text: "[Output truncated at 5 MB, the output limit; the rest was not kept.]\n" }];
      default: return [e];
    }
  }));
}

describe("round trip", () => {
  it("import(export(notebook)) keeps cells, kinds, sources, prompt numbers and outputs", () => {
    const original = everyOutputNotebook();
    const back = reimport(original);
    expect(back.cells.map((c) => [c.kind, c.source])).toEqual(original.cells.map((c) => [c.kind, c.source]));
    expect(back.cells.map((c) => c.executionCount)).toEqual([null, 3, null, null, null]);
    expect(back.cells[1].outputs).toEqual(expectedAfterTrip(original.cells[1].execution!.events));
    expect(back.cells.filter((c) => c.outputs.length > 0)).toHaveLength(1);
  });

  it("keeps sources with no final newline, blank lines, CRLF, tabs and non-ASCII text exactly", () => {
    const sources = ["", "\n", "a\r\nb", "\tindented\n\n\nend", "café ✓ 𝛼\n", "x"];
    const notebook: ExportableNotebook = {
      title: "t", language: "r",
      cells: sources.map((source, i) => ({ id: `c${i}`, kind: i % 2 ? "markdown" : "code", source, execution: null })),
    };
    expect(reimport(notebook).cells.map((c) => c.source)).toEqual(sources);
  });

  for (const fixture of ["ir-cars.ipynb", "python-pandas.ipynb"]) {
    it(`a Jupyter-written notebook (${fixture}) survives import, export, import`, () => {
      const first = fromIpynb(parseIpynb(readFixture(fixture)), options);
      const second = reimport(asExportable(first));
      expect(second.language).toBe(first.language);
      expect(second.cells.map((c) => ({ ...c, outputs: mergeStreams(c.outputs) })))
        .toEqual(first.cells.map((c) => ({ ...c, outputs: mergeStreams(c.outputs) })));
    });
  }
});
