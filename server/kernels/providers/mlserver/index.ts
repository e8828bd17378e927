// The "mlserver" kernel provider: R and Python sessions on Microsoft Machine Learning Server 9.x
// (R Server 9.1+) through its operationalization REST API (shared/specs/mlserver.md).
//
// Behaviour worth knowing (the contract leaves these to the provider):
// - Execute blocks on the server; output is streamed by polling the console output, and warnings,
//   messages and plots are captured by the R runner around the cell (runner.R.ts). Python cells
//   run as sent, their console arriving at the end.
// - One execution at a time per session: a second one fails with KernelError "BUSY" (a cell
//   waits for the provider's own short requests: variables, completion).
// - Interrupt is ML Server's cancel, which the spec does not guarantee: capability "best-effort".
// - ML Server cannot restart a session under the same id (close + create gives a new id), so
//   `restart` empties the workspace (every object, hidden ones and .Random.seed included) in the
//   same session; loaded packages, options and working-directory files stay.
// - The working directory is flat: files have names, no folders; the listing has no sizes
//   (reported as 0) or times.
// - Snapshots and web services, which are not in the contract, are `provider.snapshots` and
//   `provider.services`; `startFromSnapshot` starts a session from a snapshot, `disconnect`
//   revokes the refresh token.
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import type {
  CodePosition, Completion, ExecuteOptions, KernelFile, KernelProvider, KernelSpec, KernelStatus, ProviderCapabilities,
  StartedKernel, StartOptions, VariableInfo,
} from "@/server/kernels/types";
import { MlServerClient, type MlServerClientOptions } from "./client";
import { runCell } from "./execution";
import { CLEAR_WORKSPACE_PYTHON, CLEAR_WORKSPACE_R } from "./ide.R";
import { completeAt, listVariables } from "./ide";
import { PLOT_FILE_PATTERN } from "./runner.R";
import { SessionLocks } from "./session-locks";
import type { RuntimeType } from "./schemas";
import { MlServerServices } from "./services";
import { MlServerSnapshots } from "./snapshots";

export type MlServerProviderOptions = MlServerClientOptions & {
  /** Interval of console-output polls while code runs (default 250 ms). */
  pollMs?: number;
  /** Limit for one execute request, which lasts as long as the code runs (default 12 h). */
  executeTimeoutMs?: number;
};

/** StartOptions plus what ML Server can start a session with. */
export type MlServerStartOptions = StartOptions & { snapshotId?: string; name?: string };

type SpecEntry = KernelSpec & { runtimeType: RuntimeType };

const SPECS: SpecEntry[] = [
  { name: "r", displayName: "R — ML Server", language: "r", runtimeType: "R", description: "An R session on Microsoft Machine Learning Server" },
  { name: "python", displayName: "Python — ML Server", language: "python", runtimeType: "Python", description: "A Python session on Microsoft Machine Learning Server (9.1 and later)" },
];

const CAPABILITIES: ProviderCapabilities = { streaming: true, interrupt: "best-effort", plots: true, stdin: false };
const RESTART_WAIT_MS = 10_000;

export class MlServerProvider implements KernelProvider {
  readonly id = "mlserver" as const;
  readonly capabilities = CAPABILITIES;
  readonly client: MlServerClient;
  readonly snapshots: MlServerSnapshots;
  readonly services: MlServerServices;
  private readonly locks = new SessionLocks();
  private readonly interrupted = new Set<string>();
  private readonly runtimes = new Map<string, RuntimeType>();

  constructor(private readonly options: MlServerProviderOptions) {
    this.client = new MlServerClient(options);
    this.snapshots = new MlServerSnapshots(this.client);
    this.services = new MlServerServices(this.client.transport);
  }

  async listSpecs(): Promise<KernelSpec[]> {
    return SPECS.map(({ runtimeType: _runtime, ...spec }) => spec);
  }

  async start(options: MlServerStartOptions = {}): Promise<StartedKernel> {
    const spec = SPECS.find((s) => s.name === (options.spec ?? "r"));
    if (!spec) throw new KernelError("START_FAILED", `ML Server offers no kernel spec "${options.spec}" (only "r" and "python").`);
    options.onPhase?.({ phase: options.snapshotId ? "Creating an ML Server session from the snapshot" : "Creating an ML Server session" });
    const name = options.name ?? `kernelbook-${Date.now().toString(36)}`;
    const sessionId = await this.client.createSession({ name, runtimeType: spec.runtimeType, snapshotId: options.snapshotId, signal: options.signal });
    this.runtimes.set(sessionId, spec.runtimeType);
    return { remoteId: sessionId, runtime: `${spec.displayName} (${this.client.where})` };
  }

  /** A new session with the snapshot's workspace and files loaded. */
  async startFromSnapshot(snapshotId: string, options: MlServerStartOptions = {}): Promise<StartedKernel> {
    return this.start({ ...options, snapshotId });
  }

  async *execute(remoteId: string, options: ExecuteOptions): AsyncGenerator<ExecEvent, void, undefined> {
    const release = await this.locks.acquire(remoteId, "cell");
    this.interrupted.delete(remoteId);
    try {
      const runtime = await this.runtimeOf(remoteId, options.signal);
      yield* runCell({
        client: this.client, sessionId: remoteId, code: options.code, runtime, signal: options.signal,
        pollMs: this.options.pollMs ?? 250, executeTimeoutMs: this.options.executeTimeoutMs ?? 12 * 3600_000,
        interrupted: () => this.interrupted.has(remoteId),
      });
    } finally {
      this.interrupted.delete(remoteId);
      release();
    }
  }

  async interrupt(remoteId: string): Promise<void> {
    if (this.locks.runningCell(remoteId)) this.interrupted.add(remoteId);
    await this.client.cancel(remoteId);
  }

