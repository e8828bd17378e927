// The Jupyter server's REST API (kernelspecs, kernels, contents): every call has a timeout, every answer
// is parsed with zod, every failure is a KernelError whose message never carries the token.
import { ServerConnection } from "@jupyterlab/services";
import WebSocket from "ws";
import type { z } from "zod";
import { KernelError, type KernelErrorCode } from "@/server/errors";
import { ZErrorBody, ZKernelModel, ZKernelSpecs, type KernelModel, type KernelSpecs } from "./schemas";
import { redact } from "./text";

export type RestOptions = {
  baseUrl: string;
  token: string;
  fetch?: typeof globalThis.fetch;
  requestTimeoutMs: number;
  /** For calls that wait for a kernel process (start, restart). */
  startTimeoutMs: number;
};

export type Call<T> = {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** What a 404 means for this call (KernelError NOT_FOUND with this message). */
  notFound: string;
  /** The code of other failures the server reports (default UNAVAILABLE). */
  failure?: KernelErrorCode;
};

class RequestTimeout extends Error {}

// Kernel ids are UUIDs on Jupyter Server and the gateways; anything else cannot name a kernel.
const KERNEL_ID = /^[A-Za-z0-9._-]{1,128}$/;

export class JupyterRest {
  /** Settings for @jupyterlab/services' kernel connections (WebSocket and their own requests). */
  readonly settings: ServerConnection.ISettings;
  /** The server's address as shown to users: no credentials, no query. */
  readonly where: string;
  private readonly fetch: typeof globalThis.fetch;
  private readonly baseUrl: string;

  constructor(private readonly options: RestOptions) {
    const base = new URL(options.baseUrl);
    this.where = `${base.protocol}//${base.host}${base.pathname.replace(/\/$/, "")}`;
    this.baseUrl = `${this.where}/`;
    const wsUrl = this.baseUrl.replace(/^http/, "ws");
    this.fetch = options.fetch ?? globalThis.fetch;
    this.settings = ServerConnection.makeSettings({
      baseUrl: this.baseUrl,
      wsUrl,
      token: options.token,
      appendToken: true,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      fetch: timeoutFetch(this.fetch, options.requestTimeoutMs),
    });
  }

  async listSpecs(signal?: AbortSignal): Promise<KernelSpecs> {
    return this.call("api/kernelspecs", { schema: ZKernelSpecs, signal, notFound: `${this.where} does not look like a Jupyter server (no /api/kernelspecs).` });
  }

  /** Starts a kernel in the server's root directory (path ""), where the contents API's paths start. */
  async startKernel(name: string, signal?: AbortSignal): Promise<KernelModel> {
    return this.call("api/kernels", {
      method: "POST", body: { name, path: "" }, schema: ZKernelModel, signal, timeoutMs: this.options.startTimeoutMs,
      notFound: `The Jupyter server has no kernel spec "${name}".`, failure: "START_FAILED",
    });
  }

  async getKernel(id: string, signal?: AbortSignal): Promise<KernelModel> {
    return this.call(kernelPath(id), { schema: ZKernelModel, signal, notFound: noKernel(id) });
  }

  async interruptKernel(id: string): Promise<void> {
    await this.call(`${kernelPath(id)}/interrupt`, { method: "POST", notFound: noKernel(id) });
  }

  async restartKernel(id: string): Promise<void> {
    await this.call(`${kernelPath(id)}/restart`, { method: "POST", timeoutMs: this.options.startTimeoutMs, notFound: noKernel(id), failure: "START_FAILED" });
  }

  async shutdownKernel(id: string): Promise<void> {
    await this.call(kernelPath(id), { method: "DELETE", notFound: noKernel(id) });
  }

