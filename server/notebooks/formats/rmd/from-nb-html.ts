// Reads an R Notebook (.nb.html, written by RStudio): the .Rmd it was made from is embedded whole,
// base64, in <div id="rmd-source-code">; older or stripped files have only each chunk's code, base64
// JSON in <!-- rnb-source-begin … --> comments. Outputs are not read: running the cells makes them.
import { NotebookError } from "@/server/errors";
import type { ImportedNotebook } from "../from-ipynb";
import { fromRmd, type FromRmdOptions } from "./from-rmd";

const SOURCE_DIV = /<div id="rmd-source-code">\s*([A-Za-z0-9+/=\s]*?)\s*<\/div>/;
const CHUNK_SOURCE = /<!--\s*rnb-source-begin\s+([A-Za-z0-9+/=]+)\s*-->/g;

export function isRNotebookHtml(content: string): boolean {
  return content.includes('id="rmd-source-code"') || /<!--\s*rnb-(source|chunk|text)-begin/.test(content);
}

export function fromNbHtml(content: string, options: Omit<FromRmdOptions, "format">): ImportedNotebook {
  const embedded = decodeBase64(SOURCE_DIV.exec(content)?.[1]?.replace(/\s+/g, "") ?? "");
  const outputsNote = /<!--\s*rnb-(output|plot|frame|htmlwidget)-begin/.test(content)
    ? ["The outputs saved in the R Notebook were not imported; run the cells to make them again."]
    : [];
  if (embedded.trim() !== "") {
    const nb = fromRmd(embedded, { ...options, format: "rmd" });
    return { ...nb, notes: [...nb.notes, ...outputsNote] };
  }
  const chunks = [...content.matchAll(CHUNK_SOURCE)].map((m) => chunkCode(m[1] ?? "")).filter((c): c is string => c !== null);
  if (!chunks.length) {
    throw new NotebookError("INVALID", "This HTML file is not an R Notebook: it holds no R Markdown source (save it from RStudio as an R Notebook, .nb.html).");
  }
  const nb = fromRmd(`${chunks.join("\n\n")}\n`, { ...options, format: "rmd" });
  const note = "The R Notebook did not embed its R Markdown source, so only its code chunks were imported (without their text and options).";
  return { ...nb, notes: [...nb.notes, note, ...outputsNote] };
}

/** A chunk's source comment: {"data": "```r\ncode\n```"}, made a chunk again. */
function chunkCode(base64: string): string | null {
  try {
    const parsed: unknown = JSON.parse(decodeBase64(base64));
    const data = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>).data : undefined;
    if (typeof data !== "string") return null;
    return data.replace(/^```([a-zA-Z0-9_]+)\s*\n/, "```{$1}\n");
  } catch {
    return null;
  }
}

function decodeBase64(text: string): string {
  return Buffer.from(text, "base64").toString("utf8");
}
