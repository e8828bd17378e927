// The plot capture of the webR runner (a fragment of runner.R.ts's environment): a png device
// opened only when the code first draws, so cells that don't plot pay nothing, and each finished
// page posted as soon as the next page starts (plot.new / grid.newpage hooks) or the cell ends.
import { HOOKS_GLOBAL as hooks } from "./worker-hooks";

/** Plot size, in inches at `dpi` dots per inch (840 x 600 pixels). */
const PLOT = { width: 7, height: 5, dpi: 120 };

/** R definitions evaluated inside the runner's environment (they use its `js` and `js_string`). */
export const PLOTS_R = String.raw`
  plots <- new.env(parent = emptyenv())
  plots$dir <- tempfile("kernelbook-plots-")
  dir.create(plots$dir)
  plots$count <- 0L
  plots$dev <- 0L
  plots$prefix <- ""
  plots$running <- FALSE
  plots$used <- FALSE

  # Called by R (options(device)) when something draws and no device is open.
  open_device <- function(...) {
    plots$count <- plots$count + 1L
    plots$prefix <- sprintf("dev%04d-", plots$count)
    file <- file.path(plots$dir, paste0(plots$prefix, "page%04d.png"))
    grDevices::png(file, width = ${PLOT.width}, height = ${PLOT.height}, units = "in", res = ${PLOT.dpi})
    plots$dev <- grDevices::dev.cur()
    plots$used <- TRUE
    invisible()
  }
  device_open <- function() plots$dev > 1L && plots$dev %in% grDevices::dev.list()
  # Posts the finished pages: all of them once the device is closed, else all but the current one.
  post_pages <- function(final = FALSE) {
    files <- list.files(plots$dir, full.names = TRUE)
    if (!final && device_open()) {
      current <- which(startsWith(basename(files), plots$prefix))
      if (length(current)) files <- files[-max(current)]
    }
    for (f in files) {
      if (isTRUE(file.size(f) > 0)) js(paste0("${hooks}.plot(", js_string(f), ")"))
      unlink(f)
    }
  }
  on_new_page <- function() if (isTRUE(plots$running)) post_pages()
  # Closes the cell's device, so the next cell starts without one, and posts (or drops) its pages.
  end_plots <- function(interrupted) {
    if (!plots$used) return()
    if (device_open()) grDevices::dev.off(plots$dev)
    plots$dev <- 0L
    plots$used <- FALSE
    if (interrupted) unlink(list.files(plots$dir, full.names = TRUE)) else post_pages(final = TRUE)
  }

  options(device = open_device)
  setHook("plot.new", on_new_page)
  setHook("grid.newpage", on_new_page)
`;
