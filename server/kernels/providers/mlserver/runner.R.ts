// The R code sent for one cell on ML Server. ML Server runs what it is given and reports console
// text, an error message and the changed files (§2.5, §3); this runner adds what a notebook needs,
// the way mrsdeploy::remoteExecute(displayPlots = TRUE) does for plots:
//
// - a `start` marker first, so console-output polls can tell this run's text from the last one's;
// - the cell parsed and evaluated expression by expression in the global environment, visible
//   values printed as the console would (print methods found from the workspace, show for S4);
// - warnings and messages written as marker records (the server has no field for them, §2.5);
// - a PNG device writing to uniquely named files (kb-plot-<nonce>-001.png, ...), closed when the
//   cell ends even on error; the provider fetches them from changedFiles, then deletes them;
// - an error re-raised without the runner's own call, so errorMessage reads "Error: boom".
//
// Nothing is left in the workspace: everything lives in a private environment whose parent is the
// base environment (so a user's masking of base functions cannot break it). R 3.4 compatible
// (ML Server 9.3 ships R 3.4.3): no `\(x)`, `|>`, tryInvokeRestart or isFALSE.
import { toRString } from "@/server/kernels/r-literal";

/** ML Server's R may run in a non-UTF-8 locale: literals stay pure ASCII. */
const ASCII = { asciiOnly: true };

/** Plot size in inches at `dpi` dots per inch (672 x 480 pixels). */
export const PLOT = { width: 7, height: 5, dpi: 96 } as const;

/** Name prefix of the plot files of the run with `nonce`. */
export function plotFilePrefix(nonce: string): string {
  return `kb-plot-${nonce}-`;
}

/** Plot files of any run (the runner removes leftovers of runs that never finished). */
export const PLOT_FILE_PATTERN = "^kb-plot-[0-9a-f]{16}-[0-9]+[.]png$";

/** R definitions shared with ide.R.ts: `mark(kind, fields)` writes one marker record. */
export function markFunction(nonce: string): string {
  return String.raw`
  nonce <- "${nonce}"
  mark <- function(kind, fields = "") {
    text <- paste(enc2utf8(as.character(fields)), collapse = "\037")
    cat("##kb-", nonce, ":", kind, ":", utils::URLencode(text, reserved = TRUE), "##\n", sep = "")
  }`;
}

/** The complete R text to execute for `code`; throws RangeError for code R cannot hold (NUL). */
export function runnerCode(code: string, nonce: string): string {
  return String.raw`base::local({${markFunction(nonce)}
  code <- ${toRString(code, ASCII)}
  top_call <- quote(eval(expr, globalenv()))
  parsing <- FALSE
  describe_call <- function(call) {
    if (is.null(call) || identical(call, top_call)) NULL else paste(deparse(call, nlines = 1L), collapse = "")
  }
  on_warning <- function(w) {
    warn <- getOption("warn", 0)
    if (warn >= 2) return()
    if (warn >= 0) {
      call <- describe_call(conditionCall(w))
      msg <- conditionMessage(w)
      mark("warning", if (is.null(call)) msg else paste0("In ", call, " : ", msg))
    }
    if (!is.null(findRestart("muffleWarning", w))) invokeRestart("muffleWarning")
  }
  on_message <- function(m) {
    mark("message", conditionMessage(m))
    if (!is.null(findRestart("muffleMessage", m))) invokeRestart("muffleMessage")
  }
  show_value <- function(value) {
    env <- new.env(parent = globalenv())
    assign("x", value, envir = env)
    eval(if (isS4(value)) quote(methods::show(x)) else quote(print(x)), env)
  }
  run <- function() {
    parsing <<- TRUE
    exprs <- parse(text = code, keep.source = isTRUE(getOption("keep.source")))
    parsing <<- FALSE
    for (expr in exprs) {
      res <- withVisible(eval(expr, globalenv()))
      if (res$visible) show_value(res$value)
    }
  }
  mark("start")
  stale <- list.files(pattern = "${PLOT_FILE_PATTERN}")
  if (length(stale)) unlink(stale)
  dev <- tryCatch({
    grDevices::png(filename = "${plotFilePrefix(nonce)}%03d.png", width = ${PLOT.width}, height = ${PLOT.height}, units = "in", res = ${PLOT.dpi})
    grDevices::dev.cur()
  }, error = function(e) NULL)
  failure <- tryCatch({
    withCallingHandlers(run(), warning = on_warning, message = on_message)
    NULL
  }, error = function(e) e, finally = if (!is.null(dev) && dev %in% grDevices::dev.list()) grDevices::dev.off(dev))
  if (!is.null(failure)) {
    msg <- conditionMessage(failure)
    if (parsing) stop(simpleError(sub("^<text>:", "", msg), NULL))
    call <- conditionCall(failure)
    stop(simpleError(msg, if (is.null(describe_call(call))) NULL else call))
  }
  invisible()
}, envir = base::new.env(parent = base::baseenv()))`;
}
