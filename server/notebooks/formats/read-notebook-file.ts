// Which format an imported file is in, by its name and then by its content, and the reader for it:
// Jupyter (.ipynb), R Markdown (.Rmd), Quarto (.qmd), R Notebook (.nb.html).
import { NotebookError } from "@/server/errors";
import type { ProviderId } from "@/server/kernels/types";
import { fromIpynb, type ImportedNotebook } from "./from-ipynb";
import { parseIpynb } from "./parse-ipynb";
import { fromNbHtml, isRNotebookHtml } from "./rmd/from-nb-html";
import { fromRmd } from "./rmd/from-rmd";

export type NotebookFileFormat = "ipynb" | "rmd" | "qmd" | "nbhtml";

export type ReadNotebookFileArgs = { filename: string; content: string; availableProviders: readonly ProviderId[] };

export function readNotebookFile(args: ReadNotebookFileArgs): ImportedNotebook {
  const format = formatOf(args.filename, args.content);
  const options = { filename: args.filename, availableProviders: args.availableProviders };
  switch (format) {
    case "ipynb":
      return fromIpynb(parseIpynb(args.content), options);
    case "rmd":
    case "qmd":
      return fromRmd(args.content, { ...options, format });
    case "nbhtml":
      return fromNbHtml(args.content, options);
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}

/** By extension first; a file without a known one is recognised by what it holds. */
export function formatOf(filename: string, content: string): NotebookFileFormat {
  const name = filename.toLowerCase();
  if (name.endsWith(".ipynb")) return "ipynb";
  if (name.endsWith(".rmd") || name.endsWith(".rmarkdown")) return "rmd";
  if (name.endsWith(".qmd")) return "qmd";
  if (name.endsWith(".html") || name.endsWith(".htm")) {
    if (isRNotebookHtml(content)) return "nbhtml";
    throw new NotebookError("INVALID", "This HTML file is not an R Notebook: it holds no R Markdown source (save it from RStudio as an R Notebook, .nb.html).");
  }
  const start = content.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("{")) return "ipynb";
  if (isRNotebookHtml(content)) return "nbhtml";
  if (start.startsWith("---") || /^```\s*\{[a-zA-Z0-9_]+[^}]*\}\s*$/m.test(content)) return "rmd";
  throw new NotebookError(
    "INVALID",
    "This file is not a notebook Kernelbook can import: it should be a Jupyter notebook (.ipynb), R Markdown (.Rmd), Quarto (.qmd) or an R Notebook (.nb.html).",
  );
}
