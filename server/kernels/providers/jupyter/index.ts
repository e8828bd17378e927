// The "jupyter" kernel provider: kernels on a Jupyter Server / Kernel Gateway / Enterprise
// Gateway, through its REST API and kernel WebSockets (@jupyterlab/services). Runs IRkernel (and
// Python kernels) where the compute is, which is how Kernelbook reaches a Kubernetes kernel farm.
//
// Behaviour worth knowing (the contract leaves these to the provider):
// - Output is Jupyter's own message model, mapped per request (parent msg_id): streams, display_data
//   with the whole MIME bundle, execute_result, error (traceback ANSI codes kept). IRkernel sends a
//   visible value as display_data; it becomes an execute_result (see messages.ts). R warnings and
//   messages arrive from IRkernel on stderr and stay stderr streams.
// - An execute ends after the execute_reply and the kernel's return to idle. One at a time per
//   kernel: a second execute fails with KernelError "BUSY" (the app queues cells above).
// - An interrupt ends the cell with an "Interrupted" error event (IRkernel sends none itself).
// - If the kernel's process dies, the running execute throws KernelError "DEAD" after what arrived,
//   and the kernel reads "dead" until `restart`, even though the server auto-restarts it.
// - Kernel ids the server knows but this process did not start are attached on first use.
// - clear_output is ignored and update_display_data adds a display (stored outputs only grow).
// - Errors never carry the token; REST calls time out after `requestTimeoutMs`.
// - Files go through Jupyter Server's contents API, rooted where the kernels this provider starts
//   run (the server's root directory); writeFile sends each chunk as one PUT (contents.ts). A
//   gateway without a contents API answers file requests with KernelError "NOT_FOUND".
import "server-only";
import { KernelError } from "@/server/errors";
import type { ExecEvent } from "@/server/contracts/outputs";
import type {
  CodePosition, Completion, ExecuteOptions, Inspection, KernelFile, KernelProvider, KernelSpec, KernelStatus, ProviderCapabilities,
  StartedKernel, StartOptions, VariableInfo,
} from "../../types";
import { listContents, readContents, writeContents, type StreamedFile } from "./contents";
import { JupyterKernel, type KernelTimeouts } from "./kernel";
import { complete, inspect, variables } from "./requests";
import { JupyterRest } from "./rest";
import { defaultSpecName, describeRuntime, fromExecutionState, toKernelSpecs } from "./specs";


export type JupyterProviderOptions = {
  /** The server's base URL, e.g. http://127.0.0.1:8888 (a path prefix is kept). */
  baseUrl: string;
  /** Its API token (sent as `Authorization: token …`, and on the WebSocket URL). */
  token?: string;
  fetch?: typeof globalThis.fetch;
  /** REST calls and kernel requests (completion, help, variables). Default 10 s. */
  requestTimeoutMs?: number;
  /** Starting or restarting a kernel. Default 60 s. */
  startTimeoutMs?: number;
  /** How long a running cell waits for a dropped WebSocket to come back. Default 30 s. */
  reconnectGraceMs?: number;
  /** One file transfer request: a listing, a whole file, or one chunk of a streamed one. Default 120 s. */
  transferTimeoutMs?: number;
};

const CAPABILITIES: ProviderCapabilities = { streaming: true, interrupt: "reliable", plots: true, stdin: true };

export function createJupyterProvider(options: JupyterProviderOptions): KernelProvider {
  return new JupyterProvider(options);
}

class JupyterProvider implements KernelProvider {
  readonly id = "jupyter" as const;
  readonly capabilities = CAPABILITIES;
  private readonly timeouts: KernelTimeouts;
  private readonly rest: JupyterRest;
  private readonly kernels = new Map<string, JupyterKernel>();
  private readonly transferTimeoutMs: number;

  constructor(options: JupyterProviderOptions) {
    this.transferTimeoutMs = options.transferTimeoutMs ?? 120_000;
    this.timeouts = {
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      startTimeoutMs: options.startTimeoutMs ?? 60_000,
      reconnectGraceMs: options.reconnectGraceMs ?? 30_000,
    };
    this.rest = new JupyterRest({ baseUrl: options.baseUrl, token: options.token ?? "", fetch: options.fetch, ...this.timeouts });
  }

