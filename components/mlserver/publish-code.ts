// Which notebook cells a web service's code comes from: the code cells in notebook order, the
// default choice (the selected cell) and the chosen cells' sources joined into one script.
import type { DocCell } from "@/components/notebook/types";

/** A code cell as the publish dialog lists it; `index` is its position among all the notebook's cells. */
export type CodeCellChoice = { id: string; index: number; firstLine: string; empty: boolean };

export function codeCellChoices(cells: readonly DocCell[]): CodeCellChoice[] {
  const choices: CodeCellChoice[] = [];
  cells.forEach((cell, index) => {
    if (cell.kind !== "code") return;
    const firstLine = cell.source.split("\n").find((line) => line.trim() !== "")?.trim() ?? "";
    choices.push({ id: cell.id, index, firstLine, empty: firstLine === "" });
  });
  return choices;
}

/** The selected cell when it is a code cell; nothing otherwise. */
export function defaultChosen(cells: readonly DocCell[], selectedId: string | null): Set<string> {
  const selected = cells.find((c) => c.id === selectedId);
  return new Set(selected?.kind === "code" ? [selected.id] : []);
}

/** The chosen code cells' sources in notebook order, blank ones left out, a blank line between. */
export function joinChosenCode(cells: readonly DocCell[], chosen: ReadonlySet<string>): string {
  return cells
    .filter((c) => c.kind === "code" && chosen.has(c.id))
    .map((c) => c.source.replace(/\s+$/, ""))
    .filter((source) => source.trim() !== "")
    .join("\n\n");
}

/** Adds or removes one cell from the choice (a new set: React state). */
export function toggleChosen(chosen: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(chosen);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
