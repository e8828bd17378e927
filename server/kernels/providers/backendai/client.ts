// A small typed client for the Backend.AI manager's session API (spec §4, §5, §10): create,
// inspect, execute (query/continue/input), interrupt, restart, destroy, complete, the image
// catalogue and resource slots. Files are in files.ts.
import { randomBytes } from "node:crypto";
import { KernelError } from "@/server/errors";
import { queryGraphQL } from "./graphql";
import {
  ZCompletion, ZComputeSession, ZCreatedSession, ZExecutionResult, ZImages, ZResourceSlots, ZSessionInfo,
  type CatalogImage, type ExecutionResult, type Hello, type SessionInfo,
} from "./schemas";
import { BackendAITransport, type TransportOptions } from "./transport";

export type BackendAIClientOptions = TransportOptions;

export type CreateSessionOptions = {
  image: string;
  /** Resource slots as strings, e.g. { cpu: "1", mem: "2g" } (spec §4.1 config.resources). */
  resources?: Record<string, string>;
  /** Session name (4–64 word characters); generated when omitted. */
  name?: string;
  /** How long the manager waits for the session to start before answering TIMEOUT. */
  maxWaitSeconds?: number;
  /** Answer at once with PENDING (spec §4.1); the caller then polls the session's status. */
  enqueueOnly?: boolean;
  architecture?: string;
  group?: string;
  domain?: string;
  signal?: AbortSignal;
};

export type CreatedSession = { sessionId: string; sessionName: string; status: string; created: boolean };

export type ExecuteMode = "query" | "continue" | "input";
export type ExecuteRequest = { sessionId: string; mode: ExecuteMode; runId: string; code: string; signal?: AbortSignal };
export type CompleteRequest = { sessionId: string; code: string; row: number; col: number; line: string; post: string; signal?: AbortSignal };
/** What became of a session, terminated ones included (GraphQL compute_session). */
export type SessionFate = { status: string; statusInfo: string | null; statusData: Record<string, unknown> };

const SESSION_NAME = /^(?=.{4,64}$)\w[\w.-]*\w$/;
const COMPLETE_TIMEOUT_MS = 5_000;

/** A client-chosen run id: 16 hex characters, like the manager's own (spec §5.2). */
export function newRunId(): string {
  return randomBytes(8).toString("hex");
}

export class BackendAIClient {
  readonly transport: BackendAITransport;

  constructor(options: BackendAIClientOptions) {
    this.transport = new BackendAITransport(options);
  }

  get where(): string {
    return this.transport.where;
  }

  /** `GET /`: the manager's API version (spec §1.2). */
  async hello(options: { signal?: AbortSignal } = {}): Promise<Hello> {
    return this.transport.hello(options);
  }

  async createSession(options: CreateSessionOptions): Promise<CreatedSession> {
    const name = options.name ?? `kb-${randomBytes(6).toString("hex")}`;
    if (!SESSION_NAME.test(name)) throw new KernelError("START_FAILED", `"${name}" is not a valid Backend.AI session name (4–64 letters, digits, _ . -).`);
    const maxWaitSeconds = options.maxWaitSeconds ?? 60;
    const common = {
      config: { resources: options.resources ?? {} },
      type: "interactive",
      enqueueOnly: options.enqueueOnly ?? false,
      ...(options.architecture ? { architecture: options.architecture } : {}),
      maxWaitSeconds,
      reuseIfExists: false,
      group: options.group ?? "default",
      domain: options.domain ?? "default",
    };
    const legacy = await this.transport.legacy(options.signal);
    const json = legacy ? { ...common, lang: options.image, clientSessionToken: name } : { ...common, name, image: options.image };
    const body = await this.transport.sendParsed(
      { method: "POST", path: legacy ? "/kernel/create" : "/session", json, what: "start a session", signal: options.signal, timeoutMs: maxWaitSeconds * 1000 + 30_000 },
      ZCreatedSession,
    );
    return { sessionId: body.sessionId ?? body.kernelId ?? name, sessionName: body.sessionName ?? name, status: body.status, created: body.created ?? true };
  }

