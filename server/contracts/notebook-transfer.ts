// Inputs and limits of notebook import (.ipynb, .Rmd, .qmd, .nb.html) and export (.ipynb, .Rmd), shared by browser and server.
import { z } from "zod";
import { ZId } from "./notebook";

/** The largest notebook file accepted for import, in bytes (UTF-8). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** The most cells an imported notebook may have (the same limit as saving). */
export const MAX_IMPORT_CELLS = 2000;

/** What the import button and drop zone accept: Jupyter, R Markdown, Quarto, R Notebook (by name; the server also sniffs content). */
export const IMPORT_ACCEPT = ".ipynb,.Rmd,.rmd,.Rmarkdown,.qmd,.nb.html,.html,application/x-ipynb+json,text/x-r-markdown";
export const IMPORT_FORMATS_LABEL = "Jupyter (.ipynb), R Markdown (.Rmd), Quarto (.qmd) or R Notebook (.nb.html)";

export const EXPORT_FORMATS = ["ipynb", "rmd"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** UTF-8 size of `text` without encoding it; stops counting once past `limit`. */
export function utf8Bytes(text: string, limit = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) { bytes += 4; i++; } // a surrogate pair: one 4-byte character
    else bytes += 3;
  }
  return bytes;
}

export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export const IMPORT_TOO_LARGE = `The file is larger than ${formatMegabytes(MAX_IMPORT_BYTES)}, the import limit.`;

export const ZImportNotebookInput = z.object({
  filename: z.string().trim().min(1, "The file needs a name").max(255, "The file name is too long"),
  /** The file's text, as the browser read it. */
  content: z
    .string()
    .min(1, "The file is empty.")
    .refine((text) => text.length <= MAX_IMPORT_BYTES && utf8Bytes(text, MAX_IMPORT_BYTES) <= MAX_IMPORT_BYTES, IMPORT_TOO_LARGE),
});
export type ImportNotebookInput = z.infer<typeof ZImportNotebookInput>;

export const ZExportNotebookInput = z.object({ id: ZId, format: z.enum(EXPORT_FORMATS) });
export type ExportNotebookInput = z.infer<typeof ZExportNotebookInput>;

/** What an export gives the browser to save as a file. */
export type ExportedFile = { filename: string; contentType: string; content: string };
