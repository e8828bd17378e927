// Turns a checked .ipynb notebook into Kernelbook's model: a title, a provider, cells, and each
// code cell's outputs as the same events a kernel would have produced.
import type { CellKind } from "@/server/contracts/notebook";
import type { ExecEvent, MimeBundle } from "@/server/contracts/outputs";
import type { ProviderId } from "@/server/kernels/types";
import { chooseProvider, detectLanguage, type NotebookLanguage } from "./kernel-language";
import { isJsonMime, type Ipynb, type IpynbCell, type IpynbOutput } from "./ipynb-schema";
import { joinMultiline } from "./multiline";
import { keptOf } from "./unknown-types";

export type CellMetadata = Record<string, unknown>;

export type ImportedCell = {
  kind: CellKind;
  source: string;
  executionCount: number | null;
  outputs: ExecEvent[];
  /** Kept with the cell for export: Jupyter cell metadata, an R Markdown chunk's header ({} if none). */
  metadata: CellMetadata;
};

export type ImportedNotebook = {
  title: string;
  provider: ProviderId;
  /** The Jupyter kernelspec name to run it with (e.g. "ir", "python3"); null on webR. */
  runtime: string | null;
  language: NotebookLanguage | null;
  cells: ImportedCell[];
  /** Kept with the notebook for export (an R Markdown file's YAML header); null if none. */
  metadata: Record<string, unknown> | null;
  /** What the user should know about the import (e.g. raw cells converted, nothing can run it yet). */
  notes: string[];
};

export type FromIpynbOptions = { filename: string; availableProviders: readonly ProviderId[] };

const MAX_TITLE = 200;

export function fromIpynb(nb: Ipynb, options: FromIpynbOptions): ImportedNotebook {
  const detected = detectLanguage(nb.metadata);
  const choice = chooseProvider(detected, options.availableProviders);
  const cells = nb.cells.map(fromIpynbCell);
  const notes = [choice.note, ...cellNotes(nb.cells)].filter((n): n is string => n !== null);
  return {
    title: titleOf(options.filename, nb.metadata.title),
    provider: choice.provider,
    runtime: choice.runtime,
    language: detected?.language ?? null,
    cells: cells.length ? cells : [emptyCell()],
    metadata: null,
    notes,
  };
}

/** A Kernelbook notebook always has a cell to type into. */
export function emptyCell(): ImportedCell {
  return { kind: "code", source: "", executionCount: null, outputs: [], metadata: {} };
}

/** The file's name is what the user knows the notebook by; metadata.title is the fallback. */
export function titleOf(filename: string, metadataTitle?: string): string {
  const base = filename.split(/[\\/]/).pop() ?? "";
  const fromName = base.replace(/\.ipynb$/i, "").trim();
  const title = fromName || metadataTitle?.trim() || "Imported notebook";
  return title.slice(0, MAX_TITLE);
}

function fromIpynbCell(cell: IpynbCell): ImportedCell {
  const source = joinMultiline(cell.source);
  const metadata = cell.metadata;
  switch (cell.cell_type) {
    case "code":
      return { kind: "code", source, executionCount: cell.execution_count, outputs: cell.outputs.map(fromIpynbOutput), metadata };
    case "markdown":
      return { kind: "markdown", source, executionCount: null, outputs: [], metadata };
    case "raw":
      // Raw cells are passed through untouched by nbconvert (LaTeX, YAML...): shown verbatim in a fence.
      return { kind: "markdown", source: fenced(source), executionCount: null, outputs: [], metadata };
    default: {
      const unreachable: never = cell;
      return unreachable;
    }
  }
}

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
export function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}\n${text}${text.endsWith("\n") || text === "" ? "" : "\n"}${fence}`;
}

export function fromIpynbOutput(output: IpynbOutput): ExecEvent {
  switch (output.output_type) {
    case "stream":
      return { type: "stream", name: output.name === "stderr" ? "stderr" : "stdout", text: joinMultiline(output.text) };
    case "display_data": {
      const metadata = output.metadata;
      return { type: "display_data", data: fromIpynbBundle(output.data), ...(Object.keys(metadata).length ? { metadata } : {}) };
    }
    case "execute_result":
      return { type: "execute_result", data: fromIpynbBundle(output.data) };
    case "error":
      return { type: "error", ename: output.ename, evalue: output.evalue, traceback: output.traceback };
    default: {
      const unreachable: never = output;
      return unreachable;
    }
  }
}

/** Text values are joined; JSON values (application/json, …+json) are kept as JSON text. */
export function fromIpynbBundle(data: Record<string, unknown>): MimeBundle {
  const bundle: MimeBundle = {};
  for (const [mime, value] of Object.entries(data)) {
    if (typeof value === "string") bundle[mime] = value;
    else if (isJsonMime(mime)) bundle[mime] = JSON.stringify(value);
    else bundle[mime] = joinMultiline(value as string[]); // the schema allows only text otherwise
  }
  return bundle;
}

function cellNotes(cells: IpynbCell[]): string[] {
  const notes: string[] = [];
  const raw = positions(cells, (c) => c.cell_type === "raw" && keptOf(c.metadata).original_cell_type === undefined);
  if (raw.length) {
    notes.push(`Raw ${plural(raw, "cell")} ${raw.join(", ")} ${raw.length === 1 ? "was" : "were"} imported as markdown, the raw text in a code block.`);
  }
  const attached = positions(cells, (c) => Object.keys(c.attachments ?? {}).length > 0);
  if (attached.length) notes.push(`Attachments (pasted images) of ${plural(attached, "cell")} ${attached.join(", ")} were not imported.`);
  return [...notes, ...cells.flatMap((cell, i) => unknownTypeNotes(cell, i + 1))];
}

function unknownTypeNotes(cell: IpynbCell, position: number): string[] {
  const kept = keptOf(cell.metadata);
  const notes: string[] = [];
  if (kept.original_cell_type !== undefined) {
    notes.push(`Cell ${position} has a type this version does not know (${JSON.stringify(kept.original_cell_type)}): it was imported as raw text.`);
  }
  const types = [...new Set((kept.unknown_outputs ?? []).map((o) => JSON.stringify(o.output_type)))];
  if (types.length) {
    notes.push(`Cell ${position} has ${types.length === 1 ? "an output of a type" : "outputs of types"} this version does not know (${types.join(", ")}): ` +
      `${types.length === 1 ? "it is" : "they are"} kept in the cell's metadata but not shown.`);
  }
  return notes;
}

function positions(cells: IpynbCell[], test: (c: IpynbCell) => boolean): number[] {
  return cells.flatMap((c, i) => (test(c) ? [i + 1] : []));
}

function plural(items: unknown[], word: string): string {
  return items.length === 1 ? word : `${word}s`;
}
