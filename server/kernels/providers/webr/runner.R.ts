// The R side of the webR kernel: evaluates a cell in the global environment the way the R console
// does (autoprint, warnings, errors, plots) and reports each result through the worker hooks.
//
// It lives in a private environment whose parent is the base environment, so it neither leaves
// anything in the user's workspace nor breaks when the user masks a base function there.
// Records it posts (see worker-hooks.ts): start, result-start/-end, warning, message, error, plot,
// end. A visible value is printed to the console between result-start and result-end, and that
// text becomes the execute_result (as IRkernel does); a data frame also posts a table record
// there (table.R.ts). Plots: see plots.R.ts.
//
// Cost matters (a `1+1` cell should take about half a millisecond in R): one tryCatch and one
// withCallingHandlers per cell, not per expression. A calling handler notes an error (with the
// call stack) or interrupt and signals "kernelbook_abort" (an error class) to leave the cell; the
// report is made once unwound, where a stack overflow leaves room for it. The tryCatch also
// catches errors that skip calling handlers (R does so for stack overflows).
import { PLOTS_R } from "./plots.R";
import { TABLE_R } from "./table.R";
import { HOOKS_GLOBAL as hooks } from "./worker-hooks";

/** R code that builds the runner environment and returns it; `run(code)` is called in it. */
export const RUNNER_R = String.raw`local({
  js <- webr::eval_js
  top_call <- quote(eval(expr, globalenv()))
  abort_condition <- structure(list(message = "", call = NULL), class = c("kernelbook_abort", "error", "condition"))
  frames_kept <- 10L
  state <- new.env(parent = emptyenv())
  state$warn <- 0

  js_string <- function(x) {
    x <- enc2utf8(as.character(x))
    x <- gsub("\\", "\\\\", x, fixed = TRUE)
    x <- gsub("\"", "\\\"", x, fixed = TRUE)
    x <- gsub("\n", "\\n", x, fixed = TRUE)
    x <- gsub("\r", "\\r", x, fixed = TRUE)
    paste0("\"", x, "\"")
  }
  post_text <- function(kind, text) {
    js(paste0("${hooks}.text(\"", kind, "\",", js_string(text), ")"))
  }
  post_error <- function(ename, evalue, traceback) {
    tb <- paste(js_string(traceback), collapse = ",")
    js(paste0("${hooks}.error(", js_string(ename), ",", js_string(evalue), ",[", tb, "])"))
  }
  # Prints like the console: called from the workspace, so print methods defined there are found.
  post_result <- function(value) {
    js("${hooks}.resultStart()")
    on.exit(js("${hooks}.resultEnd()"))
    post_table(value)
    env <- new.env(parent = globalenv())
    env$x <- value
    eval(if (isS4(value)) quote(methods::show(x)) else quote(print(x)), env)
  }
  deparse_call <- function(call) paste(deparse(call, nlines = 1L), collapse = "")
  describe_call <- function(call) {
    if (is.null(call) || identical(call, top_call)) NULL else deparse_call(call)
  }
  diverted <- function() sink.number(type = "message") != 2L

  on_warning <- function(w) {
    warn <- getOption("warn", 0)
    if (warn >= 2 || diverted()) return()
    if (warn >= 0) {
      call <- describe_call(conditionCall(w))
      msg <- conditionMessage(w)
      post_text("warning", if (is.null(call)) msg else paste0("In ", call, " : ", msg))
    }
    tryInvokeRestart("muffleWarning")
  }
  on_message <- function(m) {
    if (diverted()) return()
    post_text("message", conditionMessage(m))
    tryInvokeRestart("muffleMessage")
  }
  on_interrupt <- function(cnd) {
    state$interrupted <- TRUE
    signalCondition(abort_condition)
  }
  on_error <- function(cnd) {
    state$error <- cnd
    state$calls <- sys.calls()
    signalCondition(abort_condition)
  }
  on_abort <- function(cnd) {
    if (!inherits(cnd, "kernelbook_abort") && is.null(state$error)) state$error <- cnd
  }
  report <- function() {
    if (state$interrupted) post_error("Interrupted", "Execution interrupted", "Execution interrupted")
    else if (is.null(state$error)) return()
    else if (state$parsing) post_parse_error(state$error)
    else post_eval_error(state$error, state$calls)
  }
  post_parse_error <- function(cnd) {
    msg <- sub("^<text>:", "", conditionMessage(cnd))
    post_error("Error", msg, strsplit(paste0("Error: ", msg), "\n", fixed = TRUE)[[1L]])
  }
  post_eval_error <- function(cnd, calls) {
    msg <- conditionMessage(cnd)
    call <- describe_call(conditionCall(cnd))
    head <- if (is.null(call)) paste0("Error: ", msg) else paste0("Error in ", call, " : ", msg)
    tb <- strsplit(head, "\n", fixed = TRUE)[[1L]]
    frames <- user_calls(calls)
    if (length(frames) > 1L) tb <- c(tb, "", "Traceback:", format_frames(frames))
    post_error("Error", msg, tb)
  }
  # The first and last calls of a deep stack (runaway recursion) are enough to read it.
  format_frames <- function(frames) {
    n <- length(frames)
    shown <- if (n > 2L * frames_kept) c(seq_len(frames_kept), (n - frames_kept + 1L):n) else seq_len(n)
    lines <- paste0(shown, ". ", vapply(frames[shown], deparse_call, ""))
    if (length(shown) == n) return(lines)
    c(lines[seq_len(frames_kept)], sprintf("... %d more ...", n - length(shown)), lines[-seq_len(frames_kept)])
  }
  # The calls between the cell's top level and the error, without the handler's own frames.
  user_calls <- function(calls) {
    tops <- which(vapply(calls, identical, logical(1L), top_call))
    if (!length(tops)) return(list())
    first <- max(tops) + 1L
    last <- length(calls) - 1L
    if (last >= first && identical(calls[[last]][[1L]], quote(.handleSimpleError))) last <- last - 1L
    if (last < first) list() else calls[first:last]
  }

  # Source references only matter for printing functions; parsing is 5x cheaper without them.
  parse_cell <- function(code) {
    keep <- isTRUE(getOption("keep.source")) && (grepl("function", code, fixed = TRUE) || grepl("\\(", code, fixed = TRUE))
    state$parsing <- TRUE
    exprs <- parse(text = code, keep.source = keep)
    state$parsing <- FALSE
    exprs
  }
  eval_top <- function(expr) {
    res <- withVisible(eval(expr, globalenv()))
    if (res$visible) post_result(res$value)
  }
  run_armed <- function(code) {
    on.exit(disarm())
    js("${hooks}.start()")
    options(warn = state$warn)
    plots$running <- TRUE
    withCallingHandlers(
      for (expr in parse_cell(code)) eval_top(expr),
      warning = on_warning, message = on_message, error = on_error, interrupt = on_interrupt
    )
  }
  disarm <- function() {
    js("${hooks}.stop()")
    plots$running <- FALSE
    state$warn <- getOption("warn")
  }
  run <- function(code) {
    state$interrupted <- FALSE
    state$parsing <- FALSE
    state$error <- NULL
    state$calls <- list()
    tryCatch(run_armed(code), error = on_abort)
    end_plots(state$interrupted)
    report()
    js("${hooks}.end()")
    invisible()
  }
${PLOTS_R}
${TABLE_R}
  environment()
}, envir = new.env(parent = baseenv()))`;
