// R helpers the environment panes of Jupyter and ML Server share: an object's approximate size
// (sampling huge character vectors rather than walking every string) and a one-line preview.
// R 3.4 compatible (ML Server 9.3 ships R 3.4.3).

/**
 * Defines `approx_size(x)` and `preview_of(x, cls)` in the calling R scope. `ellipsis` ends a
 * preview cut at 120 characters ("..." where R may run in a non-UTF-8 locale).
 */
export function describeHelpersR(options: { ellipsis: "\u2026" | "..." }): string {
  const ellipsis = options.ellipsis === "..." ? '"..."' : '"\\u2026"';
  return String.raw`
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
    if (nchar(p) > 120L) paste0(substr(p, 1L, 119L), ${ellipsis}) else p
  }`;
}
