// The R side of the webR kernel's IDE features (completion, help, the workspace listing): private
// functions that look at the user's workspace without changing it or printing into any cell.
//
// Like the runner, they live in an environment whose parent is the base environment. Each returns
// a character vector (parsed at the boundary in ide.ts); output, messages and warnings are captured
// and dropped, and an R error becomes an empty answer. Everything is cheap for huge objects: a
// data.frame of 1e7 rows is described by its dim and a head, never printed or serialized whole.

/** Fields per object in the answer of `variables()`: name, class, shape, size, preview. */
export const VARIABLE_FIELDS = 5;

/** R code that builds the IDE environment and returns it; its functions are called in it. */
export const IDE_R = String.raw`local({
  max_matches <- 500L
  max_objects <- 1000L
  preview_chars <- 120L
  # object.size walks every string of a character vector: above this many rows or elements, the
  # size is estimated from a sample of them.
  sample_size <- 10000L
  # Help text is laid out for a side panel or a hover, narrower than a console.
  help_width <- 68L

  # Evaluates expr with its printed output, messages and warnings dropped; fallback on an error.
  quietly <- function(expr, fallback) {
    out <- fallback
    utils::capture.output(out <- tryCatch(suppressWarnings(suppressMessages(expr)), error = function(e) fallback))
    out
  }

  # R's own completion (as RStudio and IRkernel use it): the token before the cursor, then the matches.
  complete <- function(line) quietly({
    utils:::.assignLinebuffer(line)
    utils:::.assignEnd(nchar(line))
    token <- utils:::.guessTokenFromLine()
    utils:::.completeToken()
    matches <- utils:::.retrieveCompletions()
    c(token, utils::head(unique(as.character(matches)), max_matches))
  }, character())

  # Help for a name: what the workspace's object is (it masks any help page of the same name), else
  # the R help page as text, else what the object found on the search path is.
  inspect <- function(topic, pkg) quietly({
    mine <- !nzchar(pkg) && exists(topic, envir = globalenv(), inherits = FALSE)
    text <- if (mine) describe_object(topic, pkg) else help_text(topic, pkg)
    if (!length(text)) text <- describe_object(topic, pkg)
    text
  }, character())

  help_text <- function(topic, pkg) {
    args <- if (nzchar(pkg)) list(topic, package = pkg) else list(topic)
    paths <- as.character(do.call(utils::help, args))
    if (!length(paths)) return(character())
    rd <- utils:::.getHelpFile(paths[[1L]])
    lines <- utils::capture.output(tools::Rd2txt(rd, options = list(underline_titles = FALSE, width = help_width)))
    paste(lines, collapse = "\n")
  }

  describe_object <- function(topic, pkg) {
    where <- if (nzchar(pkg)) asNamespace(pkg) else globalenv()
    if (!exists(topic, envir = where)) return(character())
    x <- get(topic, envir = where)
    if (is.function(x)) {
      sig <- deparse(args(x))
      sig <- paste(trimws(sig[-length(sig)]), collapse = " ")
      return(paste0(sub("^function ", topic, sig), "\n\nA function with no help page."))
    }
    lines <- utils::capture.output(utils::str(x, max.level = 1L, list.len = 20L, vec.len = 3L))
    head <- paste0(topic, ": ", paste(class(x), collapse = ", "), ", ", shape_of(x))
    paste(c(head, "", utils::head(lines, 25L)), collapse = "\n")
  }

  # The workspace's objects, five fields each (see VARIABLE_FIELDS), without forcing anything big.
  variables <- function() quietly({
    names <- utils::head(ls(globalenv()), max_objects)
    unlist(lapply(names, describe_variable), use.names = FALSE)
  }, character())

  describe_variable <- function(name) {
    if (bindingIsActive(name, globalenv())) return(c(name, "active binding", "", "", ""))
    tryCatch({
      x <- get(name, envir = globalenv(), inherits = FALSE)
      c(name, class(x)[[1L]], shape_of(x), size_of(x), preview_of(x))
    }, error = function(e) c(name, "?", "", "", conditionMessage(e)))
  }

  shape_of <- function(x) {
    if (is.function(x)) return("")
    d <- dim(x)
    if (length(d) >= 2L) paste(d, collapse = " x ") else paste("length", length(x))
  }

  size_of <- function(x) {
    size <- tryCatch(estimate_size(x), error = function(e) NA_real_)
    if (is.na(size)) "" else format(round(size), scientific = FALSE)
  }
  estimate_size <- function(x) {
    n <- if (is.data.frame(x)) nrow(x) else length(x)
    costly <- n > sample_size && (is.list(x) || is.character(x)) && !is.environment(x)
    if (!costly) return(as.numeric(utils::object.size(x)))
    part <- if (is.data.frame(x)) lapply(as.list(x), function(col) utils::head(col, sample_size)) else utils::head(x, sample_size)
    as.numeric(utils::object.size(part)) * n / sample_size
  }

  preview_of <- function(x) {
    text <- if (is.data.frame(x)) sprintf("%d obs. of %d variables", nrow(x), length(x))
      else if (is.function(x)) paste(trimws(utils::head(deparse(args(x)), -1L)), collapse = " ")
      else if (is.environment(x)) "<environment>"
      else if (isS4(x)) paste0("<S4 object of class ", class(x)[[1L]], ">")
      else if (is.list(x) && !is.object(x)) sprintf("List of %d", length(x))
      else str_line(x)
    text <- gsub("\\s+", " ", trimws(paste(text, collapse = " ")))
    if (nchar(text) > preview_chars) paste0(substr(text, 1L, preview_chars - 1L), "\u2026") else text
  }

  str_line <- function(x) {
    if (is.atomic(x) && length(x) > 1000L) x <- utils::head(x, 1000L)
    lines <- utils::capture.output(utils::str(x, give.head = FALSE, vec.len = 3L, nchar.max = 60L, give.attr = FALSE))
    if (length(lines)) lines[[1L]] else ""
  }

  environment()
}, envir = new.env(parent = baseenv()))`;
