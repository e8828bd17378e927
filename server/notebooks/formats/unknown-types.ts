// Newer nbformat 4 minors may bring cell and output types this version does not know (nbformat's
// own "4.99" test notebooks do). As Jupyter does, such a cell is read as a raw cell and such an
// output is set aside, both kept in the cell's metadata, rather than refusing the whole file.
import { isObject } from "./upgrade-nbformat";

type Json = Record<string, unknown>;

/** Cell metadata key under which Kernelbook keeps what it could not read. */
export const KEPT_KEY = "kernelbook";
export type KeptMetadata = { original_cell_type?: string; unknown_outputs?: Json[] };

const CELL_TYPES = new Set(["code", "markdown", "raw"]);
const OUTPUT_TYPES = new Set(["stream", "display_data", "execute_result", "error"]);

export function tolerateUnknownTypes(nb: Json): Json {
  if (!Array.isArray(nb.cells)) return nb;
  return { ...nb, cells: nb.cells.map(tolerateCell) };
}

function tolerateCell(cell: unknown): unknown {
  // Without a type name the cell is malformed, not new: the schema refuses it with its position.
  if (!isObject(cell) || typeof cell.cell_type !== "string") return cell;
  const metadata = isObject(cell.metadata) ? cell.metadata : {};
  if (!CELL_TYPES.has(cell.cell_type)) {
    const source = typeof cell.source === "string" || Array.isArray(cell.source) ? cell.source : "";
    return { cell_type: "raw", source, metadata: keep(metadata, { original_cell_type: cell.cell_type }) };
  }
  if (cell.cell_type !== "code" || !Array.isArray(cell.outputs)) return cell;
  const unknown = cell.outputs.filter((o): o is Json => isObject(o) && typeof o.output_type === "string" && !OUTPUT_TYPES.has(o.output_type));
  if (!unknown.length) return cell;
  return { ...cell, outputs: cell.outputs.filter((o) => !unknown.includes(o as Json)), metadata: keep(metadata, { unknown_outputs: unknown }) };
}

function keep(metadata: Json, kept: KeptMetadata): Json {
  const before = isObject(metadata[KEPT_KEY]) ? metadata[KEPT_KEY] : {};
  return { ...metadata, [KEPT_KEY]: { ...before, ...kept } };
}

/** What a cell's metadata says was set aside on import, for the import notes. */
export function keptOf(metadata: Json): KeptMetadata {
  const kept = metadata[KEPT_KEY];
  if (!isObject(kept)) return {};
  return {
    ...(typeof kept.original_cell_type === "string" ? { original_cell_type: kept.original_cell_type } : {}),
    ...(Array.isArray(kept.unknown_outputs) ? { unknown_outputs: kept.unknown_outputs.filter(isObject) } : {}),
  };
}
