import { describe, expect, it } from "vitest";
import { cellsAbove, docReducer, initialDoc, runnable } from "./notebook-doc";
import type { DocCell } from "./types";

const cells: DocCell[] = [
  { id: "a", kind: "code", source: "1" },
  { id: "b", kind: "markdown", source: "# b" },
  { id: "c", kind: "code", source: "  " },
];

describe("docReducer", () => {
  it("selects the first cell initially, in command mode", () => {
    expect(initialDoc(cells)).toMatchObject({ selectedId: "a", editingId: null, rev: 0 });
    expect(initialDoc([]).selectedId).toBeNull();
  });

  it("adds above and below the anchor, selects the new cell and bumps rev", () => {
    let s = docReducer(initialDoc(cells), { type: "add", id: "n", kind: "code", anchorId: "b", where: "above", edit: false });
    expect(s.cells.map((c) => c.id)).toEqual(["a", "n", "b", "c"]);
    expect(s).toMatchObject({ selectedId: "n", editingId: null, rev: 1 });
    s = docReducer(s, { type: "add", id: "m", kind: "markdown", anchorId: "c", where: "below", edit: true });
    expect(s.cells.map((c) => c.id)).toEqual(["a", "n", "b", "c", "m"]);
    expect(s).toMatchObject({ selectedId: "m", editingId: "m", rev: 2 });
  });

  it("adds at the end (or start) without an anchor", () => {
    const s = docReducer(initialDoc([]), { type: "add", id: "x", kind: "code", anchorId: null, where: "below", edit: false });
    expect(s.cells).toEqual([{ id: "x", kind: "code", source: "" }]);
    const t = docReducer(s, { type: "add", id: "y", kind: "code", anchorId: null, where: "above", edit: false });
    expect(t.cells.map((c) => c.id)).toEqual(["y", "x"]);
  });

  it("deletes a cell and selects its successor, or the previous one at the end", () => {
    let s = docReducer(initialDoc(cells), { type: "select", id: "b" });
    s = docReducer(s, { type: "delete", id: "b" });
    expect(s.cells.map((c) => c.id)).toEqual(["a", "c"]);
    expect(s.selectedId).toBe("c");
    s = docReducer(s, { type: "delete", id: "c" });
    expect(s.selectedId).toBe("a");
    s = docReducer(s, { type: "delete", id: "a" });
    expect(s).toMatchObject({ cells: [], selectedId: null, rev: 3 });
  });

  it("moves cells within bounds only", () => {
    const s0 = initialDoc(cells);
    const s1 = docReducer(s0, { type: "move", id: "a", delta: 1 });
    expect(s1.cells.map((c) => c.id)).toEqual(["b", "a", "c"]);
    expect(s1.rev).toBe(1);
    expect(docReducer(s0, { type: "move", id: "a", delta: -1 })).toBe(s0);
    expect(docReducer(s0, { type: "move", id: "c", delta: 1 })).toBe(s0);
  });

  it("changes kind and source, ignoring no-op changes", () => {
    const s0 = initialDoc(cells);
    const s1 = docReducer(s0, { type: "setKind", id: "a", kind: "markdown" });
    expect(s1.cells[0].kind).toBe("markdown");
    expect(s1.cells[1]).toBe(s0.cells[1]);
    expect(docReducer(s1, { type: "setKind", id: "a", kind: "markdown" })).toBe(s1);
    const s2 = docReducer(s1, { type: "setSource", id: "b", source: "text" });
    expect(s2).toMatchObject({ rev: 2 });
    expect(s2.cells[1].source).toBe("text");
    expect(docReducer(s2, { type: "setSource", id: "b", source: "text" })).toBe(s2);
    expect(docReducer(s2, { type: "setSource", id: "missing", source: "x" })).toBe(s2);
  });

  it("moves the selection up and down, clamped, leaving edit mode; edit and stopEdit do not bump rev", () => {
    let s = docReducer(initialDoc(cells), { type: "edit", id: "a" });
    expect(s).toMatchObject({ selectedId: "a", editingId: "a", rev: 0 });
    s = docReducer(s, { type: "selectRelative", delta: 1 });
    expect(s).toMatchObject({ selectedId: "b", editingId: null });
    s = docReducer(docReducer(s, { type: "selectRelative", delta: 1 }), { type: "selectRelative", delta: 1 });
    expect(s.selectedId).toBe("c");
    s = docReducer(s, { type: "selectRelative", delta: -1 });
    expect(s.selectedId).toBe("b");
    s = docReducer(s, { type: "edit", id: "b" });
    expect(docReducer(s, { type: "select", id: "b" })).toBe(s);
    expect(docReducer(s, { type: "select", id: "a" })).toMatchObject({ selectedId: "a", editingId: null });
    s = docReducer(s, { type: "stopEdit" });
    expect(s).toMatchObject({ selectedId: "b", editingId: null, rev: 0 });
  });
});

describe("cellsAbove / runnable", () => {
  it("lists the cells strictly above the selected one", () => {
    expect(cellsAbove(cells, "c").map((c) => c.id)).toEqual(["a", "b"]);
    expect(cellsAbove(cells, "a")).toEqual([]);
    expect(cellsAbove(cells, null)).toEqual([]);
  });

  it("keeps non-empty code cells only", () => {
    expect(runnable(cells).map((c) => c.id)).toEqual(["a"]);
  });
});
