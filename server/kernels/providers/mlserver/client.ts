// A small typed client for ML Server's session API (mlserver.md §2): create, list, execute and its
// console output, cancel, close, working-directory files, workspace names and snapshots.
import { MlServerTransport, type TransportOptions } from "./transport";
import {
  ZConsoleOutputResponse, ZCreateSessionResponse, ZCreateSnapshotResponse, ZExecuteResponse, ZNameList, ZSessionList, ZSnapshotList,
  type ExecuteResult, type RuntimeType, type Session, type Snapshot, type WorkspaceObject,
} from "./schemas";

export type MlServerClientOptions = TransportOptions;
type Signal = { signal?: AbortSignal };

export type CreateSessionOptions = Signal & { name?: string; runtimeType?: RuntimeType; snapshotId?: string };
export type ExecuteOptions = Signal & {
  code: string;
  inputParameters?: WorkspaceObject[];
  outputParameters?: string[];
  /** The request blocks until the code ends, so it has its own (long) limit. */
  timeoutMs?: number;
};

const seg = encodeURIComponent;

export class MlServerClient {
  readonly transport: MlServerTransport;

  constructor(options: MlServerClientOptions) {
    this.transport = new MlServerTransport(options);
  }

  get where(): string {
    return this.transport.where;
  }

  /** `POST /sessions` → 201 `{sessionId}`; `runtimeType` exists from 9.1 (older servers ignore it). */
  async createSession(options: CreateSessionOptions = {}): Promise<string> {
    const json: Record<string, string> = {};
    if (options.name) json.name = options.name;
    if (options.snapshotId) json.snapshotId = options.snapshotId;
    if (options.runtimeType) json.runtimeType = options.runtimeType;
    const what = options.snapshotId ? "start a session from the snapshot" : "start a session";
    const body = await this.transport.json({ method: "POST", path: "/sessions", json, expect: 201, what, subject: "create-session", signal: options.signal }, ZCreateSessionResponse);
    return body.sessionId;
  }

  /** `GET /sessions`: the current user's sessions (there is no single-session GET). */
  async listSessions(options: Signal = {}): Promise<Session[]> {
    return this.transport.json({ method: "GET", path: "/sessions", expect: 200, what: "list the sessions", subject: "server", signal: options.signal }, ZSessionList);
  }

  /** `POST /sessions/{id}/execute`: blocks until the code ends; code errors come back as success=false. */
  async execute(sessionId: string, options: ExecuteOptions): Promise<ExecuteResult> {
    const json: Record<string, unknown> = { code: options.code };
    if (options.inputParameters) json.inputParameters = options.inputParameters;
    if (options.outputParameters) json.outputParameters = options.outputParameters;
    return this.transport.json(
      { method: "POST", path: `/sessions/${seg(sessionId)}/execute`, json, expect: 200, what: "run code", subject: "session", signal: options.signal, timeoutMs: options.timeoutMs, long: true },
      ZExecuteResponse,
    );
  }

  /** `GET /sessions/{id}/console-output`: the console text of the current or last execution. */
  async consoleOutput(sessionId: string, options: Signal = {}): Promise<string> {
    return this.transport.json(
      { method: "GET", path: `/sessions/${seg(sessionId)}/console-output`, expect: 200, what: "read the console output", subject: "session", signal: options.signal },
      ZConsoleOutputResponse,
    );
  }

  /** `POST /sessions/{id}/cancel`: not guaranteed to stop the code (§2.4). */
  async cancel(sessionId: string, options: Signal = {}): Promise<void> {
    await this.transport.send({ method: "POST", path: `/sessions/${seg(sessionId)}/cancel`, expect: 200, what: "cancel the running code", subject: "session", signal: options.signal });
  }

  /** `DELETE /sessions/{id}`, or `.../force` to kill a session that does not close. */
  async closeSession(sessionId: string, options: Signal & { force?: boolean } = {}): Promise<void> {
    const path = `/sessions/${seg(sessionId)}${options.force ? "/force" : ""}`;
    await this.transport.send({ method: "DELETE", path, expect: 200, what: options.force ? "force the session closed" : "close the session", subject: "session", signal: options.signal });
  }

  async listFiles(sessionId: string, options: Signal = {}): Promise<string[]> {
    return this.transport.json({ method: "GET", path: `/sessions/${seg(sessionId)}/files`, expect: 200, what: "list the session's files", subject: "session", signal: options.signal }, ZNameList);
  }

  /** `POST /sessions/{id}/files` (multipart, field `file`) → 201; the part's file name is the stored name. */
  async uploadFile(sessionId: string, file: Signal & { name: string; data: Uint8Array }): Promise<void> {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(file.data)], { type: "application/octet-stream" }), file.name);
    await this.transport.send({ method: "POST", path: `/sessions/${seg(sessionId)}/files`, form, expect: 201, what: `upload "${file.name}"`, subject: "session", signal: file.signal, timeoutMs: 300_000 });
  }

  async downloadFile(sessionId: string, name: string, options: Signal = {}): Promise<Uint8Array> {
    const path = `/sessions/${seg(sessionId)}/files/${seg(name)}`;
    const answer = await this.transport.send({ method: "GET", path, expect: 200, what: `download "${name}"`, subject: "file", signal: options.signal, timeoutMs: 300_000 });
    return answer.bytes;
  }

  async deleteFile(sessionId: string, name: string, options: Signal = {}): Promise<void> {
    await this.transport.send({ method: "DELETE", path: `/sessions/${seg(sessionId)}/files/${seg(name)}`, expect: 200, what: `delete "${name}"`, subject: "file", signal: options.signal });
  }

  /** `GET /sessions/{id}/workspace`: the names of the session's objects (410 once the session is gone). */
  async listWorkspace(sessionId: string, options: Signal = {}): Promise<string[]> {
    return this.transport.json({ method: "GET", path: `/sessions/${seg(sessionId)}/workspace`, expect: 200, what: "list the workspace", subject: "session", signal: options.signal }, ZNameList);
  }

  /** `POST /sessions/{id}/snapshot` → 201: a zip of the workspace and the working directory. */
  async createSnapshot(sessionId: string, options: Signal & { name?: string } = {}): Promise<string> {
    const json = options.name ? { name: options.name } : {};
    const path = `/sessions/${seg(sessionId)}/snapshot`;
    const body = await this.transport.json({ method: "POST", path, json, expect: 201, what: "snapshot the session", subject: "session", signal: options.signal, timeoutMs: 300_000 }, ZCreateSnapshotResponse);
    return body.snapshotId;
  }

  /** `POST /sessions/{id}/loadsnapshot/{snapshotId}`: merges the snapshot into the live session. */
  async loadSnapshot(sessionId: string, snapshotId: string, options: Signal = {}): Promise<void> {
    const path = `/sessions/${seg(sessionId)}/loadsnapshot/${seg(snapshotId)}`;
    await this.transport.send({ method: "POST", path, expect: 200, what: "load the snapshot", subject: "snapshot", signal: options.signal, timeoutMs: 300_000 });
  }

  async listSnapshots(options: Signal = {}): Promise<Snapshot[]> {
    return this.transport.json({ method: "GET", path: "/snapshots", expect: 200, what: "list the snapshots", subject: "server", signal: options.signal }, ZSnapshotList);
  }

  async deleteSnapshot(snapshotId: string, options: Signal = {}): Promise<void> {
    await this.transport.send({ method: "DELETE", path: `/snapshots/${seg(snapshotId)}`, expect: 200, what: "delete the snapshot", subject: "snapshot", signal: options.signal });
  }
}
