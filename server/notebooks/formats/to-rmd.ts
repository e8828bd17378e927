// Writes a notebook as R Markdown: a YAML header, markdown cells as they are, code cells as chunks
// (outputs are left out: knitting the file makes them again). A notebook imported from .Rmd/.qmd is
// written back as it came (header, chunk options, blank lines, line endings), with the cells' edits.
import { parseDocument } from "yaml";
import type { ExportableNotebook, ExportCell } from "./exportable";
import type { ChunkHeader } from "./rmd/chunk-options";
import { usualBlankBefore } from "./rmd/from-rmd";
import type { RmdBlock } from "./rmd/rmd-document";
import { rmdCellMetadata, rmdNotebookMetadata, type RmdNotebookMetadata } from "./rmd/rmd-metadata";
import { writeRmd } from "./rmd/write-rmd";

export function toRmd(notebook: ExportableNotebook): string {
  const kept = rmdNotebookMetadata(notebook.metadata);
  const frontMatter = kept ? keptFrontMatter(kept, notebook.title) : newFrontMatter(notebook.title);
  const engine = notebook.language === "python" ? "python" : "r";
  const blocks: RmdBlock[] = [];
  for (const cell of notebook.cells) {
    const block = toBlock(cell, engine, blocks.length === 0 && frontMatter === null);
    if (block) blocks.push(block);
  }
  return writeRmd({
    frontMatter, yaml: null, blocks,
    blankAfter: kept?.blank_after ?? 0, eol: kept?.eol ?? "lf", finalNewline: kept?.final_newline ?? true, bom: kept?.bom ?? false,
  });
}

function toBlock(cell: ExportCell, engine: string, first: boolean): RmdBlock | null {
  const kept = rmdCellMetadata(cell.metadata);
  // A cell made here and left empty is not written; an imported one is, as it was.
  if (!kept && cell.source.trim() === "") return null;
  const blankBefore = kept?.blank_before ?? usualBlankBefore(first);
  if (cell.kind === "markdown") return { type: "text", text: kept ? cell.source : cell.source.trimEnd(), blankBefore };
  if (!kept?.engine) {
    const header: ChunkHeader = { engine, label: null, options: [] };
    return { type: "chunk", header, headerText: engine, body: cell.source.replace(/\n+$/, ""), blankBefore };
  }
  const header: ChunkHeader = { engine: kept.engine, label: kept.label ?? null, options: kept.options ?? [] };
  return {
    type: "chunk", header, headerText: kept.header ?? kept.engine, body: cell.source, blankBefore,
    ...(kept.open !== undefined ? { open: kept.open } : {}),
    ...(kept.close !== undefined ? { close: kept.close } : {}),
    ...(kept.empty_body && cell.source === "" ? { emptyBody: true } : {}),
  };
}

/** A JSON string is a valid YAML double-quoted scalar: any title is safe in the header. */
function newFrontMatter(title: string): string {
  return ["---", `title: ${JSON.stringify(title)}`, "output: html_document", "---"].join("\n");
}

/** The header as imported; if the notebook was renamed since, with its title changed (and only that). */
function keptFrontMatter(kept: RmdNotebookMetadata, title: string): string | null {
  if (kept.front_matter === null || kept.title === null || kept.title.trim().slice(0, 200) === title) return kept.front_matter;
  const lines = kept.front_matter.split("\n");
  const doc = parseDocument(lines.slice(1, -1).join("\n"));
  doc.set("title", title);
  return [lines[0] ?? "---", doc.toString().replace(/\n$/, ""), lines.at(-1) ?? "---"].join("\n");
}
