// The R code behind the IDE features on ML Server, each sent as one execute: the environment pane's
// description of workspace objects, completion at the cursor, and the workspace clearing that
// stands in for a restart. Like the runner they run in a private environment (parent: the base
// environment) and write their answers as marker records (console.ts), so the workspace keeps
// exactly the user's objects. R 3.4 compatible.
import { describeHelpersR } from "@/server/kernels/describe-objects.R";
import { toRString, toRVector } from "@/server/kernels/r-literal";
import { markFunction } from "./runner.R";

/** ML Server's R may run in a non-UTF-8 locale: literals stay pure ASCII. */
const ASCII = { asciiOnly: true };

/** Fields of one `var` record: name, class, shape, size in bytes ("" if unknown), preview. */
export const VARIABLE_FIELDS = 5;
/** At most this many objects are described (the first ones GET /workspace names). */
export const MAX_VARIABLES = 1000;
export const MAX_COMPLETIONS = 200;

const DESCRIBE = String.raw`${describeHelpersR({ ellipsis: "..." })}
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
