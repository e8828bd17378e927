// The Backend.AI kernel provider: R sessions on a Backend.AI manager over its signed REST API,
// output streamed by polling execute (query → continue … → finished), stdin via `input` mode.
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import type { CodePosition, Completion, ExecuteOptions, KernelProvider, KernelSpec, KernelStatus, StartedKernel, StartOptions } from "@/server/kernels/types";
import { BackendAIClient, type BackendAIClientOptions } from "./client";
import { runCode } from "./execution";
import { waitUntilRunning } from "./start";

export type BackendAIImage = { image: string; displayName: string; language?: "r" | "python" };

export type BackendAIProviderOptions = BackendAIClientOptions & {
  /** Spec name → image; only images with the `query` feature can run cells (spec §10). */
  images?: Record<string, BackendAIImage>;
  resources?: Record<string, string>;
  /** How long `start` waits for a session to reach RUNNING. */
  startTimeoutMs?: number;
  /** Interval between status polls while a session starts (default 1 s). */
  startPollMs?: number;
};

const DEFAULT_IMAGES: Record<string, BackendAIImage> = {
  "r-4": { image: "cr.backend.ai/cloud/r-base:4.0", displayName: "R 4.0 — Backend.AI" },
};

type InputWaiter = { resolve: (value: string) => void };

class BackendAIProvider implements KernelProvider {
  readonly id = "backendai" as const;
  readonly capabilities = { streaming: true, interrupt: "best-effort", plots: true, stdin: true } as const;
  private readonly client: BackendAIClient;
  private readonly images: Record<string, BackendAIImage>;
  private readonly running = new Set<string>();
  private readonly inputs = new Map<string, InputWaiter>();

  constructor(private readonly options: BackendAIProviderOptions) {
    this.client = new BackendAIClient(options);
    this.images = options.images ?? DEFAULT_IMAGES;
  }

  async listSpecs(): Promise<KernelSpec[]> {
    return Object.entries(this.images).map(([name, i]) => ({ name, displayName: i.displayName, language: i.language ?? "r" }));
  }

  async start(options: StartOptions = {}): Promise<StartedKernel> {
    const name = options.spec ?? Object.keys(this.images)[0] ?? "";
    const image = this.images[name];
    if (!image) throw new KernelError("START_FAILED", `Backend.AI offers no kernel spec "${name}".`);
    const created = await this.client.createSession({ image: image.image, resources: this.options.resources, signal: options.signal });
    await waitUntilRunning(this.client, created, { timeoutMs: this.options.startTimeoutMs ?? 120_000, pollMs: this.options.startPollMs, signal: options.signal });
    return { remoteId: created.sessionId, runtime: image.image };
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

  /** Best effort: runtimes rarely answer (spec §5.5); a timeout means no matches. */
  async complete(remoteId: string, position: CodePosition): Promise<Completion> {
    const before = position.code.slice(0, position.cursor);
    const lines = before.split("\n");
    const line = lines.at(-1) ?? "";
    const lineEnd = position.code.indexOf("\n", position.cursor);
    const word = /[\w.]*$/.exec(before)?.[0] ?? "";
    const matches = await this.client
      .complete({
        sessionId: remoteId, code: before, row: lines.length - 1, col: line.length,
        line: line + position.code.slice(position.cursor, lineEnd < 0 ? undefined : lineEnd), post: position.code.slice(position.cursor), signal: position.signal,
      })
      .catch((error: unknown) => {
        if (error instanceof KernelError && error.code === "TIMEOUT") return [];
        throw error;
      });
    return { matches, cursorStart: position.cursor - word.length, cursorEnd: position.cursor };
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

/** Backend.AI session statuses (spec §4.1) as kernel statuses. */
export function sessionState(status: string): KernelStatus {
  switch (status) {
    case "PENDING":
    case "SCHEDULED":
    case "PULLING":
    case "PREPARING":
    case "RESTARTING":
      return "starting";
    case "RUNNING":
    case "RUNNING_DEGRADED":
      return "idle";
    default:
      return "dead";
  }
}

export function createBackendAIProvider(options: BackendAIProviderOptions): KernelProvider {
  return new BackendAIProvider(options);
}
