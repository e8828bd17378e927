// Several Jupyter endpoints (JUPYTER_URL lists more than one) offered as the one "jupyter" provider:
// one Jupyter provider per endpoint, each spec and kernel id tagged with the endpoint it lives on.
//
// - One endpoint: that endpoint's provider itself, so names and ids are exactly as they always were.
// - Several: the first endpoint keeps plain names ("ir", and kernel ids as its server gives them),
//   so notebooks saved before more endpoints were added, and imported .ipynb files, still run
//   there. Endpoint i (from 1) qualifies both as "<i>:<name>" (Jupyter spec names and kernel ids
//   never contain ":"), so reordering JUPYTER_URL moves notebooks to other endpoints.
// - Display names carry the endpoint's label: "R (IRkernel) — Jupyter (gpu-farm)".
// - listSpecs lists every endpoint that answers within `listTimeoutMs`; it fails only if none does.
import "server-only";
import { KernelError } from "@/server/errors";
import type { ExecEvent } from "@/server/contracts/outputs";
import type {
  CodePosition, Completion, ExecuteOptions, Inspection, KernelFile, KernelProvider, KernelSpec, KernelStatus, ProviderCapabilities,
  StartedKernel, StartOptions, VariableInfo,
} from "../../types";
import type { StreamedFile } from "./contents";
import { createJupyterProvider, type JupyterProviderOptions } from "./index";

export type JupyterEndpoint = {
  /** The label the kernel picker shows, e.g. "gpu-farm". */
  name: string;
  baseUrl: string;
  /** Empty or undefined for a server without a token. */
  token?: string;
};

export type JupyterEndpointsOptions = Omit<JupyterProviderOptions, "baseUrl" | "token"> & {
  /**
   * How long listSpecs waits for each endpoint (with several): a slower one is left out of the
   * list so that the others still show. Default 2.5 s, under the kernel picker's 3 s.
   */
  listTimeoutMs?: number;
};

type Endpoint = { index: number; name: string; provider: KernelProvider };
type Routed = { at: Endpoint; local: string };

// Anything else (plain names, "0:…", "01:…") belongs to the first endpoint.
const QUALIFIED = /^([1-9]\d*):(.+)$/s;

export function createJupyterEndpoints(endpoints: JupyterEndpoint[], options: JupyterEndpointsOptions = {}): KernelProvider {
  const { listTimeoutMs = 2_500, ...shared } = options;
  const built = endpoints.map(({ name, baseUrl, token }, index) => ({
    index, name, provider: createJupyterProvider({ ...shared, baseUrl, token }),
  }));
  const [first, ...others] = built;
  if (!first) throw new KernelError("UNAVAILABLE", "No Jupyter server is configured (JUPYTER_URL).");
  return others.length === 0 ? first.provider : new JupyterEndpoints(first, others, listTimeoutMs);
}

class JupyterEndpoints implements KernelProvider {
  readonly id = "jupyter" as const;
  readonly capabilities: ProviderCapabilities;
  private readonly endpoints: Endpoint[];

  constructor(private readonly first: Endpoint, others: Endpoint[], private readonly listTimeoutMs: number) {
    this.endpoints = [first, ...others];
    this.capabilities = first.provider.capabilities;
  }

  async listSpecs(options: { signal?: AbortSignal } = {}): Promise<KernelSpec[]> {
    const results = await Promise.allSettled(this.endpoints.map((at) => this.specsOf(at, options.signal)));
    const specs = results.flatMap((r) => (r.status === "fulfilled" ? r.value : []));
    const failures = results.flatMap((r, i) => (r.status === "rejected" ? [{ at: this.endpoints[i]!, error: r.reason as unknown }] : []));
    if (failures.length === results.length) throw failures[0]!.error;
    for (const { at, error } of failures) {
      console.warn(`[kernelbook] the Jupyter endpoint "${at.name}" is left out of the kernel list: ${describe(error)}`);
    }
    return specs;
  }

  async start(options: StartOptions = {}): Promise<StartedKernel> {
    const { at, local } = options.spec === undefined ? { at: this.first, local: undefined } : this.route(options.spec);
    const started = await at.provider.start({ ...options, spec: local });
    return { ...started, remoteId: qualify(at, started.remoteId) };
  }

  async *execute(remoteId: string, options: ExecuteOptions): AsyncGenerator<ExecEvent, void, undefined> {
    const { at, local } = this.route(remoteId);
    yield* at.provider.execute(local, options);
  }

  async interrupt(remoteId: string): Promise<void> {
    const { at, local } = this.route(remoteId);
    await at.provider.interrupt(local);
  }

