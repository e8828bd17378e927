// The kernel-provider contract: every provider (webr, jupyter, backendai, mlserver) implements it,
// and everything outside server/kernels/providers talks to kernels only through it.
import type { ExecEvent } from "@/server/contracts/outputs";

export type { ExecEvent } from "@/server/contracts/outputs";

export const PROVIDER_IDS = ["webr", "jupyter", "backendai", "mlserver"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** What the kernel process is doing (apart from whether we can reach it). */
export type KernelStatus = "starting" | "idle" | "busy" | "dead";
/** Why a kernel session ended, when the page words the cause itself (KernelSession.endCause). */
export type KernelEndCause = "idle_timeout";

export type ProviderCapabilities = {
  /** Output arrives while the code runs (false: all at the end, as on ML Server). */
  streaming: boolean;
  /** "reliable": interrupt stops running code; "best-effort": may not; "none": restart only. */
  interrupt: "reliable" | "best-effort" | "none";
  /** Plots drawn by the code come back as images without extra code. */
  plots: boolean;
  /** The kernel can ask the user for input (readline). */
  stdin: boolean;
};

export type KernelSpec = {
  /** Stable name, passed back to `start` (e.g. "r-4"). */
  name: string;
  /** Shown in the kernel picker, e.g. "R 4.6 — embedded webR". */
  displayName: string;
  language: "r" | "python";
  /** Resources the user may choose when starting this spec (CPU, memory, GPU); absent: none. */
  resources?: ResourceChoice[];
  /** One line shown under the spec in the picker, e.g. what the image is for. */
  description?: string;
};

/** One resource a kernel can be started with, e.g. `cpu` with options 1, 2, 4. */
export type ResourceChoice = {
  /** The provider's slot name, e.g. "cpu", "mem", "cuda.device". */
  key: string;
  /** Shown in the picker, e.g. "CPU cores". */
  label: string;
  options: { value: string; label: string }[];
  default: string;
};

/** What a kernel is doing while it starts, e.g. "Waiting in the cluster queue (PENDING)". */
export type StartPhase = { phase: string; detail?: string };

export type StartOptions = {
  spec?: string;
  /** Chosen values for the spec's ResourceChoice keys; missing keys take the default. */
  resources?: Record<string, string>;
  /** A snapshot to start from (workspace and files), for providers that keep snapshots (ML Server). */
  snapshotId?: string;
  /** Called as the kernel moves through the provider's start phases. */
  onPhase?: (phase: StartPhase) => void;
  signal?: AbortSignal;
};
export type CodePosition = { code: string; /** Offset in characters (UTF-16) into `code`. */ cursor: number; signal?: AbortSignal };

export type Completion = {
  matches: string[];
  /** The range of `code` the chosen match replaces. */
  cursorStart: number;
  cursorEnd: number;
};

export type Inspection = { found: false } | { found: true; /** Plain text help (ANSI stripped). */ text: string };

/** One object of the kernel's workspace, as an environment pane shows it. */
export type VariableInfo = {
  name: string;
  /** R class(es), e.g. "data.frame" or "numeric". */
  type: string;
  /** "150 x 5" for tabular objects, "length 10" otherwise. */
  shape: string;
  /** Approximate memory size in bytes (object.size), null if unknown. */
  sizeBytes: number | null;
  /** A short, single-line preview; never the whole object. */
  preview: string;
};
export type StartedKernel = { remoteId: string; runtime: string };

/** A file in a kernel's working directory. */
export type KernelFile = { name: string; size: number; isDirectory: boolean; modifiedAt: string | null };
export type ExecuteOptions = { code: string; signal?: AbortSignal };

export interface KernelProvider {
  readonly id: ProviderId;
  readonly capabilities: ProviderCapabilities;
  /** Kernel specs this provider offers right now (may query the remote server). */
  listSpecs(options?: { signal?: AbortSignal }): Promise<KernelSpec[]>;
  start(options?: StartOptions): Promise<StartedKernel>;
  /**
   * Runs code and yields what the kernel produces, in order, as it is produced. The iterator ends
   * when the kernel has replied and is idle again. An R error is an `error` event, not a throw;
   * a throw means the kernel itself failed (KernelError "DEAD", "NOT_FOUND", "TIMEOUT"...).
   * Aborting `signal` stops waiting but does not interrupt the kernel; call `interrupt` for that.
   */
  execute(remoteId: string, options: ExecuteOptions): AsyncIterable<ExecEvent>;
  /** Asks the kernel to stop the running code; the running `execute` then ends (with an error event). */
  interrupt(remoteId: string): Promise<void>;
  /** Replaces the kernel's process with a fresh one under the same id (workspace cleared). */
  restart(remoteId: string): Promise<void>;
  /** Stops the kernel; KernelError "NOT_FOUND" for an id this provider does not know. */
  shutdown(remoteId: string): Promise<void>;
  status(remoteId: string): Promise<KernelStatus>;

  // Optional capabilities: a provider without one leaves it undefined and the UI hides the feature.
  /** Completion at the cursor (Jupyter complete_request; R's own completion on webR). */
  complete?(remoteId: string, options: CodePosition): Promise<Completion>;
  /** Help for the name at the cursor (Jupyter inspect_request; R help on webR). */
  inspect?(remoteId: string, options: CodePosition): Promise<Inspection>;
  /** The workspace's objects, without changing the workspace or printing anything. */
  variables?(remoteId: string, options?: { signal?: AbortSignal }): Promise<VariableInfo[]>;
  /** Answers the running execution's pending `input_request` (stdin). */
  sendInput?(remoteId: string, value: string): Promise<void>;
  /** Writes a file into the kernel's working directory; `path` is relative to it ("data/in.csv"). */
  uploadFile?(remoteId: string, file: { path: string; data: Uint8Array; signal?: AbortSignal }): Promise<void>;
  /** Reads a file from the kernel's working directory; KernelError "NOT_FOUND" when it is absent. */
  downloadFile?(remoteId: string, path: string, options?: { signal?: AbortSignal }): Promise<Uint8Array>;
  /**
   * Streams a file of any size into the working directory (`path` relative to it; missing parent
   * folders are created; an existing file is replaced). Each chunk is written as it arrives, in
   * order (Jupyter: one contents-API PUT per chunk, so pass chunks of a few MiB), and never
   * gathered whole in memory. After the last chunk the bytes written must equal `size`, else
   * KernelError "INVALID". Aborting `signal` stops the write and may leave a partial file.
   */
  writeFile?(remoteId: string, file: { path: string; size: number; chunks: AsyncIterable<Uint8Array>; signal?: AbortSignal }): Promise<void>;
  /** Lists a directory (relative to the working directory, "." for itself). */
  listFiles?(remoteId: string, path: string, options?: { signal?: AbortSignal }): Promise<KernelFile[]>;
  /** Signs in once to prove the login works, for providers whose listSpecs asks the server nothing. */
  checkLogin?(options?: { signal?: AbortSignal }): Promise<void>;
  /** Ends the provider's login (e.g. revokes ML Server's refresh token) when its user disconnects. */
  disconnect?(): Promise<void>;
}