  /** One request to `path` (relative to the base URL, query included), its answer parsed with `call.schema`. */
  async call<T = undefined>(path: string, call: Call<T>): Promise<T> {
    const method = call.method ?? "GET";
    const response = await this.send(path, method, call);
    if (!response.ok) throw await this.failure(response, method, call);
    if (!call.schema) return undefined as T;
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new KernelError("UNAVAILABLE", `The Jupyter server at ${this.where} answered ${method} /${path} with something that is not JSON.`);
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success) {
      throw new KernelError("UNAVAILABLE", `The Jupyter server at ${this.where} gave an unexpected answer to ${method} /${path}.`, { cause: parsed.error });
    }
    return parsed.data;
  }

  private async send(path: string, method: string, call: Call<unknown>): Promise<Response> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (this.options.token) headers.Authorization = `token ${this.options.token}`;
    if (call.body !== undefined) headers["Content-Type"] = "application/json";
    const timeout = AbortSignal.timeout(call.timeoutMs ?? this.options.requestTimeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    try {
      const body = call.body === undefined ? undefined : JSON.stringify(call.body);
      return await this.fetch(`${this.baseUrl}${path}`, { method, headers, body, signal });
    } catch (e) {
      if (call.signal?.aborted) throw call.signal.reason;
      if (timeout.aborted) {
        const seconds = Math.round((call.timeoutMs ?? this.options.requestTimeoutMs) / 100) / 10;
        throw new KernelError("TIMEOUT", `The Jupyter server at ${this.where} did not answer ${method} /${path} within ${seconds} s.`, { cause: e });
      }
      throw new KernelError("UNAVAILABLE", `The Jupyter server at ${this.where} cannot be reached.`, { cause: this.safeCause(e) });
    }
  }

  private async failure(response: Response, method: string, call: Call<unknown>): Promise<KernelError> {
    if (response.status === 401 || response.status === 403) {
      return new KernelError("UNAVAILABLE", `The Jupyter server at ${this.where} refused the request (HTTP ${response.status}): check its token (JUPYTER_TOKEN).`);
    }
    if (response.status === 404) return new KernelError("NOT_FOUND", call.notFound);
    const detail = await this.errorDetail(response);
    return new KernelError(call.failure ?? "UNAVAILABLE", `The Jupyter server at ${this.where} answered HTTP ${response.status} to ${method}${detail}`);
  }

  /** The server's own error message, when it sent a JSON one (masked: it is shown to users). */
  private async errorDetail(response: Response): Promise<string> {
    const text = await response.text().catch(() => "");
    try {
      const body = ZErrorBody.safeParse(JSON.parse(text));
      const message = body.success ? (body.data.message ?? body.data.reason ?? "") : "";
      return message ? `: ${redact(message, this.options.token).slice(0, 500)}` : ".";
    } catch {
      return ".";
    }
  }

  /** A network error as a cause safe to log: its message masked. */
  private safeCause(e: unknown): Error {
    const message = e instanceof Error ? `${e.message}${e.cause instanceof Error ? `: ${e.cause.message}` : ""}` : String(e);
    return new Error(redact(message, this.options.token));
  }
}

/** `fetch` that gives up after `timeoutMs` (also for @jupyterlab/services' own requests). */
function timeoutFetch(fetchImpl: typeof globalThis.fetch, timeoutMs: number): typeof globalThis.fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const request = new Request(input, init);
    try {
      return await fetchImpl(request, { signal: AbortSignal.any([request.signal, timeout]) });
    } catch (e) {
      if (timeout.aborted && !request.signal.aborted) throw new RequestTimeout(`No answer within ${timeoutMs} ms`, { cause: e });
      throw e;
    }
  };
}

/** The REST path of a kernel; KernelError NOT_FOUND, without a request, for ids no kernel can have. */
function kernelPath(id: string): string {
  if (!KERNEL_ID.test(id)) throw new KernelError("NOT_FOUND", noKernel(id));
  return `api/kernels/${encodeURIComponent(id)}`;
}

function noKernel(id: string): string {
  return `No Jupyter kernel with id ${id.slice(0, 128)}.`;
}