  async restart(remoteId: string): Promise<void> {
    const { at, local } = this.route(remoteId);
    await at.provider.restart(local);
  }

  async shutdown(remoteId: string): Promise<void> {
    const { at, local } = this.route(remoteId);
    await at.provider.shutdown(local);
  }

  async status(remoteId: string): Promise<KernelStatus> {
    const { at, local } = this.route(remoteId);
    return at.provider.status(local);
  }

  async complete(remoteId: string, position: CodePosition): Promise<Completion> {
    const { at: { provider }, local } = this.route(remoteId);
    if (!provider.complete) return unsupported("completion");
    return provider.complete(local, position);
  }

  async inspect(remoteId: string, position: CodePosition): Promise<Inspection> {
    const { at: { provider }, local } = this.route(remoteId);
    if (!provider.inspect) return unsupported("help");
    return provider.inspect(local, position);
  }

  async variables(remoteId: string, options?: { signal?: AbortSignal }): Promise<VariableInfo[]> {
    const { at: { provider }, local } = this.route(remoteId);
    if (!provider.variables) return unsupported("the variables pane");
    return provider.variables(local, options);
  }

  async sendInput(remoteId: string, value: string): Promise<void> {
    const { at: { provider }, local } = this.route(remoteId);
    if (!provider.sendInput) return unsupported("input");
    await provider.sendInput(local, value);
  }

  async uploadFile(remoteId: string, file: { path: string; data: Uint8Array; signal?: AbortSignal }): Promise<void> {
    const { at: { provider }, local } = this.route(remoteId);
    if (!provider.uploadFile) return unsupported("files");
    await provider.uploadFile(local, file);
  }

  async writeFile(remoteId: string, file: StreamedFile): Promise<void> {
    const { at: { provider }, local } = this.route(remoteId);
    if (!provider.writeFile) return unsupported("files");
    await provider.writeFile(local, file);
  }

  async downloadFile(remoteId: string, path: string, options?: { signal?: AbortSignal }): Promise<Uint8Array> {
    const { at: { provider }, local } = this.route(remoteId);
    if (!provider.downloadFile) return unsupported("files");
    return provider.downloadFile(local, path, options);
  }

  async listFiles(remoteId: string, path: string, options?: { signal?: AbortSignal }): Promise<KernelFile[]> {
    const { at: { provider }, local } = this.route(remoteId);
    if (!provider.listFiles) return unsupported("files");
    return provider.listFiles(local, path, options);
  }

  /** One endpoint's specs, qualified and labelled; KernelError "TIMEOUT" after `listTimeoutMs`. */
  private async specsOf(at: Endpoint, signal: AbortSignal | undefined): Promise<KernelSpec[]> {
    const timeout = AbortSignal.timeout(this.listTimeoutMs);
    try {
      const specs = await at.provider.listSpecs({ signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      return specs.map((spec) => ({ ...spec, name: qualify(at, spec.name), displayName: labelled(spec.displayName, at.name) }));
    } catch (e) {
      if (!timeout.aborted || signal?.aborted) throw e;
      const seconds = Math.round(this.listTimeoutMs / 100) / 10;
      throw new KernelError("TIMEOUT", `The Jupyter endpoint "${at.name}" did not list its kernels within ${seconds} s.`, { cause: e });
    }
  }

  /** The endpoint a qualified spec name or kernel id belongs to, and the name or id it has there. */
  private route(qualified: string): Routed {
    const match = QUALIFIED.exec(qualified);
    if (!match) return { at: this.first, local: qualified };
    const index = Number(match[1]);
    const at = this.endpoints[index];
    if (!at) {
      const where = `URL ${index + 1} of JUPYTER_URL, which lists ${this.endpoints.length}`;
      throw new KernelError("NOT_FOUND", `"${qualified.slice(0, 160)}" is a kernel of the Jupyter server at ${where}.`);
    }
    return { at, local: match[2]! };
  }
}

function qualify(at: Endpoint, local: string): string {
  return at.index === 0 ? local : `${at.index}:${local}`;
}

/** "R (IRkernel) — Jupyter" on endpoint "gpu-farm" reads "R (IRkernel) — Jupyter (gpu-farm)". */
function labelled(displayName: string, endpointName: string): string {
  return displayName.endsWith(" — Jupyter") ? `${displayName} (${endpointName})` : `${displayName} — Jupyter (${endpointName})`;
}

/** Never reached with Jupyter providers (they implement every optional method); typed for the contract. */
function unsupported(feature: string): never {
  throw new KernelError("UNAVAILABLE", `This Jupyter endpoint does not offer ${feature}.`);
}

function describe(e: unknown): string {
  return e instanceof Error && e.message ? e.message : String(e);
}
