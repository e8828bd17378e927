// Paging of a table output: which rows a page shows, the "Showing 1–20 of N" label, short type names.
import type { TableOutput } from "@/server/contracts/table";

export const PAGE_SIZE = 20;

export type TablePage = { first: number; last: number; pageCount: number; label: string };

/** Page `page` (0-based, clamped) of the rows that were sent; the label counts all the frame's rows. */
export function tablePage(table: TableOutput, page: number): TablePage {
  const sent = table.rows.length;
  const pageCount = Math.max(1, Math.ceil(sent / PAGE_SIZE));
  const index = Math.min(Math.max(0, page), pageCount - 1);
  const first = index * PAGE_SIZE;
  const last = Math.min(first + PAGE_SIZE, sent);
  const total = table.totalRows.toLocaleString("en-US");
  let label = sent === 0 ? `No rows (0 of ${total})` : `Showing ${first + 1}–${last} of ${total}`;
  if (sent < table.totalRows) label += ` (the first ${sent.toLocaleString("en-US")} rows are shown here)`;
  return { first, last, pageCount, label };
}

const SHORT_TYPES: Record<string, string> = {
  integer: "int", numeric: "dbl", double: "dbl", character: "chr", logical: "lgl", factor: "fct", ordered: "ord",
  complex: "cpl", Date: "date", POSIXct: "dttm", POSIXlt: "dttm", difftime: "drtn", list: "list",
};

/** The column type as tibble writes it (<int>, <chr>…); other classes keep their name. */
export function shortType(type: string): string {
  return SHORT_TYPES[type] ?? type;
}
