import { describe, expect, it } from "vitest";
import type { TableOutput } from "@/server/contracts/table";
import { shortType, tablePage } from "./table-pages";

const tableOf = (sent: number, totalRows = sent): TableOutput => ({
  columns: [{ name: "a", type: "integer" }],
  rows: Array.from({ length: sent }, (_, i) => [String(i + 1)]),
  rowNames: null,
  totalRows,
  totalColumns: 1,
});

describe("tablePage", () => {
  it("pages 20 rows at a time and says which rows of how many", () => {
    expect(tablePage(tableOf(30), 0)).toEqual({ first: 0, last: 20, pageCount: 2, label: "Showing 1–20 of 30" });
    expect(tablePage(tableOf(30), 1)).toEqual({ first: 20, last: 30, pageCount: 2, label: "Showing 21–30 of 30" });
    expect(tablePage(tableOf(30), 7).first).toBe(20);
    expect(tablePage(tableOf(30), -1).first).toBe(0);
  });

  it("counts every row of the data frame, saying when only the first ones were sent", () => {
    expect(tablePage(tableOf(1000, 10_000_000), 49).label).toBe("Showing 981–1000 of 10,000,000 (the first 1,000 rows are shown here)");
    expect(tablePage(tableOf(0), 0)).toEqual({ first: 0, last: 0, pageCount: 1, label: "No rows (0 of 0)" });
  });

  it("writes column types the way tibble does", () => {
    expect(["integer", "numeric", "character", "factor", "Date", "myclass"].map(shortType)).toEqual(["int", "dbl", "chr", "fct", "date", "myclass"]);
  });
});
