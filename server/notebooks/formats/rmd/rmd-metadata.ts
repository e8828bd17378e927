// What an imported R Markdown / Quarto file leaves in the notebook's and each cell's metadata, under
// the "rmarkdown" key: the chunk model (engine, label, options) and the layout that makes export
// give back the same bytes. Parsed with zod when read back from the database (the boundary).
import { z } from "zod";

export const RMD_KEY = "rmarkdown";

const ZOption = z.tuple([z.string(), z.string()]);

export const ZRmdCellMetadata = z.object({
  /** The chunk's engine ("r", "python", "bash", …); absent on text cells. */
  engine: z.string().optional(),
  label: z.string().nullable().optional(),
  options: z.array(ZOption).optional(),
  /** Quarto `#|` options, read from the chunk's first lines (which stay in the code). */
  pipe_options: z.array(ZOption).optional(),
  /** The chunk header between the braces, as written. */
  header: z.string().optional(),
  open: z.string().optional(),
  close: z.string().nullable().optional(),
  empty_body: z.boolean().optional(),
  /** Blank lines before the block, when not the usual one. */
  blank_before: z.number().int().nonnegative().optional(),
});
export type RmdCellMetadata = z.infer<typeof ZRmdCellMetadata>;

export const ZRmdNotebookMetadata = z.object({
  format: z.enum(["rmd", "qmd"]),
  /** The YAML header with its delimiters, as written; null if the file had none. */
  front_matter: z.string().nullable(),
  /** The title the header gave, to know whether the notebook was renamed since. */
  title: z.string().nullable(),
  blank_after: z.number().int().nonnegative(),
  eol: z.enum(["lf", "crlf"]),
  final_newline: z.boolean(),
  bom: z.boolean(),
});
export type RmdNotebookMetadata = z.infer<typeof ZRmdNotebookMetadata>;

export function rmdCellMetadata(metadata: Record<string, unknown> | undefined): RmdCellMetadata | null {
  const kept = metadata?.[RMD_KEY];
  if (kept === undefined) return null; // most cells: not imported from R Markdown
  const parsed = ZRmdCellMetadata.safeParse(kept);
  return parsed.success ? parsed.data : null;
}

export function rmdNotebookMetadata(metadata: Record<string, unknown> | null | undefined): RmdNotebookMetadata | null {
  const parsed = ZRmdNotebookMetadata.safeParse(metadata?.[RMD_KEY]);
  return parsed.success ? parsed.data : null;
}
