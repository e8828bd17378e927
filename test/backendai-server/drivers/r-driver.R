# Why: the R side of the test server's fake kernel: runs code files named on stdin in one
# long-lived R process, so variables persist between runs; control records go to stdout
# framed by \036 (KB:TYPE:payload) and every run ends with an EOR mark on both streams.
.kb <- new.env()
.kb$stdin <- file("stdin", open = "r")
.kb$ctl <- function(type, payload = "") {
  flush(stdout())
  cat("\036KB:", type, ":", payload, "\036", sep = "")
  flush(stdout())
}
.kb_tools <- new.env()
.kb_tools$readline <- function(prompt = "") {
  cat(prompt)
  .kb$ctl("INPUT", "0")
  line <- readLines(.kb$stdin, n = 1)
  if (length(line) == 0) "" else line
}
attach(.kb_tools, name = "kb:tools", warn.conflicts = FALSE)
.kb$report_error <- function(err) {
  call <- conditionCall(err)
  msg <- conditionMessage(err)
  if (is.null(call)) cat("Error: ", msg, "\n", sep = "", file = stderr())
  else if (identical(call, quote(eval(e, envir = globalenv())))) cat("Error: ", msg, "\n", sep = "", file = stderr())
  else cat("Error in ", deparse(call)[1], " : ", msg, "\n", sep = "", file = stderr())
}
.kb$eval_one <- function(e) {
  tryCatch(withCallingHandlers({
    v <- withVisible(eval(e, envir = globalenv()))
    if (v$visible) print(v$value)
    TRUE
  }, warning = function(w) {
    cat("Warning message:\n", conditionMessage(w), "\n", sep = "", file = stderr())
    invokeRestart("muffleWarning")
  }), error = function(err) {
    .kb$report_error(err)
    FALSE
  }, interrupt = function(i) {
    cat("Interrupted\n", file = stderr())
    FALSE
  })
}
.kb$run <- function(code_path, plot_dir) {
  grDevices::png(file.path(plot_dir, "plot-%03d.png"), width = 504, height = 504, type = "cairo")
  dev <- grDevices::dev.cur()
  ok <- TRUE
  exprs <- tryCatch(parse(file = code_path, keep.source = FALSE), error = function(err) {
    .kb$report_error(err)
    NULL
  })
  if (is.null(exprs)) ok <- FALSE
  for (e in exprs) {
    if (!.kb$eval_one(e)) {
      ok <- FALSE
      break
    }
  }
  if (dev %in% grDevices::dev.list()) grDevices::dev.off(dev)
  for (f in sort(list.files(plot_dir, pattern = "^plot-.*\\.png$", full.names = TRUE))) {
    .kb$ctl("PLOT", f)
  }
  # Query mode on Jupyter-backed runtimes answers 0 even when the code raised (spec 5.4);
  # the error is the stderr item.
  invisible(ok)
  0L
}
.kb$unhex <- function(h) {
  if (!nzchar(h)) return("")
  bytes <- as.raw(strtoi(substring(h, seq(1, nchar(h), 2), seq(2, nchar(h), 2)), 16L))
  text <- rawToChar(bytes)
  Encoding(text) <- "UTF-8"
  text
}
# Completion with R's own completer (what the console's TAB uses), run silently in the session.
.kb$complete <- function(line, col) {
  comps <- character()
  utils::capture.output(comps <- tryCatch({
    utils:::.assignLinebuffer(line)
    utils:::.assignEnd(col)
    utils:::.guessTokenFromLine()
    utils:::.completeToken()
    utils:::.retrieveCompletions()
  }, error = function(e) character()))
  .kb$ctl("COMPLETIONS", paste(comps, collapse = "\037"))
}
.kb$ctl("READY")
repeat {
  line <- readLines(.kb$stdin, n = 1)
  if (length(line) == 0) break
  parts <- strsplit(line, "\t", fixed = TRUE)[[1]]
  if (parts[1] == "COMPLETE") {
    .kb$complete(.kb$unhex(if (length(parts) > 1) parts[2] else ""), as.integer(parts[3]))
    next
  }
  if (parts[1] != "RUN") next
  code <- tryCatch(.kb$run(parts[2], parts[3]), interrupt = function(i) 1L)
  cat("\036KB:EOR\036", file = stderr())
  .kb$ctl("DONE", code)
}
