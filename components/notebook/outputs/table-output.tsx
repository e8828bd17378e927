"use client";
// A data frame result as a paged table (20 rows a page): column names with their types, row names
// when the frame has its own, NA set apart, and how many rows there are in all.
import { useState } from "react";
import type { TableOutput as Table } from "@/server/contracts/table";
import { PAGE_SIZE, shortType, tablePage } from "./table-pages";
import styles from "./table-output.module.css";

export function TableOutput({ table }: { table: Table }) {
  const [page, setPage] = useState(0);
  const { first, last, pageCount, label } = tablePage(table, page);
  const current = Math.floor(first / PAGE_SIZE);
  const hiddenColumns = table.totalColumns - table.columns.length;
  return (
    <div className={styles.wrap} data-testid="output-table">
      <div className={styles.scroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              {table.rowNames && <th className={styles.rowName} aria-label="Row name" />}
              {table.columns.map((column, i) => (
                <th key={i} scope="col" title={column.type}>
                  <span className={styles.name}>{column.name}</span>
                  <span className={styles.type}>&lt;{shortType(column.type)}&gt;</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(first, last).map((row, r) => (
              <tr key={first + r}>
                {table.rowNames && <th scope="row" className={styles.rowName}>{table.rowNames[first + r]}</th>}
                {row.map((cell, c) => <td key={c} className={cell === null ? styles.na : undefined}>{cell ?? "NA"}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.footer}>
        <span data-testid="output-table-range">{label}</span>
        {hiddenColumns > 0 && <span className="muted">· {hiddenColumns} more column{hiddenColumns === 1 ? "" : "s"} not shown</span>}
        {pageCount > 1 && (
          <span className={styles.pager}>
            <button type="button" className="btn" aria-label="Previous page" disabled={current === 0} onClick={() => setPage(current - 1)}>‹ Prev</button>
            <span className="muted">Page {current + 1} of {pageCount}</span>
            <button type="button" className="btn" aria-label="Next page" disabled={current >= pageCount - 1} onClick={() => setPage(current + 1)}>Next ›</button>
          </span>
        )}
      </div>
    </div>
  );
}
