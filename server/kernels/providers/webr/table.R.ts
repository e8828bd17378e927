// The table capture of the webR runner (a fragment of runner.R.ts's environment): when a visible
// value is a data frame (or tibble), its head is posted as a table record before it prints, so the
// browser can page through it; text/plain stays the printed form. The cells come from the R code
// shared with the Jupyter provider (table-cells.R.ts).
import { TABLE_CELLS_R } from "../../table-cells.R";
import { HOOKS_GLOBAL as hooks } from "./worker-hooks";

/** R definitions evaluated inside the runner's environment (they use its `js` and `js_string`). */
export const TABLE_R = String.raw`
  # Never lets a table fail the cell: the printed text is the result that matters.
  post_table <- function(value) {
    if (!is.data.frame(value)) return(invisible())
    tryCatch(js(table_js(value)), error = function(e) NULL)
    invisible()
  }
  table_js <- function(df) {
    table <- table_cells(df)
    columns <- paste0("{name:", js_string(table$names), ",type:", js_string(table$types), "}")
    data <- vapply(table$cells, js_array, "")
    row_names <- if (is.null(table$row_names)) "null" else js_array(table$row_names)
    paste0("${hooks}.table({columns:[", paste(columns, collapse = ","), "],data:[", paste(data, collapse = ","),
      "],rowNames:", row_names, ",totalRows:", table$total_rows, ",totalColumns:", table$total_cols, "})")
  }
  js_array <- function(text) {
    items <- js_string(text)
    items[is.na(text)] <- "null"
    paste0("[", paste(items, collapse = ","), "]")
  }
${TABLE_CELLS_R}`;
