// The notebook document as the page edits it: ordered cells, the selected cell and the one being
// edited; a pure reducer so every structural edit is testable and bumps `rev` for autosave.
import type { CellKind, DocCell } from "./types";

export type DocState = {
  cells: DocCell[];
  selectedId: string | null;
  /** The cell in edit mode (its editor has the keyboard); null means command mode. */
  editingId: string | null;
  /** Increases on every change that must be saved (text, order, kind, add, delete). */
  rev: number;
};

export type DocAction =
  | { type: "add"; id: string; kind: CellKind; anchorId: string | null; where: "above" | "below"; edit: boolean; source?: string }
  | { type: "delete"; id: string }
  | { type: "move"; id: string; delta: -1 | 1 }
  | { type: "setKind"; id: string; kind: CellKind }
  | { type: "setSource"; id: string; source: string }
  | { type: "select"; id: string | null }
  | { type: "selectRelative"; delta: -1 | 1 }
  | { type: "edit"; id: string }
  | { type: "stopEdit" };

export function initialDoc(cells: DocCell[]): DocState {
  return { cells, selectedId: cells[0]?.id ?? null, editingId: null, rev: 0 };
}

export function docReducer(state: DocState, action: DocAction): DocState {
  switch (action.type) {
    case "add":
      return addCell(state, action);
    case "delete":
      return deleteCell(state, action.id);
    case "move":
      return moveCell(state, action.id, action.delta);
    case "setKind":
      return updateCell(state, action.id, (c) => (c.kind === action.kind ? c : { ...c, kind: action.kind }));
    case "setSource":
      return updateCell(state, action.id, (c) => (c.source === action.source ? c : { ...c, source: action.source }));
    case "select":
      if (action.id !== null && !hasCell(state, action.id)) return state;
      // A click inside the cell being edited keeps it in edit mode.
      if (action.id !== null && action.id === state.editingId) return state;
      return state.selectedId === action.id && state.editingId === null ? state : { ...state, selectedId: action.id, editingId: null };
    case "selectRelative":
      return selectRelative(state, action.delta);
    case "edit":
      if (!hasCell(state, action.id)) return state;
      return { ...state, selectedId: action.id, editingId: action.id };
    case "stopEdit":
      return state.editingId === null ? state : { ...state, editingId: null };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

function hasCell(state: DocState, id: string): boolean {
  return state.cells.some((c) => c.id === id);
}

function addCell(state: DocState, a: Extract<DocAction, { type: "add" }>): DocState {
  const cell: DocCell = { id: a.id, kind: a.kind, source: a.source ?? "" };
  const anchor = a.anchorId === null ? -1 : state.cells.findIndex((c) => c.id === a.anchorId);
  let at: number;
  if (anchor < 0) at = a.where === "above" ? 0 : state.cells.length;
  else at = a.where === "above" ? anchor : anchor + 1;
  const cells = [...state.cells.slice(0, at), cell, ...state.cells.slice(at)];
  return { cells, selectedId: cell.id, editingId: a.edit ? cell.id : null, rev: state.rev + 1 };
}

function deleteCell(state: DocState, id: string): DocState {
  const index = state.cells.findIndex((c) => c.id === id);
  if (index < 0) return state;
  const cells = state.cells.filter((c) => c.id !== id);
  const neighbour = cells[Math.min(index, cells.length - 1)] ?? null;
  const selectedId = state.selectedId === id ? (neighbour?.id ?? null) : state.selectedId;
  return { cells, selectedId, editingId: state.editingId === id ? null : state.editingId, rev: state.rev + 1 };
}

function moveCell(state: DocState, id: string, delta: -1 | 1): DocState {
  const from = state.cells.findIndex((c) => c.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= state.cells.length) return state;
  const cells = [...state.cells];
  [cells[from], cells[to]] = [cells[to], cells[from]];
  return { ...state, cells, rev: state.rev + 1 };
}

function updateCell(state: DocState, id: string, change: (cell: DocCell) => DocCell): DocState {
  const index = state.cells.findIndex((c) => c.id === id);
  if (index < 0) return state;
  const next = change(state.cells[index]);
  if (next === state.cells[index]) return state;
  const cells = [...state.cells];
  cells[index] = next;
  return { ...state, cells, rev: state.rev + 1 };
}

function selectRelative(state: DocState, delta: -1 | 1): DocState {
  if (state.cells.length === 0) return state;
  const index = state.cells.findIndex((c) => c.id === state.selectedId);
  const target = index < 0 ? 0 : Math.min(Math.max(index + delta, 0), state.cells.length - 1);
  const id = state.cells[target].id;
  return id === state.selectedId && state.editingId === null ? state : { ...state, selectedId: id, editingId: null };
}

/** The cells strictly above `id`, in order (for "Run above"). */
export function cellsAbove(cells: DocCell[], id: string | null): DocCell[] {
  const index = id === null ? -1 : cells.findIndex((c) => c.id === id);
  return index < 0 ? [] : cells.slice(0, index);
}

/** Code cells worth sending to the kernel (empty ones are skipped, as Jupyter does). */
export function runnable(cells: DocCell[]): DocCell[] {
  return cells.filter((c) => c.kind === "code" && c.source.trim() !== "");
}
