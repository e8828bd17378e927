// One signed HTTP exchange with the Backend.AI manager: URL building, the negotiated API version,
// HMAC headers, a timeout on every request, and failures turned into KernelErrors (never showing
// the secret key).
import type { z } from "zod";
import { KernelError } from "@/server/errors";
import { negotiatedVersion } from "./api-version";
import { toKernelError } from "./errors";
import { ZHello, type Hello } from "./schemas";
import { signedHeaders } from "./signer";

export type TransportOptions = {
  /** The manager's URL, e.g. https://api.backend.ai (a path prefix is kept). */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  /**
   * X-BackendAI-Version, pinned; without it the version is negotiated with the manager (api-version.ts).
   * v4.x selects the legacy `/kernel` API (spec §1.1, §3.1).
   */
  apiVersion?: string;
  fetch?: typeof globalThis.fetch;
  /** Default limit for one request (execute calls return within ~2 s; the agent call has 30 s). */
  requestTimeoutMs?: number;
  /** The clock used for X-BackendAI-Date (tests). */
  now?: () => Date;
};

export type Exchange = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  /**
   * Sent as JSON; bodyless requests still send and sign application/json, as the web UI does.
   * A GET with a body goes as POST + `X-Method-Override: GET`, signed as GET (spec §3.3).
   */
  json?: unknown;
  /** Sent as multipart; fetch adds the boundary, the signature covers multipart/form-data. */
  form?: FormData;
  /** Completes "Backend.AI failed to …" in messages. */
  what: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Sent without signature or version header (`GET /`, which needs neither). */
  anonymous?: boolean;
};

export type Answer = { status: number; text: string };
export type RawAnswer = { status: number; bytes: Uint8Array };

export class BackendAITransport {
  /** The endpoint as shown to users: scheme, host and path, no credentials. */
  readonly where: string;
  private readonly fetch: typeof globalThis.fetch;
  private readonly base: URL;
  private negotiated: string | undefined;

  constructor(private readonly options: TransportOptions) {
    this.base = new URL(options.endpoint);
    this.base.username = "";
    this.base.password = "";
    this.where = `${this.base.protocol}//${this.base.host}${this.base.pathname.replace(/\/$/, "")}`;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** The X-BackendAI-Version this transport sends: pinned, or negotiated once per endpoint. */
  async apiVersion(signal?: AbortSignal): Promise<string> {
    const known = this.knownVersion();
    if (known) return known;
    this.negotiated = await negotiatedVersion(this.where, async () => (await this.hello({ signal })).version);
    return this.negotiated;
  }

  /** The version when already settled (pinned or negotiated), so requests need not wait a turn. */
  knownVersion(): string | undefined {
    return this.options.apiVersion ?? this.negotiated;
  }

  /** v4 managers (19.09) use `/kernel` paths and v4 names (spec §1.1 v5.20191215). */
  async legacy(signal?: AbortSignal): Promise<boolean> {
    return Number(/^v(\d+)\./.exec(await this.apiVersion(signal))?.[1] ?? "0") <= 4;
  }

  /** `GET /`: the manager's newest API version and release; needs no signature (spec §1.2). */
  async hello(options: { signal?: AbortSignal } = {}): Promise<Hello> {
    return this.sendParsed({ method: "GET", path: "/", what: "report its version", signal: options.signal, anonymous: true }, ZHello);
  }

  /** Sends the exchange and returns status and text of a 2xx answer; other answers throw. */
  async send(exchange: Exchange): Promise<Answer> {
    const { status, bytes } = await this.sendRaw(exchange);
    return { status, text: new TextDecoder().decode(bytes) };
  }

  /** Like `send`, keeping the answer's bytes (downloads). */
  async sendRaw(exchange: Exchange): Promise<RawAnswer> {
    const url = new URL(`${this.where}${exchange.path}`);
    const contentType = exchange.form ? "multipart/form-data" : "application/json";
    const headers: Record<string, string> = exchange.anonymous ? { Accept: "application/json" } : signedHeaders(
      { method: exchange.method, pathWithQuery: url.pathname + url.search, host: url.host, contentType, apiVersion: this.knownVersion() ?? await this.apiVersion(exchange.signal), now: (this.options.now ?? (() => new Date()))() },
      this.options,
      { sendContentType: !exchange.form },
    );
    exchange.signal?.throwIfAborted(); // aborted while the version was negotiated
    const timeoutMs = exchange.timeoutMs ?? this.options.requestTimeoutMs ?? 30_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = exchange.signal ? AbortSignal.any([exchange.signal, timeout]) : timeout;
    const body = exchange.form ?? (exchange.json === undefined ? undefined : JSON.stringify(exchange.json));
    const override = exchange.method === "GET" && body !== undefined;
    if (override) headers["X-Method-Override"] = "GET";
    const ctx = { method: exchange.method, path: url.pathname, what: exchange.what, secrets: [this.options.secretKey] };
    try {
      const response = await this.fetch(url, { method: override ? "POST" : exchange.method, headers, body, signal });
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (!response.ok) throw toKernelError(response.status, new TextDecoder().decode(bytes), ctx, headers);
      return { status: response.status, bytes };
    } catch (error) {
      if (error instanceof KernelError) throw error;
      if (exchange.signal?.aborted) throw exchange.signal.reason;
      if (timeout.aborted) {
        throw new KernelError("TIMEOUT", `Backend.AI at ${this.where} did not answer the request to ${exchange.what} within ${Math.round(timeoutMs / 100) / 10} s.`, { cause: error });
      }
      throw new KernelError("UNAVAILABLE", `Cannot reach Backend.AI at ${this.where}${networkReason(error)}.`, { cause: error });
    }
  }

  /** Sends the exchange and parses the JSON answer with `schema`. */
  async sendParsed<T>(exchange: Exchange, schema: z.ZodType<T>): Promise<T> {
    const { text } = await this.send(exchange);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new KernelError("UNAVAILABLE", `Backend.AI at ${this.where} answered the request to ${exchange.what} with something that is not JSON.`, { cause: error });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new KernelError("UNAVAILABLE", `Backend.AI at ${this.where} gave an unexpected answer to the request to ${exchange.what}.`, { cause: parsed.error });
    }
    return parsed.data;
  }
}

/** Why a connection failed, from Node's error codes (fetch wraps them as `cause`). */
function networkReason(error: unknown): string {
  const code = error instanceof Error && error.cause instanceof Error ? (error.cause as NodeJS.ErrnoException).code : undefined;
  switch (code) {
    case "ECONNREFUSED":
      return ": the connection was refused (is the manager running, and is BACKEND_ENDPOINT right?)";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return ": its host name does not resolve";
    case "ECONNRESET":
      return ": the connection was reset";
    default:
      return "";
  }
}
