// The Backend.AI kernel provider: R and Python sessions on a Backend.AI manager over its signed
// REST API, specs from its image catalogue, output streamed by polling execute (query →
// continue … → finished), stdin via `input` mode, scratch files under /home/work.
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import type {
  CodePosition, Completion, ExecuteOptions, KernelFile, KernelProvider, KernelSpec, KernelStatus, StartedKernel, StartOptions,
} from "@/server/kernels/types";
import { BackendAIClient, type BackendAIClientOptions } from "./client";
import { completionRange, completionRequest } from "./completion";
import { runCode } from "./execution";
import { downloadFile, listFiles, uploadFiles } from "./files";
import { chosenResources, SpecSource, type BackendAIImage } from "./specs";
import { sessionState, waitUntilRunning } from "./start";

export type { BackendAIImage } from "./specs";
export { sessionState } from "./start";

export type BackendAIProviderOptions = BackendAIClientOptions & {
  /** An explicit override list (spec name → image); without it the manager's catalogue is used. */
  images?: Record<string, BackendAIImage>;
  /** Resource slots sent with every session (e.g. { cpu: "1" }); the user's choices override them. */
  resources?: Record<string, string>;
  /** How long `start` waits for a session to reach RUNNING. */
  startTimeoutMs?: number;
  /** Interval between status polls while a session starts (default 1 s). */
  startPollMs?: number;
};

type InputWaiter = { resolve: (value: string) => void };

class BackendAIProvider implements KernelProvider {
  readonly id = "backendai" as const;
  readonly capabilities = { streaming: true, interrupt: "best-effort", plots: true, stdin: true } as const;
  private readonly client: BackendAIClient;
  private readonly specs: SpecSource;
  private readonly running = new Set<string>();
  private readonly inputs = new Map<string, InputWaiter>();

  constructor(private readonly options: BackendAIProviderOptions) {
    this.client = new BackendAIClient(options);
    this.specs = new SpecSource(this.client, options.images);
  }

  async listSpecs(options: { signal?: AbortSignal } = {}): Promise<KernelSpec[]> {
    return this.specs.specs(options);
  }

  async start(options: StartOptions = {}): Promise<StartedKernel> {
    const entry = await this.specs.find(options.spec, { signal: options.signal });
    const resources = { ...this.options.resources, ...chosenResources(entry.spec, options.resources) };
    const created = await this.client.createSession({
      image: entry.image, architecture: entry.architecture ?? undefined, resources, enqueueOnly: true, signal: options.signal,
    });
    try {
      await waitUntilRunning(this.client, created, {
        timeoutMs: this.options.startTimeoutMs ?? 120_000, pollMs: this.options.startPollMs, signal: options.signal, onPhase: options.onPhase,
      });
    } catch (error) {
      // A session that will not run should not keep its place in the queue.
      await this.client.destroy(created.sessionId, { forced: true }).catch(() => undefined);
      throw error;
    }
    return { remoteId: created.sessionId, runtime: entry.image };
  }

  async *execute(remoteId: string, options: ExecuteOptions): AsyncGenerator<ExecEvent, void, undefined> {
    if (this.running.has(remoteId)) throw new KernelError("BUSY", "This Backend.AI session is already running code.");
    this.running.add(remoteId);
    try {
      yield* runCode({ client: this.client, sessionId: remoteId, code: options.code, signal: options.signal, waitForInput: (signal) => this.waitForInput(remoteId, signal) });
    } finally {
      this.running.delete(remoteId);
      this.inputs.delete(remoteId);
    }
  }

  async sendInput(remoteId: string, value: string): Promise<void> {
    const waiter = this.inputs.get(remoteId);
    if (!waiter) throw new KernelError("NOT_FOUND", "This Backend.AI session is not waiting for input.");
    this.inputs.delete(remoteId);
    waiter.resolve(value);
  }

  async interrupt(remoteId: string): Promise<void> {
    await this.client.interrupt(remoteId);
  }

  async restart(remoteId: string): Promise<void> {
    await this.client.restart(remoteId);
  }

  async shutdown(remoteId: string): Promise<void> {
    await this.client.destroy(remoteId, { forced: true });
  }

  async status(remoteId: string): Promise<KernelStatus> {
    const info = await this.client.getSession(remoteId);
    const state = sessionState(info.status);
    return state === "idle" && this.running.has(remoteId) ? "busy" : state;
  }

  /** Best effort: runtimes may answer nothing or time out (spec §5.5); a timeout means no matches. */
  async complete(remoteId: string, position: CodePosition): Promise<Completion> {
    const matches = await this.client.complete({ sessionId: remoteId, ...completionRequest(position), signal: position.signal }).catch((error: unknown) => {
      if (error instanceof KernelError && error.code === "TIMEOUT") return [];
      throw error;
    });
    return { matches, ...completionRange(position, matches) };
  }

  async uploadFile(remoteId: string, file: { path: string; data: Uint8Array; signal?: AbortSignal }): Promise<void> {
    await uploadFiles(this.client, { sessionId: remoteId, files: [{ name: file.path, content: file.data }], signal: file.signal });
  }

  async downloadFile(remoteId: string, path: string, options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    return downloadFile(this.client, { sessionId: remoteId, path, signal: options.signal });
  }

  async listFiles(remoteId: string, path: string, options: { signal?: AbortSignal } = {}): Promise<KernelFile[]> {
    return listFiles(this.client, { sessionId: remoteId, path, signal: options.signal });
  }

  private waitForInput(remoteId: string, signal?: AbortSignal): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => {
        this.inputs.delete(remoteId);
        reject(signal?.reason);
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      this.inputs.set(remoteId, {
        resolve: (value) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(value);
        },
      });
    });
  }
}

export function createBackendAIProvider(options: BackendAIProviderOptions): KernelProvider {
  return new BackendAIProvider(options);
}
