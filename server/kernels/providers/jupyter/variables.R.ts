// The R code behind the environment pane: describes each object of the global environment
// (name, class, shape, approximate size, a one-line preview) without printing, assigning or
// walking a big object. It runs in `local()`, so the workspace keeps exactly its objects.
//
// IRkernel ignores execute_request's `user_expressions` (its reply always carries an empty set),
// so the description comes back as a display_data of a private MIME type, published with
// IRdisplay on the provider's own silent request: no cell sees it, the execution count stays.

export const VARIABLES_MIME = "application/vnd.kernelbook.variables+json";

/** At most this many objects are listed (the first, by name). */
export const MAX_VARIABLES = 2000;

const DESCRIBE = String.raw`
  approx_size <- function(x) {
    # object.size walks every string of a character vector (seconds for 1e7): sample big ones.
    if (is.character(x) && length(x) > 1e5) {
      i <- unique(as.integer(seq(1, length(x), length.out = 1000)))
      return(as.numeric(utils::object.size(x[i])) / length(i) * length(x))
    }
    if (is.list(x) && length(x) <= 1e4 && any(vapply(x, function(e) is.character(e) && length(e) > 1e5, NA))) {
      return(sum(vapply(x, approx_size, 0)) + as.numeric(utils::object.size(attributes(x))))
    }
    as.numeric(utils::object.size(x))
  }
  preview_of <- function(x, cls) {
    p <- if (is.data.frame(x)) {
      paste(utils::head(names(x), 8), collapse = ", ")
    } else if (is.function(x)) {
      paste0("function(", paste(names(formals(x)), collapse = ", "), ")")
    } else if (is.environment(x)) {
      "<environment>"
    } else if (is.list(x)) {
      paste0("List of ", length(x))
    } else if (is.atomic(x)) {
      head <- x[seq_len(min(6L, length(x)))]
      shown <- if (is.character(head)) encodeString(head, quote = '"')
        else if (is.factor(head)) as.character(head)
        else format(head, trim = TRUE, digits = 4)
      paste0(paste(shown, collapse = " "), if (length(x) > 6L) " ..." else "")
    } else cls
    p <- gsub("[[:cntrl:]]+", " ", p)
    if (nchar(p) > 120L) paste0(substr(p, 1L, 119L), "\u2026") else p
  }
  describe <- function(name, env) {
    x <- get(name, envir = env)
    cls <- tryCatch(paste(class(x), collapse = ", "), error = function(e) "unknown")
    d <- tryCatch(dim(x), error = function(e) NULL)
    shape <- if (length(d) > 0) paste(d, collapse = " x ")
      else tryCatch(paste("length", length(x)), error = function(e) "")
    list(
      name = name, type = cls, shape = shape,
      size = tryCatch(approx_size(x), error = function(e) NA_real_),
      preview = tryCatch(preview_of(x, cls), error = function(e) cls)
    )
  }
  env <- globalenv()
  rows <- lapply(utils::head(ls(env), ${MAX_VARIABLES}), describe, env = env)
  as.character(jsonlite::toJSON(rows, auto_unbox = TRUE, na = "null", null = "null", digits = NA))
`;

/** Code for a silent execute_request that publishes the workspace description as VARIABLES_MIME. */
export const VARIABLES_CODE = `IRdisplay::publish_mimebundle(list("${VARIABLES_MIME}" = local({${DESCRIBE}})))`;
