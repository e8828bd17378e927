// JavaScript installed inside the webR worker: lets the R runner post typed records to this thread
// in order with R's console output, and only lets interrupts reach R while the runner can catch them.
// It reaches into webR's worker (Module.webr.channel, Module.FS, Module._Rf_onintr) as of webR 0.6.0.
//
// Why the interrupt guard: webR delivers `webR.interrupt()` to R at the next event poll, wherever
// R is. Outside the runner's interrupt handler (in webR's own evalR prologue, or while idle) an
// uncaught interrupt halts the non-interactive R process for good. So the runner "arms" the guard
// once its handler is in place and disarms it before leaving; interrupts polled while disarmed
// are dropped (the execution they targeted has already finished).

/** The `type` of the output-queue messages the hooks post. */
export const RECORD_MESSAGE_TYPE = "kernelbook";

/** Name of the hooks object on the worker's globalThis, called by the R runner through eval_js. */
export const HOOKS_GLOBAL = "kernelbook";

export const WORKER_HOOKS_JS = String.raw`(() => {
  const chan = Module.webr.channel;
  const decoder = new TextDecoder();
  const send = (data, transfer) => chan.write({ type: "${RECORD_MESSAGE_TYPE}", data }, transfer);
  // Emscripten's console keeps a line until its newline; post what is pending so that a record
  // keeps its place after the text printed before it (e.g. cat("a"); message("b")).
  const flushPartialLines = () => {
    for (const [fd, name] of [[1, "stdout"], [2, "stderr"]]) {
      const tty = Module.FS.streams[fd] && Module.FS.streams[fd].tty;
      if (!tty || !Array.isArray(tty.output) || tty.output.length === 0) continue;
      const text = decoder.decode(new Uint8Array(tty.output));
      tty.output = [];
      send({ kind: "partial", name, text });
    }
  };
  const post = (data, transfer) => { flushPartialLines(); send(data, transfer); return 0; };
  const hooks = {
    armed: false,
    drain() {
      const armed = hooks.armed;
      hooks.armed = false;
      try { chan.handleEvents(); } finally { hooks.armed = armed; }
    },
    start() { hooks.drain(); hooks.armed = true; return post({ kind: "start" }); },
    stop() { hooks.armed = false; hooks.drain(); return 0; },
    resultStart() { return post({ kind: "result-start" }); },
    resultEnd() { return post({ kind: "result-end" }); },
    text(kind, text) { return post({ kind, text }); },
    table(table) { return post({ kind: "table", table }); },
    error(ename, evalue, traceback) { return post({ kind: "error", ename, evalue, traceback }); },
    plot(path) {
      const bytes = Module.FS.readFile(path);
      return post({ kind: "plot", bytes }, [bytes.buffer]);
    },
    end() { return post({ kind: "end" }); },
  };
  globalThis.${HOOKS_GLOBAL} = hooks;
  chan.setInterrupt(() => { if (hooks.armed) Module._Rf_onintr(); });
  return 0;
})()`;
