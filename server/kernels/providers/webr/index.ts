// The "webr" kernel provider: R compiled to WebAssembly, one locked-down OS process per kernel
// (kernel-process.ts, sandbox.ts). Needs no remote server, so it is the default and the fallback.
//
// Behaviour worth knowing (the contract leaves these to the provider):
// - A visible value prints as an `execute_result` with text/plain (as IRkernel does); `print()`
//   and `cat()` output is a stdout stream, sent line by line while the cell runs.
// - Plots go to a png device opened when the code first draws; each finished page is sent as a
//   `display_data` (image/png as base64, text/plain "<plot>") as soon as the next page starts,
//   and the last one when the cell ends, when the device is closed.
// - One execution at a time per kernel: a second `execute` fails with KernelError "BUSY" (the
//   app queues cells above the provider). Aborting an execute's signal stops the waiting only.
// - message() is a `message` event and warning() a `warning` event, sent when signalled (not
//   deferred to the end as the console does). Errors end the cell (later top-level expressions
//   do not run), as in IRkernel; an interrupt ends it with an error event of ename "Interrupted".
// - If R quits or its process crashes or passes the memory limit, the running execute throws
//   KernelError "DEAD" (with the reason) and the status stays "dead" until a restart, which
//   starts a new process.
// - A visible data frame's execute_result carries, beside text/plain, its first rows as
//   application/vnd.kernelbook.table+json (server/contracts/table.ts).
// - complete / inspect / variables use R's own completion, its help pages (webR ships them; the
//   text of tools::Rd2txt) and a cheap look at globalenv, in a private environment, printing
//   nothing. R does one thing at a time: while a cell runs (or the kernel starts or is dead) they
//   answer "nothing" at once ([] / found: false) rather than wait behind the cell.
// - Files live in webR's in-memory file system (under R's getwd()). Listing, reading and writing
//   them while a cell runs fails with KernelError "BUSY"; a cell started while a file is being
//   written waits for it. writeFile appends each chunk as it arrives (files.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import { KernelError } from "@/server/errors";
import type { KernelProvider, KernelSpec, ProviderCapabilities, StartedKernel, StartOptions } from "../../types";
import { listIn, readIn, writeIn } from "./files";
import { completeIn, inspectIn, variablesIn, type AskR } from "./ide";
import { WebRKernel } from "./kernel";

export type WebRProviderOptions = {
  /** How long a kernel may take to start (webR's init takes about 1 s). Default 30 s. */
  startTimeoutMs?: number;
  /** Resident memory above which a kernel process is stopped (KERNEL_MEMORY_MB). Default 2048. */
  memoryLimitMb?: number;
};

const SPEC_NAME = "r";
/** The R version webR 0.6.0 ships; replaced by what R reports once a kernel has started. */
const PACKAGED_R_VERSION = "4.6.0";

const CAPABILITIES: ProviderCapabilities = { streaming: true, interrupt: "reliable", plots: true, stdin: false };

export function createWebRProvider(options: WebRProviderOptions = {}): KernelProvider {
  const kernelOptions = { startTimeoutMs: options.startTimeoutMs ?? 30_000, memoryLimitMb: options.memoryLimitMb ?? 2048 };
  const kernels = new Map<string, WebRKernel>();
  let rVersion = PACKAGED_R_VERSION;

  const find = (remoteId: string): WebRKernel => {
    const kernel = kernels.get(remoteId);
    if (!kernel) throw new KernelError("NOT_FOUND", `No webR kernel with id ${remoteId}.`);
    return kernel;
  };
  const askR = (remoteId: string): AskR => {
    const kernel = find(remoteId);
    return (call, queryOptions) => kernel.query(call, queryOptions);
  };

  return {
    id: "webr",
    capabilities: CAPABILITIES,

    async listSpecs(): Promise<KernelSpec[]> {
      return [describeSpec(rVersion)];
    },

    async start(startOptions: StartOptions = {}): Promise<StartedKernel> {
      const { spec = SPEC_NAME, signal } = startOptions;
      if (spec !== SPEC_NAME) throw new KernelError("NOT_FOUND", `The webR provider has no kernel spec "${spec}".`);
      const remoteId = randomUUID();
      const kernel = new WebRKernel(kernelOptions);
      kernels.set(remoteId, kernel);
      try {
        const session = await kernel.start(signal);
        rVersion = session.rVersion;
        return { remoteId, runtime: session.runtime };
      } catch (error) {
        kernels.delete(remoteId);
        kernel.shutdown();
        throw error;
      }
    },

    async *execute(remoteId, executeOptions) {
      yield* find(remoteId).execute(executeOptions);
    },

    async interrupt(remoteId) {
      find(remoteId).interrupt();
    },

    async restart(remoteId) {
      await find(remoteId).restart();
    },

    async shutdown(remoteId) {
      find(remoteId).shutdown();
      kernels.delete(remoteId);
    },

    async status(remoteId) {
      return find(remoteId).status();
    },

    async complete(remoteId, position) {
      return completeIn(askR(remoteId), position);
    },

    async inspect(remoteId, position) {
      return inspectIn(askR(remoteId), position);
    },

    async variables(remoteId, variableOptions) {
      return variablesIn(askR(remoteId), variableOptions);
    },

    async uploadFile(remoteId, file) {
      const chunks = (async function* () {
        yield file.data;
      })();
      await find(remoteId).files((access) => writeIn(access, { path: file.path, size: file.data.byteLength, chunks, signal: file.signal }));
    },

    async writeFile(remoteId, file) {
      await find(remoteId).files((access) => writeIn(access, file));
    },

    async downloadFile(remoteId, path, fileOptions = {}) {
      return find(remoteId).files((access) => readIn(access, path, fileOptions.signal));
    },

    async listFiles(remoteId, path, fileOptions = {}) {
      return find(remoteId).files((access) => listIn(access, path, fileOptions.signal));
    },
  };
}

function describeSpec(rVersion: string): KernelSpec {
  const majorMinor = rVersion.split(".").slice(0, 2).join(".");
  return { name: SPEC_NAME, displayName: `R ${majorMinor} — embedded webR`, language: "r" };
}
