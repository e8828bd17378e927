// One embedded R (webR) in a process of its own, started per kernel by ../kernel-process.ts with an
// empty environment, Node's permission model and (as root) another user and no network. It owns the
// WebR instance and answers the server over the IPC channel: requests (evalR…, files) by id, and
// every message of webR's output queue as it comes. Plain JavaScript: it runs under `next start`
// and Vitest alike, outside any bundle.
//
// Protocol (structured clone, so plots and files travel as Uint8Array):
//   server → host  { id, op: "evalRVoid" | "evalR" | "evalRRaw" | "evalRString" | "readFile" | "writeFile" | "sync", … }
//                  { op: "interrupt" }
//   host → server  { type: "ready", version } | { type: "failed", error } | { type: "fatal", error }
//                  { type: "reply", id, ok: true, value } | { type: "reply", id, ok: false, error }
//                  { type: "output", message }
import { pathToFileURL } from "node:url";

// Nothing of the environment the process was started with stays reachable from R (not even the
// IPC descriptor's number, which Node has already read).
for (const name of Object.keys(process.env)) delete process.env[name];

const [webrEntry] = process.argv.slice(2);
const send = (message) => {
  try {
    process.send?.(message);
  } catch {
    // A value that cannot be cloned (hostile or odd output): dropped, never fatal.
  }
};

// The server went away (exited or crashed): a kernel never outlives it.
process.on("disconnect", () => process.exit(0));

let webR;
try {
  const { WebR } = await import(pathToFileURL(webrEntry).href);
  watchWebRThread();
  webR = new WebR({ interactive: false });
  await webR.init();
} catch (error) {
  send({ type: "failed", error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

/**
 * webR does not notice when its thread dies (an exception thrown through R, e.g. by a file access
 * the permission model refuses): R would hang. The process ends instead, saying why.
 */
function watchWebRThread() {
  const NodeWorker = globalThis.Worker;
  let first = true;
  globalThis.Worker = class extends NodeWorker {
    constructor(...args) {
      super(...args);
      if (!first) return;
      first = false;
      let failure;
      this.once("error", (error) => (failure = `R's thread failed: ${error instanceof Error ? error.message : String(error)}`));
      this.once("exit", (code) => {
        const why = failure ?? (code === 0 ? "R quit" : `R's thread ended (code ${code})`);
        process.send?.({ type: "fatal", error: why }, () => process.exit(1));
      });
    }
  };
}

/** R objects the server refers to by number (the runner's and the IDE's environments). */
const objects = new Map();
const withEnv = (options) => (options && options.env !== undefined ? { ...options, env: objects.get(options.env) } : options);

const operations = {
  evalRVoid: async (m) => (await webR.evalRVoid(m.code, withEnv(m.options)), null),
  evalR: async (m) => {
    const handle = objects.size + 1;
    objects.set(handle, await webR.evalR(m.code, withEnv(m.options)));
    return handle;
  },
  evalRRaw: (m) => webR.evalRRaw(m.code, m.outputType, withEnv(m.options)),
  evalRString: (m) => webR.evalRString(m.code, withEnv(m.options)),
  readFile: (m) => webR.FS.readFile(m.path),
  writeFile: async (m) => (await webR.FS.writeFile(m.path, m.data, m.flags), null),
  /** Answers (like every request, see `reply`) once all output webR posted before it has gone. */
  sync: async () => null,
};

/** Requests webR is working on. */
let inFlight = 0;

process.on("message", (m) => {
  if (!m || typeof m !== "object") return;
  if (m.op === "interrupt") {
    // webR's interrupt also empties its input queue, which would drop the request webR's thread
    // waits for once idle and hang it: an interrupt that arrives after the cell ended is dropped.
    if (inFlight > 0) webR.interrupt();
    return;
  }
  const operation = Object.hasOwn(operations, m.op) ? operations[m.op] : undefined;
  if (!operation) return send({ type: "reply", id: m.id, ok: false, error: `Unknown operation ${String(m.op)}.` });
  inFlight++;
  Promise.resolve()
    .then(() => operation(m))
    .finally(() => inFlight--)
    .then(
      (value) => reply({ type: "reply", id: m.id, ok: true, value }),
      (error) => reply({ type: "reply", id: m.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
});

/**
 * Sends a reply after the output loop below has forwarded what webR queued before it (the loop
 * drains the queue in microtasks; a macrotask comes after them), so the server sees a cell's last
 * records before the reply that ends it, as it did with webR in its own process.
 */
function reply(message) {
  setImmediate(() => send(message));
}

send({ type: "ready", version: webR.version });

for (;;) {
  const message = await webR.read();
  if (message?.type === "closed") process.exit(0);
  send({ type: "output", message });
}
