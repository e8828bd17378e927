// One HTTP exchange with ML Server's web node: URL building, the bearer token (renewed and the call
// replayed once after a 401), the status the spec declares (§5), a timeout on every request, and
// failures turned into KernelErrors that never show a password or token.
import type { z } from "zod";
import { KernelError } from "@/server/errors";
import { TokenManager, type Issued, type TokenSet } from "./auth";
import { httpStatus, redact, toKernelError, type RequestContext, type Subject } from "./errors";
import { longFetch } from "./long-fetch";
import { ZAccessTokenResponse } from "./schemas";

export type TransportOptions = {
  /** The web node's URL, e.g. http://mlserver:12800 (a path prefix is kept). */
  url: string;
  username: string;
  password: string;
  /** Limit for one ordinary request (default 30 s); execute has its own. */
  requestTimeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /** The clock used for token expiry (tests). */
  now?: () => number;
};

export type Exchange = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path and query, already encoded. */
  path: string;
  json?: unknown;
  form?: FormData;
  /** The one success status the spec declares for the operation (200, or 201 for creations). */
  expect: 200 | 201;
  /** Completes "ML Server failed to …" in messages. */
  what: string;
  subject: Subject;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Blocks until the server is done (execute): sent without Node fetch's 300 s header limit. */
  long?: boolean;
};

export type Answer = { status: number; bytes: Uint8Array; headers: Headers };

const DEFAULT_TIMEOUT_MS = 30_000;

export class MlServerTransport {
  /** The server as shown to users: scheme, host and path, no credentials. */
  readonly where: string;
  readonly tokens: TokenManager;
  private readonly fetch: typeof globalThis.fetch;
  private readonly longFetch: typeof globalThis.fetch;

  constructor(private readonly options: TransportOptions) {
    const base = new URL(options.url);
    base.username = "";
    base.password = "";
    this.where = `${base.protocol}//${base.host}${base.pathname.replace(/\/+$/, "")}`;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.longFetch = options.fetch ?? longFetch;
    this.tokens = new TokenManager({ login: () => this.login(), refresh: (token) => this.refresh(token) }, options.now);
  }

  /** Sends with the current access token; after a 401, renews it and replays the call once. */
  async send(exchange: Exchange): Promise<Answer> {
    const token = await this.tokens.accessToken();
    try {
      return await this.sendOnce(exchange, token);
    } catch (error) {
      if (httpStatus(error) !== 401 || exchange.signal?.aborted) throw error;
      return this.sendOnce(exchange, await this.tokens.afterUnauthorized(token));
    }
  }

  /** Sends and parses the JSON answer with `schema` (from schemas.ts). */
  async json<T>(exchange: Exchange, schema: z.ZodType<T>): Promise<T> {
    return this.parse(exchange, await this.send(exchange), schema);
  }

  /** Revokes the refresh token (DELETE /login/refreshToken?refreshToken=…); the next call signs in again. */
  async disconnect(options: { signal?: AbortSignal } = {}): Promise<void> {
    const revoke = async (tokens: TokenSet) => {
      const path = `/login/refreshToken?refreshToken=${encodeURIComponent(tokens.refreshToken)}`;
      await this.sendOnce({ method: "DELETE", path, expect: 200, what: "sign out", subject: "refresh", signal: options.signal }, tokens.accessToken);
    };
    await this.tokens.revoke(revoke);
  }

  private async login(): Promise<Issued> {
    const json = { username: this.options.username, password: this.options.password };
    return this.issue({ method: "POST", path: "/login", json, expect: 200, what: "sign in", subject: "login" });
  }

  private async refresh(refreshToken: string): Promise<Issued> {
    return this.issue({ method: "POST", path: "/login/refreshToken", json: { refreshToken }, expect: 200, what: "renew the access token", subject: "refresh" });
  }

  private async issue(exchange: Exchange): Promise<Issued> {
    const answer = await this.sendOnce(exchange, undefined);
    const date = Date.parse(answer.headers.get("date") ?? "");
    return { body: this.parse(exchange, answer, ZAccessTokenResponse), serverDate: Number.isNaN(date) ? undefined : date };
  }

  private async sendOnce(exchange: Exchange, token: string | undefined): Promise<Answer> {
    const url = `${this.where}${exchange.path}`;
    const headers: Record<string, string> = { Accept: "application/json" };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (exchange.json !== undefined) headers["Content-Type"] = "application/json; charset=utf-8";
    const timeoutMs = exchange.timeoutMs ?? this.options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = exchange.signal ? AbortSignal.any([exchange.signal, timeout]) : timeout;
    const body = exchange.form ?? (exchange.json === undefined ? undefined : JSON.stringify(exchange.json));
    const ctx: RequestContext = { method: exchange.method, path: exchange.path, what: exchange.what, subject: exchange.subject, where: this.where };
    try {
      const fetch = exchange.long ? this.longFetch : this.fetch;
      const response = await fetch(url, { method: exchange.method, headers, body, signal });
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (response.status !== exchange.expect) throw toKernelError(response.status, new TextDecoder().decode(bytes), ctx);
      return { status: response.status, bytes, headers: response.headers };
    } catch (error) {
      if (error instanceof KernelError) throw error;
      if (exchange.signal?.aborted) throw exchange.signal.reason;
      const cause = new Error(redact(`${exchange.method} ${exchange.path}: ${String(error)}`));
      if (timeout.aborted) {
        throw new KernelError("TIMEOUT", `ML Server at ${this.where} did not answer the request to ${exchange.what} within ${Math.round(timeoutMs / 100) / 10} s.`, { cause });
      }
      throw new KernelError("UNAVAILABLE", `Cannot reach ML Server at ${this.where} to ${exchange.what}.`, { cause });
    }
  }

  private parse<T>(exchange: Exchange, answer: Answer, schema: z.ZodType<T>): T {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(answer.bytes));
    } catch {
      throw new KernelError("UNAVAILABLE", `ML Server at ${this.where} answered the request to ${exchange.what} with something that is not JSON.`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const cause = new Error(`${exchange.method} ${redact(exchange.path)}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
      throw new KernelError("UNAVAILABLE", `ML Server at ${this.where} gave an unexpected answer to the request to ${exchange.what}.`, { cause });
    }
    return parsed.data;
  }
}