  async getSession(sessionId: string, options: { signal?: AbortSignal } = {}): Promise<SessionInfo> {
    return this.transport.sendParsed({ method: "GET", path: await this.sessionPath(sessionId, options.signal), what: "describe the session", signal: options.signal }, ZSessionInfo);
  }

  /** One execute call; sends `runId` (≤ 25.5) and `run_id` (≥ 25.6) with the same value (spec §5.1). */
  async execute(request: ExecuteRequest): Promise<ExecutionResult> {
    const json = { mode: request.mode, code: request.code, runId: request.runId, run_id: request.runId, options: {} };
    const body = await this.transport.sendParsed({ method: "POST", path: await this.sessionPath(request.sessionId, request.signal), json, what: "run code", signal: request.signal }, ZExecutionResult);
    return body.result;
  }

  async interrupt(sessionId: string, options: { signal?: AbortSignal } = {}): Promise<void> {
    await this.transport.send({ method: "POST", path: `${await this.sessionPath(sessionId, options.signal)}/interrupt`, what: "interrupt the running code", signal: options.signal });
  }

  async restart(sessionId: string, options: { signal?: AbortSignal } = {}): Promise<void> {
    await this.transport.send({ method: "PATCH", path: await this.sessionPath(sessionId, options.signal), what: "restart the session", signal: options.signal, timeoutMs: 120_000 });
  }

  async destroy(sessionId: string, options: { forced?: boolean; signal?: AbortSignal } = {}): Promise<void> {
    const query = options.forced ? "?forced=true" : "";
    await this.transport.send({ method: "DELETE", path: `${await this.sessionPath(sessionId, options.signal)}${query}`, what: "terminate the session", signal: options.signal, timeoutMs: 60_000 });
  }

  /** Best effort (spec §5.5): most runtimes answer no matches, some time out after 10 s. */
  async complete(request: CompleteRequest): Promise<string[]> {
    const json = { code: request.code, options: { row: request.row, col: request.col, line: request.line, post: request.post } };
    const body = await this.transport.sendParsed(
      { method: "POST", path: `${await this.sessionPath(request.sessionId, request.signal)}/complete`, json, what: "complete code", signal: request.signal, timeoutMs: COMPLETE_TIMEOUT_MS },
      ZCompletion,
    );
    return body.result;
  }

  /** The manager's images (spec §10) through GraphQL, as the web UI lists them. */
  async listImages(options: { signal?: AbortSignal } = {}): Promise<CatalogImage[]> {
    const query = "query($installed: Boolean) { images(is_installed: $installed) { name tag registry architecture digest installed labels { key value } resource_limits { key min max } } }";
    const data = await queryGraphQL(this.transport, { query, variables: { installed: true }, schema: ZImages, what: "list its images", signal: options.signal });
    return data.images;
  }

  /** `GET /config/resource-slots`: the slot types the cluster knows (spec §10). */
  async resourceSlots(options: { signal?: AbortSignal } = {}): Promise<Record<string, string>> {
    return this.transport.sendParsed({ method: "GET", path: "/config/resource-slots", what: "list its resource slots", signal: options.signal }, ZResourceSlots);
  }

  /** Status and reason of a session, terminated ones included; null when the manager has no record. */
  async sessionFate(sessionId: string, options: { signal?: AbortSignal } = {}): Promise<SessionFate | null> {
    const query = "query($id: UUID!) { compute_session(id: $id) { status status_info status_data } }";
    const data = await queryGraphQL(this.transport, { query, variables: { id: sessionId }, schema: ZComputeSession, what: "describe the session", signal: options.signal });
    const s = data.compute_session;
    if (!s) return null;
    const raw = typeof s.status_data === "string" ? safeJson(s.status_data) : s.status_data;
    const statusData = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    return { status: s.status, statusInfo: s.status_info ?? null, statusData };
  }

  /** `/session/<id>`, or `/kernel/<id>` on a v4 manager. */
  async sessionPath(sessionId: string, signal?: AbortSignal): Promise<string> {
    return `${(await this.transport.legacy(signal)) ? "/kernel" : "/session"}/${encodeURIComponent(sessionId)}`;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
