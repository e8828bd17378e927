// The R code behind the environment pane: describes each object of the global environment
// (name, class, shape, approximate size, a one-line preview) without printing, assigning or
// walking a big object. It runs in `local()`, so the workspace keeps exactly its objects.
//
// IRkernel ignores execute_request's `user_expressions` (its reply always carries an empty set),
// so the description comes back as a display_data of a private MIME type, published with
// IRdisplay on the provider's own silent request: no cell sees it, the execution count stays.

import { describeHelpersR } from "@/server/kernels/describe-objects.R";

export const VARIABLES_MIME = "application/vnd.kernelbook.variables+json";

/** At most this many objects are listed (the first, by name). */
export const MAX_VARIABLES = 2000;

const DESCRIBE = String.raw`${describeHelpersR({ ellipsis: "\u2026" })}
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
