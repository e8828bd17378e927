// A small typed client for the Backend.AI manager's session API (spec §4, §5, §7.1): create,
// inspect, execute (query/continue/input), interrupt, restart, destroy, complete, upload.
import { randomBytes } from "node:crypto";
import { KernelError } from "@/server/errors";
import { BackendAIHttpError } from "./errors";
import { ZCompletion, ZCreatedSession, ZExecutionResult, ZHello, ZSessionInfo, type ExecutionResult, type Hello, type SessionInfo } from "./schemas";
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
  group?: string;
  domain?: string;
  signal?: AbortSignal;
};

export type CreatedSession = { sessionId: string; sessionName: string; status: string; created: boolean };

export type ExecuteMode = "query" | "continue" | "input";
export type ExecuteRequest = { sessionId: string; mode: ExecuteMode; runId: string; code: string; signal?: AbortSignal };
export type CompleteRequest = { sessionId: string; code: string; row: number; col: number; line: string; post: string; signal?: AbortSignal };
export type UploadFile = { name: string; content: Uint8Array | string };

const MAX_UPLOAD_FILES = 20;
const MAX_UPLOAD_BYTES = 1024 * 1024;
const SESSION_NAME = /^(?=.{4,64}$)\w[\w.-]*\w$/;
const COMPLETE_TIMEOUT_MS = 5_000;

/** A client-chosen run id: 16 hex characters, like the manager's own (spec §5.2). */
export function newRunId(): string {
  return randomBytes(8).toString("hex");
}

export class BackendAIClient {
  private readonly transport: BackendAITransport;

  constructor(options: BackendAIClientOptions) {
    this.transport = new BackendAITransport(options);
  }

  get where(): string {
    return this.transport.where;
  }

  /** `GET /`: the manager's API version (spec §1.2). */
  async hello(options: { signal?: AbortSignal } = {}): Promise<Hello> {
    return this.transport.sendParsed({ method: "GET", path: "/", what: "report its version", signal: options.signal }, ZHello);
  }

  async createSession(options: CreateSessionOptions): Promise<CreatedSession> {
    const name = options.name ?? `kb-${randomBytes(6).toString("hex")}`;
    if (!SESSION_NAME.test(name)) throw new KernelError("START_FAILED", `"${name}" is not a valid Backend.AI session name (4–64 letters, digits, _ . -).`);
    const maxWaitSeconds = options.maxWaitSeconds ?? 60;
    const common = {
      config: { resources: options.resources ?? {} },
      type: "interactive",
      enqueueOnly: false,
      maxWaitSeconds,
      reuseIfExists: false,
      group: options.group ?? "default",
      domain: options.domain ?? "default",
    };
    const legacy = this.transport.legacy;
    const json = legacy ? { ...common, lang: options.image, clientSessionToken: name } : { ...common, name, image: options.image };
    const body = await this.transport.sendParsed(
      { method: "POST", path: legacy ? "/kernel/create" : "/session", json, what: "start a session", signal: options.signal, timeoutMs: maxWaitSeconds * 1000 + 30_000 },
      ZCreatedSession,
    );
    return { sessionId: body.sessionId ?? body.kernelId ?? name, sessionName: body.sessionName ?? name, status: body.status, created: body.created ?? true };
  }

  async getSession(sessionId: string, options: { signal?: AbortSignal } = {}): Promise<SessionInfo> {
    return this.transport.sendParsed({ method: "GET", path: this.sessionPath(sessionId), what: "describe the session", signal: options.signal }, ZSessionInfo);
  }

  /** One execute call; sends `runId` (≤ 25.5) and `run_id` (≥ 25.6) with the same value (spec §5.1). */
  async execute(request: ExecuteRequest): Promise<ExecutionResult> {
    const json = { mode: request.mode, code: request.code, runId: request.runId, run_id: request.runId, options: {} };
    const body = await this.transport.sendParsed({ method: "POST", path: this.sessionPath(request.sessionId), json, what: "run code", signal: request.signal }, ZExecutionResult);
    return body.result;
  }

  async interrupt(sessionId: string, options: { signal?: AbortSignal } = {}): Promise<void> {
    await this.transport.send({ method: "POST", path: `${this.sessionPath(sessionId)}/interrupt`, what: "interrupt the running code", signal: options.signal });
  }

  async restart(sessionId: string, options: { signal?: AbortSignal } = {}): Promise<void> {
    await this.transport.send({ method: "PATCH", path: this.sessionPath(sessionId), what: "restart the session", signal: options.signal, timeoutMs: 120_000 });
  }

  async destroy(sessionId: string, options: { forced?: boolean; signal?: AbortSignal } = {}): Promise<void> {
    const query = options.forced ? "?forced=true" : "";
    await this.transport.send({ method: "DELETE", path: `${this.sessionPath(sessionId)}${query}`, what: "terminate the session", signal: options.signal, timeoutMs: 60_000 });
  }

  /** Best effort (spec §5.5): most runtimes answer no matches, some time out after 10 s. */
  async complete(request: CompleteRequest): Promise<string[]> {
    const json = { code: request.code, options: { row: request.row, col: request.col, line: request.line, post: request.post } };
    const body = await this.transport.sendParsed(
      { method: "POST", path: `${this.sessionPath(request.sessionId)}/complete`, json, what: "complete code", signal: request.signal, timeoutMs: COMPLETE_TIMEOUT_MS },
      ZCompletion,
    );
    return body.result;
  }

  /**
   * Uploads files under /home/work with relative names; agents 24.09–25.7 only accept absolute
   * `/home/work/...` names and fail with 500, so that failure is retried once with them (§7.1).
   */
  async uploadFiles(options: { sessionId: string; files: UploadFile[]; signal?: AbortSignal }): Promise<void> {
    checkUpload(options.files);
    const send = (prefix: string) =>
      this.transport.send({ method: "POST", path: `${this.sessionPath(options.sessionId)}/upload`, form: uploadForm(options.files, prefix), what: "upload files", signal: options.signal });
    try {
      await send("");
    } catch (error) {
      const cause = error instanceof KernelError ? error.cause : undefined;
      if (!(cause instanceof BackendAIHttpError && cause.status === 500 && cause.problemType === "kernel-execution-failed")) throw error;
      await send("/home/work/");
    }
  }

  private sessionPath(sessionId: string): string {
    return `${this.transport.legacy ? "/kernel" : "/session"}/${encodeURIComponent(sessionId)}`;
  }
}

function checkUpload(files: UploadFile[]): void {
  if (files.length === 0 || files.length > MAX_UPLOAD_FILES) throw new KernelError("UNAVAILABLE", `Backend.AI accepts 1 to ${MAX_UPLOAD_FILES} files per upload.`);
  for (const file of files) {
    const size = typeof file.content === "string" ? Buffer.byteLength(file.content) : file.content.byteLength;
    if (size >= MAX_UPLOAD_BYTES) throw new KernelError("UNAVAILABLE", `"${file.name}" is too large for Backend.AI (files must be under 1 MiB).`);
    if (file.name.startsWith("/") || file.name.split("/").includes("..") || file.name === "") {
      throw new KernelError("UNAVAILABLE", `"${file.name}" must be a path relative to the session's home folder.`);
    }
  }
}

function uploadForm(files: UploadFile[], prefix: string): FormData {
  const form = new FormData();
  for (const file of files) {
    const bytes = typeof file.content === "string" ? new TextEncoder().encode(file.content) : new Uint8Array(file.content);
    form.append("src", new Blob([bytes], { type: "application/octet-stream" }), `${prefix}${file.name}`);
  }
  return form;
}
