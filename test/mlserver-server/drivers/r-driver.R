# Why: the R shell of one test-server session: a long-lived R process that runs the commands the
# Node side writes on stdin (execute, workspace objects, snapshots), streams console text on
# stdout while code runs, and ends each command with a framed record \036KB:TYPE[:payload]\036.
# Everything lives in this local() scope, so user code in the global environment cannot see or
# remove it, and snapshots of the global environment do not carry it.
local({
.kb <- new.env()
.kb$stdin <- file("stdin", open = "r")
sink(stdout(), type = "message") # messages and warnings belong to the console text, in order

.kb$ctl <- function(type, payload = NULL) {
  flush(stdout())
  payload <- if (is.null(payload)) "" else paste0(":", gsub("[\036\n]", " ", payload))
  cat("\036KB:", type, payload, "\036", sep = "")
  flush(stdout())
}

# --- JSON writer (no jsonlite on the compute node) -------------------------------------------
.kb$json_str <- function(s) {
  s <- enc2utf8(as.character(s))
  s <- gsub("\\", "\\\\", s, fixed = TRUE)
  s <- gsub("\"", "\\\"", s, fixed = TRUE)
  s <- gsub("\n", "\\n", s, fixed = TRUE)
  s <- gsub("\r", "\\r", s, fixed = TRUE)
  s <- gsub("\t", "\\t", s, fixed = TRUE)
  for (code in setdiff(1:31, c(9L, 10L, 13L))) {
    s <- gsub(intToUtf8(code), sprintf("\\u%04x", code), s, fixed = TRUE)
  }
  paste0("\"", s, "\"")
}
.kb$json_atoms <- function(x) {
  if (is.factor(x) || inherits(x, c("Date", "POSIXt"))) x <- as.character(x)
  out <- if (is.logical(x)) ifelse(x, "true", "false")
    else if (is.numeric(x)) ifelse(is.finite(x), as.character(x), "null")
    else if (is.character(x)) .kb$json_str(x)
    else stop(sprintf("values of class '%s' cannot be written as JSON", class(x)[1]), call. = FALSE)
  out[is.na(x)] <- "null"
  out
}
.kb$json_array <- function(items) paste0("[", paste(items, collapse = ","), "]")
.kb$json_object <- function(keys, items) paste0("{", paste(paste0(.kb$json_str(keys), ":", items), collapse = ","), "}")
.kb$to_json <- function(x, unbox = TRUE) {
  if (is.null(x)) return("null")
  if (is.data.frame(x)) return(.kb$json_object(names(x), vapply(x, .kb$to_json, "", unbox = FALSE)))
  if (is.matrix(x)) return(.kb$json_array(apply(x, 1, function(r) .kb$to_json(r, unbox = FALSE))))
  if (is.list(x)) {
    items <- vapply(x, .kb$to_json, "")
    named <- !is.null(names(x)) && all(nzchar(names(x)))
    return(if (named) .kb$json_object(names(x), items) else .kb$json_array(items))
  }
  if (!is.atomic(x)) stop(sprintf("objects of class '%s' cannot be returned as JSON", class(x)[1]), call. = FALSE)
  atoms <- .kb$json_atoms(x)
  if (unbox && length(x) == 1) atoms else .kb$json_array(atoms)
}

# --- running code the way the R console does ---------------------------------------------------
.kb$format_error <- function(e) {
  call <- conditionCall(e)
  msg <- conditionMessage(e)
  if (is.null(call) || identical(call[[1]], quote(eval))) return(paste0("Error: ", msg, "\n"))
  dcall <- deparse(call, nlines = 1L)
  sep <- if (14L + nchar(dcall, type = "w") + nchar(strsplit(msg, "\n")[[1]][1], type = "w") > 77L) " : \n  " else " : "
  paste0("Error in ", dcall, sep, msg, "\n")
}
.kb$print_warnings <- function(warns) {
  if (length(warns) == 0) return(invisible())
  one <- function(w) {
    call <- conditionCall(w)
    if (is.null(call) || identical(call[[1]], quote(eval))) conditionMessage(w)
    else paste0("In ", deparse(call, nlines = 1L), " : ", conditionMessage(w))
  }
  texts <- vapply(warns, one, "")
  if (length(texts) == 1) cat("Warning message:\n", texts, "\n", sep = "")
  else cat("Warning messages:\n", paste0(seq_along(texts), ": ", texts, "\n"), sep = "")
}
.kb$eval_one <- function(.kb_expr) {
  warns <- list()
  err <- tryCatch(withCallingHandlers({
    v <- withVisible(eval(.kb_expr, envir = globalenv()))
    if (v$visible) print(v$value)
    NULL
  }, warning = function(w) {
    warns[[length(warns) + 1L]] <<- w
    invokeRestart("muffleWarning")
  }), error = function(e) .kb$format_error(e))
  .kb$print_warnings(warns)
  err
}
.kb$run_code <- function(prelude, code) {
  if (prelude != "-") for (e in parse(prelude, keep.source = FALSE, encoding = "UTF-8")) eval(e, envir = globalenv())
  exprs <- tryCatch(parse(text = readLines(code, warn = FALSE, encoding = "UTF-8"), keep.source = FALSE),
    error = function(e) structure(paste0("Error: ", conditionMessage(e), "\n"), class = "kb_parse_error"))
  if (inherits(exprs, "kb_parse_error")) return(unclass(exprs))
  for (e in exprs) {
    err <- .kb$eval_one(e)
    if (!is.null(err)) return(err)
  }
  NULL
}
.kb$outputs_json <- function(names) {
  items <- vapply(names, function(n) {
    if (!exists(n, envir = globalenv(), inherits = FALSE)) stop(sprintf("object '%s' not found", n), call. = FALSE)
    paste0("{\"name\":", .kb$json_str(n), ",\"value\":", .kb$to_json(get(n, envir = globalenv())), "}")
  }, "")
  .kb$json_array(items)
}
.kb$write_result <- function(result, err, outs = "[]") {
  json <- paste0("{\"success\":", if (is.null(err)) "true" else "false",
    ",\"errorMessage\":", .kb$json_str(if (is.null(err)) "" else err),
    ",\"outputParameters\":", outs, "}")
  writeLines(json, result, useBytes = TRUE)
  .kb$pending <- NULL
  .kb$ctl("DONE")
}
.kb$exec <- function(prelude, code, outputs, result) {
  .kb$pending <- result
  err <- tryCatch(.kb$run_code(prelude, code),
    error = function(e) .kb$format_error(e),
    interrupt = function(i) .kb$interrupted)
  grDevices::graphics.off() # plots drawn this run are written now, so they show in changedFiles
  outs <- "[]"
  if (is.null(err) && outputs != "-") {
    outs <- tryCatch(.kb$outputs_json(readLines(outputs, warn = FALSE, encoding = "UTF-8")),
      error = function(e) { err <<- paste0("Error: ", conditionMessage(e), "\n"); "[]" })
  }
  .kb$write_result(result, err, outs)
}
.kb$interrupted <- "Execution interrupted\n"

# --- workspace objects (§2.8) and snapshots (§2.9) -------------------------------------------
.kb$load_object <- function(name, path) {
  env <- new.env()
  loaded <- tryCatch(load(path, envir = env), error = function(e) NULL)
  value <- if (is.null(loaded)) readRDS(path) # not an .RData file: an R serialize() stream
    else if (name %in% loaded) get(name, envir = env)
    else if (length(loaded) == 1) get(loaded, envir = env)
    else stop(sprintf("the .RData file holds %d objects and none is named '%s'", length(loaded), name), call. = FALSE)
  assign(name, value, envir = globalenv())
}
.kb$control <- function(parts) {
  op <- parts[1]
  if (op == "LS") writeLines(.kb$json_array(.kb$json_str(ls(globalenv()))), parts[2], useBytes = TRUE)
  else if (op == "SAVE") {
    if (!exists(parts[2], envir = globalenv(), inherits = FALSE)) stop("object not found", call. = FALSE)
    save(list = parts[2], file = parts[3], envir = globalenv())
  }
  else if (op == "LOAD") .kb$load_object(parts[2], parts[3])
  else if (op == "RM") {
    if (!exists(parts[2], envir = globalenv(), inherits = FALSE)) stop("object not found", call. = FALSE)
    rm(list = parts[2], envir = globalenv())
  }
  else if (op == "SAVEALL") save(list = ls(globalenv(), all.names = TRUE), file = parts[2], envir = globalenv())
  else if (op == "LOADALL") load(parts[2], envir = globalenv())
  else stop(paste("unknown command", op), call. = FALSE)
}

# --- what a remote session masks (§2.5: help, browser, q and quit) ---------------------------
.kb_mask <- new.env()
.kb_mask$q <- .kb_mask$quit <- function(...) stop("quit() is not available in a remote session", call. = FALSE)
.kb_mask$browser <- function(...) invisible(NULL)
.kb_mask$help <- function(...) invisible(NULL)
attach(.kb_mask, name = "mlserver:mask", warn.conflicts = FALSE)
# Plots drawn without an explicit device go to 400x400 PNG files in the working directory (§3).
options(device = function(...) grDevices::png("Rplot%03d.png", width = 400, height = 400, type = "cairo"))

.kb$loop <- function() {
  repeat {
    line <- readLines(.kb$stdin, n = 1)
    if (length(line) == 0) return("eof")
    parts <- strsplit(line, "\t", fixed = TRUE)[[1]]
    if (parts[1] == "EXEC") .kb$exec(parts[2], parts[3], parts[4], parts[5])
    else tryCatch({ .kb$control(parts); .kb$ctl("OK") }, error = function(e) .kb$ctl("ERR", conditionMessage(e)))
  }
}

.kb$ctl("READY")
# An interrupt (POST /sessions/{id}/cancel) that lands outside the user's code must not end the
# session: it is caught here, and a run it cut short still reports its end.
repeat {
  state <- tryCatch(.kb$loop(), interrupt = function(i) "interrupted")
  if (identical(state, "eof")) break
  if (!is.null(.kb$pending)) .kb$write_result(.kb$pending, .kb$interrupted)
}
})
