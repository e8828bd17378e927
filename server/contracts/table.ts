// A data frame as a table output: the custom MIME type the webR kernel attaches to a data.frame
// result (beside text/plain), read by the browser's paged table. Values are R's own formatting.
import { z } from "zod";

export const TABLE_MIME = "application/vnd.kernelbook.table+json";

/** Rows and columns sent at most; the totals tell how many the data frame really has. */
export const TABLE_LIMITS = { rows: 1000, columns: 50 } as const;

export const ZTableColumn = z.object({ name: z.string(), /** R class of the column, e.g. "integer". */ type: z.string() });

export const ZTableOutput = z.object({
  columns: z.array(ZTableColumn),
  /** Row-major cells as R formats them; null for NA. */
  rows: z.array(z.array(z.string().nullable())),
  /** Row names when the data frame has its own (not 1..n), else null. */
  rowNames: z.array(z.string()).nullable(),
  totalRows: z.number().int().nonnegative(),
  totalColumns: z.number().int().nonnegative(),
});
export type TableOutput = z.infer<typeof ZTableOutput>;
export type TableColumn = z.infer<typeof ZTableColumn>;

/** Reads a table MIME value (JSON text); null if it is not one. */
export function parseTableOutput(json: string): TableOutput | null {
  try {
    const parsed = ZTableOutput.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
