// Jupyter's command-mode keys (a cell selected, no editor focused), as a pure mapping.
export type NotebookCommand =
  | "addAbove" | "addBelow" | "delete" | "toMarkdown" | "toCode"
  | "selectPrev" | "selectNext" | "edit" | "runAdvance" | "runInPlace" | "runInsertBelow";

export type KeyInput = { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean };

/** How long after a first D a second one deletes the cell. */
export const DOUBLE_D_MS = 1_000;

/** The command for a key in command mode; "armDelete" is the first D of DD. */
export function commandForKey(e: KeyInput, opts: { deleteArmed: boolean }): NotebookCommand | "armDelete" | null {
  if (e.key === "Enter") {
    if (e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) return "runAdvance";
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey) return "runInPlace";
    if (e.altKey && !e.shiftKey && !e.ctrlKey && !e.metaKey) return "runInsertBelow";
    return e.shiftKey || e.ctrlKey || e.metaKey || e.altKey ? null : "edit";
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === "ArrowUp") return e.shiftKey ? null : "selectPrev";
  if (e.key === "ArrowDown") return e.shiftKey ? null : "selectNext";
  if (e.shiftKey) return null;
  switch (e.key.toLowerCase()) {
    case "a": return "addAbove";
    case "b": return "addBelow";
    case "d": return opts.deleteArmed ? "delete" : "armDelete";
    case "m": return "toMarkdown";
    case "y": return "toCode";
    case "k": return "selectPrev";
    case "j": return "selectNext";
    default: return null;
  }
}
