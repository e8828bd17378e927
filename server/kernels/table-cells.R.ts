// The R half of the data-frame table (server/contracts/table.ts), shared by the webR and Jupyter
// providers so both send the same cells: the head of a data frame as R formats it. Each provider
// serialises the result its own way (webR as a JS call, Jupyter as JSON).
import { TABLE_LIMITS } from "@/server/contracts/table";

/**
 * R definitions, pasted into a private environment (parent: the base environment) of each
 * provider's R code. `table_cells(df)` returns list(names, types, cells = one character vector per
 * column with NA where the value is missing, row_names = NULL or a character vector, total_rows,
 * total_cols); for a data frame without columns, names, types and cells are empty.
 */
export const TABLE_CELLS_R = String.raw`
  table_cells <- function(df) {
    total_rows <- nrow(df)
    total_cols <- length(df)
    n <- min(total_rows, ${TABLE_LIMITS.rows}L)
    part <- lapply(as.list(df)[seq_len(min(total_cols, ${TABLE_LIMITS.columns}L))], head_rows, n = n)
    list(
      names = no_na(names(part)),
      types = unname(vapply(part, column_type, "")),
      cells = unname(lapply(part, column_text)),
      row_names = if (.row_names_info(df) > 0L) no_na(rownames(df)[seq_len(n)]) else NULL,
      total_rows = total_rows,
      total_cols = total_cols
    )
  }
  # Indexes the column itself, not the data frame: no data.frame (or data.table) method runs on all rows.
  head_rows <- function(col, n) if (is.null(dim(col))) col[seq_len(n)] else col[seq_len(n), , drop = FALSE]
  column_type <- function(col) class(col)[[1L]]
  column_text <- function(col) {
    text <- if (is.list(col)) vapply(col, function(v) paste(format(v), collapse = ", "), "")
      else if (!is.null(dim(col))) apply(format(col), 1L, paste, collapse = ", ")
      else format(col, trim = TRUE, justify = "none")
    text <- enc2utf8(as.character(text))
    if (is.null(dim(col))) text[is.na(col)] <- NA_character_
    text
  }
  no_na <- function(text) {
    text <- enc2utf8(as.character(text))
    text[is.na(text)] <- "NA"
    text
  }
`;