  async listSpecs(options: { signal?: AbortSignal } = {}): Promise<KernelSpec[]> {
    return toKernelSpecs(await this.rest.listSpecs(options.signal));
  }

  async start(options: StartOptions = {}): Promise<StartedKernel> {
    const { signal } = options;
    const specs = await this.rest.listSpecs(signal);
    const name = options.spec ?? defaultSpecName(specs);
    if (!name || !specs.kernelspecs[name]) {
      throw new KernelError("NOT_FOUND", `The Jupyter server at ${this.rest.where} has no kernel spec "${name ?? ""}".`);
    }
    const model = await this.rest.startKernel(name, signal);
    const kernel = new JupyterKernel(model.id, model.name, this.rest, this.timeouts);
    this.kernels.set(model.id, kernel);
    try {
      return { remoteId: model.id, runtime: describeRuntime(await kernel.ready(signal)) };
    } catch (e) {
      this.forget(model.id, "The kernel did not start.");
      await this.rest.shutdownKernel(model.id).catch(() => undefined);
      if (signal?.aborted) throw e;
      throw new KernelError("START_FAILED", `The "${name}" kernel did not start on the Jupyter server at ${this.rest.where}.`, { cause: e });
    }
  }

  async *execute(remoteId: string, options: ExecuteOptions): AsyncGenerator<ExecEvent, void, undefined> {
    const kernel = await this.find(remoteId);
    yield* kernel.execute(options);
  }

  async interrupt(remoteId: string): Promise<void> {
    await this.rest.interruptKernel(remoteId);
  }

  async restart(remoteId: string): Promise<void> {
    await (await this.find(remoteId)).restart();
  }

  async shutdown(remoteId: string): Promise<void> {
    try {
      await this.rest.shutdownKernel(remoteId);
    } catch (e) {
      if (e instanceof KernelError && e.code === "NOT_FOUND") this.forget(remoteId, "The kernel was shut down.");
      throw e;
    }
    this.forget(remoteId, "The kernel was shut down.");
  }

  async status(remoteId: string): Promise<KernelStatus> {
    const known = this.kernels.get(remoteId)?.knownStatus();
    if (known) return known;
    return fromExecutionState((await this.rest.getKernel(remoteId)).execution_state);
  }

  async complete(remoteId: string, position: CodePosition): Promise<Completion> {
    return complete(await this.find(remoteId), position);
  }

  async inspect(remoteId: string, position: CodePosition): Promise<Inspection> {
    return inspect(await this.find(remoteId), position);
  }

  async variables(remoteId: string, options?: { signal?: AbortSignal }): Promise<VariableInfo[]> {
    return variables(await this.find(remoteId), options);
  }

  async sendInput(remoteId: string, value: string): Promise<void> {
    (await this.find(remoteId)).sendInput(value);
  }

  async uploadFile(remoteId: string, file: { path: string; data: Uint8Array; signal?: AbortSignal }): Promise<void> {
    const chunks = (async function* () {
      yield file.data;
    })();
    await this.writeFile(remoteId, { path: file.path, size: file.data.byteLength, chunks, signal: file.signal });
  }

  async writeFile(remoteId: string, file: StreamedFile): Promise<void> {
    await this.find(remoteId);
    await writeContents(this.rest, file, { timeoutMs: this.transferTimeoutMs });
  }

  async downloadFile(remoteId: string, path: string, options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    await this.find(remoteId);
    return readContents(this.rest, path, { timeoutMs: this.transferTimeoutMs, signal: options.signal });
  }

  async listFiles(remoteId: string, path: string, options: { signal?: AbortSignal } = {}): Promise<KernelFile[]> {
    await this.find(remoteId);
    return listContents(this.rest, path, { timeoutMs: this.transferTimeoutMs, signal: options.signal });
  }

  /** The kernel with this id: one this provider holds, or one the server has (attached now). */
  private async find(remoteId: string): Promise<JupyterKernel> {
    const known = this.kernels.get(remoteId);
    if (known) return known;
    const model = await this.rest.getKernel(remoteId);
    const kernel = this.kernels.get(remoteId) ?? new JupyterKernel(model.id, model.name, this.rest, this.timeouts);
    this.kernels.set(remoteId, kernel);
    return kernel;
  }

  private forget(remoteId: string, reason: string): void {
    this.kernels.get(remoteId)?.close(reason);
    this.kernels.delete(remoteId);
  }
}
