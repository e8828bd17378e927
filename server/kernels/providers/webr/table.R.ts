// The table capture of the webR runner (a fragment of runner.R.ts's environment): when a visible
// value is a data frame (or tibble), its head is posted as a table record before it prints, so the
// browser can page through it; text/plain stays the printed form.
import { TABLE_LIMITS } from "@/server/contracts/table";
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
    total_rows <- nrow(df)
    total_cols <- length(df)
    n <- min(total_rows, ${TABLE_LIMITS.rows}L)
    part <- lapply(as.list(df)[seq_len(min(total_cols, ${TABLE_LIMITS.columns}L))], head_rows, n = n)
    columns <- paste0("{name:", js_string(names(part)), ",type:", js_string(vapply(part, column_type, "")), "}")
    data <- vapply(part, column_js, "")
    row_names <- if (.row_names_info(df) > 0L) js_array(rownames(df)[seq_len(n)]) else "null"
    paste0("${hooks}.table({columns:[", paste(columns, collapse = ","), "],data:[", paste(data, collapse = ","),
      "],rowNames:", row_names, ",totalRows:", total_rows, ",totalColumns:", total_cols, "})")
  }
  # Indexes the column itself, not the data frame: no data.frame (or data.table) method runs on all rows.
  head_rows <- function(col, n) if (is.null(dim(col))) col[seq_len(n)] else col[seq_len(n), , drop = FALSE]
  column_type <- function(col) class(col)[[1L]]
  column_js <- function(col) {
    text <- if (is.list(col)) vapply(col, function(v) paste(format(v), collapse = ", "), "")
      else if (!is.null(dim(col))) apply(format(col), 1L, paste, collapse = ", ")
      else format(col, trim = TRUE, justify = "none")
    missing <- if (is.null(dim(col))) is.na(col) else rep(FALSE, length(text))
    js_array(text, missing)
  }
  js_array <- function(text, missing = rep(FALSE, length(text))) {
    items <- js_string(enc2utf8(as.character(text)))
    items[missing] <- "null"
    paste0("[", paste(items, collapse = ","), "]")
  }
`;
