// Turns an R Markdown (.Rmd) or Quarto (.qmd) file into Kernelbook's model: the YAML title, text as
// markdown cells (inline `r expr` kept as written), chunks as code cells; the header, chunk options
// and layout go into metadata so that export writes the same file back.
import { parse as parseYaml } from "yaml";
import { NotebookError } from "@/server/errors";
import type { ProviderId } from "@/server/kernels/types";
import { emptyCell, type ImportedCell, type ImportedNotebook } from "../from-ipynb";
import { chooseProvider } from "../kernel-language";
import { pipeOptions } from "./chunk-options";
import { readRmd, type RmdBlock, type RmdDocument } from "./rmd-document";
import { RMD_KEY, type RmdCellMetadata, type RmdNotebookMetadata } from "./rmd-metadata";

export type FromRmdOptions = { filename: string; format: "rmd" | "qmd"; availableProviders: readonly ProviderId[] };

const MAX_TITLE = 200;

export function fromRmd(content: string, options: FromRmdOptions): ImportedNotebook {
  const kind = options.format === "qmd" ? "Quarto" : "R Markdown";
  if (content.replace(/^\uFEFF/, "").trim() === "") throw new NotebookError("INVALID", `This ${kind} file is empty.`);
  const doc = readRmd(content);
  const yamlTitle = titleFromYaml(doc, kind);
  const engines = doc.blocks.flatMap((b) => (b.type === "chunk" ? [b.header.engine.toLowerCase()] : []));
  const python = engines.length > 0 && engines.every((e) => e === "python");
  const choice = chooseProvider({ language: python ? "python" : "r", name: python ? "python" : "R", kernelName: null }, options.availableProviders);
  const cells = doc.blocks.map((block, i) => toCell(block, i === 0 && doc.frontMatter === null));
  const notebookMetadata: RmdNotebookMetadata = {
    format: options.format, front_matter: doc.frontMatter, title: yamlTitle, blank_after: doc.blankAfter,
    eol: doc.eol, final_newline: doc.finalNewline, bom: doc.bom,
  };
  return {
    title: (yamlTitle?.trim() || baseName(options.filename) || "Imported notebook").slice(0, MAX_TITLE),
    provider: choice.provider,
    runtime: choice.runtime,
    language: python ? "python" : "r",
    cells: cells.length ? cells : [emptyCell()],
    metadata: { [RMD_KEY]: notebookMetadata },
    notes: [choice.note, otherEnginesNote(doc, python ? "python" : "r")].filter((n): n is string => n !== null),
  };
}

/** The usual layout (one blank line between blocks, none before the first) is not stored. */
export function usualBlankBefore(first: boolean): number {
  return first ? 0 : 1;
}

function toCell(block: RmdBlock, first: boolean): ImportedCell {
  const layout: RmdCellMetadata = block.blankBefore === usualBlankBefore(first) ? {} : { blank_before: block.blankBefore };
  if (block.type === "text") {
    return { kind: "markdown", source: block.text, executionCount: null, outputs: [], metadata: Object.keys(layout).length ? { [RMD_KEY]: layout } : {} };
  }
  const pipe = pipeOptions(block.body);
  const chunk: RmdCellMetadata = {
    engine: block.header.engine,
    label: block.header.label,
    options: block.header.options,
    ...(pipe.length ? { pipe_options: pipe } : {}),
    header: block.headerText,
    ...(block.open !== undefined ? { open: block.open } : {}),
    ...(block.close !== undefined ? { close: block.close } : {}),
    ...(block.emptyBody ? { empty_body: true } : {}),
    ...layout,
  };
  return { kind: "code", source: block.body, executionCount: null, outputs: [], metadata: { [RMD_KEY]: chunk } };
}

function titleFromYaml(doc: RmdDocument, kind: string): string | null {
  if (doc.yaml === null) return null;
  let data: unknown;
  try {
    data = parseYaml(doc.yaml);
  } catch (e) {
    const detail = e instanceof Error ? ` (${e.message.split("\n")[0]})` : "";
    throw new NotebookError("INVALID", `This ${kind} file's YAML header is not valid YAML${detail}.`, { cause: e });
  }
  const title = typeof data === "object" && data !== null ? (data as Record<string, unknown>).title : undefined;
  return typeof title === "string" ? title : null;
}

function otherEnginesNote(doc: RmdDocument, language: "r" | "python"): string | null {
  const other = [...new Set(doc.blocks.flatMap((b) => (b.type === "chunk" && b.header.engine.toLowerCase() !== language ? [b.header.engine] : [])))];
  if (!other.length) return null;
  const names = other.join(", ");
  return `Chunks of other engines (${names}) were kept as code cells with their engine noted; this notebook runs them with its ${language === "r" ? "R" : "Python"} kernel.`;
}

function baseName(filename: string): string {
  return (filename.split(/[\\/]/).pop() ?? "").replace(/(\.nb\.html|\.rmd|\.qmd)$/i, "").trim();
}
