// The R code that makes IRkernel itself send a data frame's table form: it registers a repr for
// TABLE_MIME, so a visible data frame's display_data carries it beside text/html and text/plain.
//
// How IRkernel 1.3.2 builds a value's bundle: for each MIME type in the option
// `jupyter.display_mimetypes`, IRdisplay::prepare_mimebundle calls `repr::mime2repr[[mime]](obj)`
// (NULL: left out) and refuses a type that has no entry there, reporting the error in the cell.
// So the option alone is not enough: the entry is added to repr's `mime2repr` list too, the one
// namespace binding touched (unlocked, replaced by a copy with one more entry, locked again);
// every existing entry stays. Runs in a private environment: the workspace gets nothing.
import { TABLE_MIME } from "@/server/contracts/table";
import { TABLE_CELLS_R } from "../../table-cells.R";

/** The MIME type the setup publishes its outcome under: "ok", or why it failed. */
export const SETUP_MIME = "application/vnd.kernelbook.setup+json";

const INSTALL = String.raw`
  # NULL (no table) for anything else, and when the table cannot be built: the text still shows.
  repr_table <- function(obj, ...) {
    if (!is.data.frame(obj)) return(NULL)
    tryCatch(table_json(obj), error = function(e) NULL)
  }
  # A data frame without columns has no table: its printed form ("data frame with 0 columns") says it all.
  table_json <- function(df) {
    table <- table_cells(df)
    if (length(table$cells) == 0L) return(NULL)
    columns <- mapply(function(name, type) list(name = jsonlite::unbox(name), type = jsonlite::unbox(type)),
      table$names, table$types, SIMPLIFY = FALSE, USE.NAMES = FALSE)
    rows <- matrix(unlist(table$cells, use.names = FALSE), nrow = length(table$cells[[1L]]), ncol = length(table$cells))
    json <- jsonlite::toJSON(list(
      columns = columns, rows = rows, rowNames = table$row_names,
      totalRows = jsonlite::unbox(table$total_rows), totalColumns = jsonlite::unbox(table$total_cols)
    ), na = "null", null = "null", digits = NA)
    as.character(json)
  }
  install <- function() {
    repr_ns <- asNamespace("repr")
    reprs <- get("mime2repr", envir = repr_ns)
    reprs[["${TABLE_MIME}"]] <- repr_table
    if (bindingIsLocked("mime2repr", repr_ns)) {
      unlockBinding("mime2repr", repr_ns)
      on.exit(lockBinding("mime2repr", repr_ns))
    }
    assign("mime2repr", reprs, envir = repr_ns)
    options(jupyter.display_mimetypes = union(getOption("jupyter.display_mimetypes"), "${TABLE_MIME}"))
    "ok"
  }
  outcome <- tryCatch(install(), error = function(e) conditionMessage(e))
  IRdisplay::publish_mimebundle(list("${SETUP_MIME}" = outcome))
`;

/**
 * Code for the silent execute_request that installs the repr. It never fails in R (IRkernel
 * aborts the requests queued behind one that does): the outcome comes back as SETUP_MIME.
 */
export const TABLE_REPR_CODE = `base::local({${TABLE_CELLS_R}${INSTALL}}, envir = base::new.env(parent = base::baseenv()))`;
