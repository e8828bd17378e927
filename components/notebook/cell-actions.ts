// What a cell can ask the notebook to do; one stable object shared by every cell, so cells
// re-render only when their own data changes.
import type { CursorHint, EditorCommand } from "./monaco-cell-editor";
import type { CellKind } from "./types";

export type CellActions = {
  select: (id: string) => void;
  edit: (id: string, cursor: CursorHint) => void;
  add: (kind: CellKind, anchorId: string | null, where: "above" | "below", opts: { edit: boolean }) => void;
  remove: (id: string) => void;
  move: (id: string, delta: -1 | 1) => void;
  setKind: (id: string, kind: CellKind) => void;
  setSource: (id: string, source: string) => void;
  /** Runs a code cell (or renders a markdown one) without moving the selection. */
  run: (id: string) => void;
  /** A notebook key pressed inside a cell's editor. */
  command: (id: string, command: EditorCommand) => void;
};