  /** Empties the workspace in the same session (see the header); cancels running code first. */
  async restart(remoteId: string): Promise<void> {
    const current = this.locks.runningCell(remoteId);
    if (current) {
      await this.interrupt(remoteId);
      const stopped = await Promise.race([current.then(() => true), sleep(RESTART_WAIT_MS).then(() => false)]);
      if (!stopped) throw new KernelError("BUSY", "The ML Server session is still running code after the cancel request; interrupt it again or shut it down.");
    }
    const result = await this.locks.with(remoteId, "ide", async () => {
      const runtime = await this.runtimeOf(remoteId);
      return this.client.execute(remoteId, { code: runtime === "R" ? CLEAR_WORKSPACE_R : CLEAR_WORKSPACE_PYTHON, timeoutMs: 60_000 });
    });
    if (!result.success) throw new KernelError("UNAVAILABLE", `ML Server could not clear the session's workspace: ${result.errorMessage.trim() || "no reason given"}`);
  }

  /** Closes the session; when a plain close fails (a stuck shell), forces it. */
  async shutdown(remoteId: string): Promise<void> {
    try {
      await this.client.closeSession(remoteId);
    } catch (error) {
      if (error instanceof KernelError && error.code === "NOT_FOUND") throw error;
      await this.client.closeSession(remoteId, { force: true });
    } finally {
      this.runtimes.delete(remoteId);
    }
  }

  async status(remoteId: string): Promise<KernelStatus> {
    await this.runtimeOf(remoteId, undefined, { fresh: true });
    return this.locks.runningCell(remoteId) ? "busy" : "idle";
  }

  async variables(remoteId: string, options: { signal?: AbortSignal } = {}): Promise<VariableInfo[]> {
    return this.locks.with(remoteId, "ide", async () => {
      const runtime = await this.runtimeOf(remoteId, options.signal);
      return listVariables({ client: this.client, sessionId: remoteId, runtime, signal: options.signal });
    });
  }

  /** R's completion through one execute; no matches while the session is busy or for Python. */
  async complete(remoteId: string, position: CodePosition): Promise<Completion> {
    const none = { matches: [], cursorStart: position.cursor, cursorEnd: position.cursor };
    if (this.locks.isHeld(remoteId)) return none;
    return this.locks.with(remoteId, "ide", async () => {
      const runtime = await this.runtimeOf(remoteId, position.signal);
      return runtime === "R" ? completeAt({ client: this.client, sessionId: remoteId, runtime }, position) : none;
    });
  }

  async uploadFile(remoteId: string, file: { path: string; data: Uint8Array; signal?: AbortSignal }): Promise<void> {
    await this.client.uploadFile(remoteId, { name: flatName(file.path, "UNAVAILABLE"), data: file.data, signal: file.signal });
  }

  async downloadFile(remoteId: string, path: string, options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    return this.client.downloadFile(remoteId, flatName(path, "NOT_FOUND"), options);
  }

  /** The working directory's files (names only: ML Server lists no sizes, times or folders). */
  async listFiles(remoteId: string, path: string, options: { signal?: AbortSignal } = {}): Promise<KernelFile[]> {
    if (!["", ".", "./"].includes(path)) throw new KernelError("NOT_FOUND", `ML Server's working directory has no folders, so "${path}" cannot be listed.`);
    const names = await this.client.listFiles(remoteId, options);
    const runnerFile = new RegExp(PLOT_FILE_PATTERN);
    return names.filter((name) => !runnerFile.test(name)).map((name) => ({ name, size: 0, isDirectory: false, modifiedAt: null }));
  }

  /** Revokes the refresh token (sign-out); later calls sign in again. */
  /** `POST /login` now (listSpecs asks the server nothing): a wrong password is KernelError UNAUTHORIZED. */
  async checkLogin(_options: { signal?: AbortSignal } = {}): Promise<void> {
    await this.client.transport.tokens.accessToken();
  }

  async disconnect(options: { signal?: AbortSignal } = {}): Promise<void> {
    await this.client.transport.disconnect(options);
  }

  /** The session's runtime, from this process's memory or `GET /sessions`; "NOT_FOUND" if absent. */
  private async runtimeOf(remoteId: string, signal?: AbortSignal, options: { fresh?: boolean } = {}): Promise<RuntimeType> {
    const known = this.runtimes.get(remoteId);
    if (known && !options.fresh) return known;
    const session = (await this.client.listSessions({ signal })).find((s) => s.id === remoteId);
    if (!session) {
      this.runtimes.delete(remoteId);
      throw new KernelError("NOT_FOUND", "The ML Server session no longer exists (it was closed, or the server dropped it).");
    }
    const runtime = session.runtimeType ?? known ?? "R";
    this.runtimes.set(remoteId, runtime);
    return runtime;
  }
}

/** A working-directory path as ML Server's flat file name ("./in.csv" → "in.csv"). */
function flatName(path: string, code: "NOT_FOUND" | "UNAVAILABLE"): string {
  const name = path.replace(/^(\.\/)+/, "");
  if (!name || name === "." || name === ".." || /[/\\]/.test(name)) {
    throw new KernelError(code, `ML Server's working directory has no folders: "${path}" must be a plain file name.`);
  }
  return name;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export function createMlServerProvider(options: MlServerProviderOptions): MlServerProvider {
  return new MlServerProvider(options);
}

export type { MlServerClient } from "./client";
export type { SnapshotInfo, MlServerSnapshots } from "./snapshots";
export type { MlServerServices, PublishServiceOptions, ServiceInfo, ServiceResult } from "./services";
export type { ParameterType, RuntimeType } from "./schemas";
