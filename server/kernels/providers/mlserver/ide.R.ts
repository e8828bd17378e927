// The R code behind the IDE features on ML Server, each sent as one execute: the environment pane's
// description of workspace objects, completion at the cursor, and the workspace clearing that
// stands in for a restart. Like the runner they run in a private environment (parent: the base
// environment) and write their answers as marker records (console.ts), so the workspace keeps
// exactly the user's objects. R 3.4 compatible.
import { toRString, toRVector } from "@/server/kernels/r-literal";

/** ML Server's R may run in a non-UTF-8 locale: literals stay pure ASCII. */
const ASCII = { asciiOnly: true };
import { markFunction } from "./runner.R";

/** Fields of one `var` record: name, class, shape, size in bytes ("" if unknown), preview. */
export const VARIABLE_FIELDS = 5;
/** At most this many objects are described (the first ones GET /workspace names). */
export const MAX_VARIABLES = 1000;
export const MAX_COMPLETIONS = 200;

const DESCRIBE = String.raw`
  approx_size <- function(x) {
    # object.size walks every string of a character vector (seconds for 1e7): sample big ones.
    if (is.character(x) && length(x) > 1e5) {
      i <- unique(as.integer(seq(1, length(x), length.out = 1000)))
      return(as.numeric(utils::object.size(x[i])) / length(i) * length(x))
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
    if (nchar(p) > 120L) paste0(substr(p, 1L, 119L), "...") else p
  }
  describe <- function(name, env) {
    if (bindingIsActive(name, env)) return(c(name, "active binding", "", "", ""))
    x <- get(name, envir = env)
    cls <- tryCatch(paste(class(x), collapse = ", "), error = function(e) "unknown")
    d <- tryCatch(dim(x), error = function(e) NULL)
    shape <- if (length(d) > 0) paste(d, collapse = " x ") else tryCatch(paste("length", length(x)), error = function(e) "")
    size <- tryCatch(format(approx_size(x), scientific = FALSE), error = function(e) "")
    c(name, cls, shape, size, tryCatch(preview_of(x, cls), error = function(e) cls))
  }`;

/** Describes the named objects of the global environment, one `var` record each. */
export function variablesCode(names: string[], nonce: string): string {
  return String.raw`base::local({${markFunction(nonce)}${DESCRIBE}
  env <- globalenv()
  for (name in ${toRVector(names.slice(0, MAX_VARIABLES), ASCII)}) {
    if (!exists(name, envir = env, inherits = FALSE)) next
    mark("var", tryCatch(describe(name, env), error = function(e) c(name, "unknown", "", "", "")))
  }
  invisible()
}, envir = base::new.env(parent = base::baseenv()))`;
}

/** R's own completion (as RStudio and IRkernel use it) for `line`: one `complete` record, the token first. */
export function completionCode(line: string, nonce: string): string {
  return String.raw`base::local({${markFunction(nonce)}
  line <- ${toRString(line, ASCII)}
  found <- tryCatch(suppressWarnings(suppressMessages({
    utils:::.assignLinebuffer(line)
    utils:::.assignEnd(nchar(line))
    token <- utils:::.guessTokenFromLine()
    utils:::.completeToken()
    c(token, utils::head(unique(as.character(utils:::.retrieveCompletions())), ${MAX_COMPLETIONS}L))
  })), error = function(e) character())
  mark("complete", found)
  invisible()
}, envir = base::new.env(parent = base::baseenv()))`;
}

/** Empties the global environment (hidden objects and .Random.seed included): the "restart". */
export const CLEAR_WORKSPACE_R = String.raw`base::local({
  rm(list = ls(envir = globalenv(), all.names = TRUE), envir = globalenv())
  invisible()
}, envir = base::new.env(parent = base::baseenv()))`;

/** The same for Python sessions: every global that is not a dunder name. */
export const CLEAR_WORKSPACE_PYTHON = [
  "for __kb_name in [__n for __n in list(globals()) if not __n.startswith('__')]:",
  "    del globals()[__kb_name]",
  "globals().pop('__kb_name', None)",
].join("\n");
