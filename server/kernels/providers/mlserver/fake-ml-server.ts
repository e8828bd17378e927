// Test double of an ML Server web node for the unit tests: a fetch that answers from the fixtures
// (fixtures.ts), checks bearer tokens as the server does (a new pair invalidates the old one,
// tokens can be expired on demand), keeps sessions and their files, and lets a test script
// execute or override any route.
import { FIXTURES, SESSION_ID, SNAPSHOT_ID } from "./fixtures";
import { createMlServerProvider, type MlServerProviderOptions } from "./index";

export const USERNAME = "admin";
export const PASSWORD = "Pa$$w0rd-example";

export type FakeRequest = { method: string; path: string; query: URLSearchParams; headers: Headers; json: unknown; form?: FormData };
export type FakeReply = { status: number; body?: unknown; bytes?: Uint8Array; headers?: Record<string, string> };
type Handler = (request: FakeRequest, match: RegExpExecArray) => FakeReply | Promise<FakeReply>;
type Route = { method: string; path: RegExp; handler: Handler; times: number };

export type FakeSession = { id: string; runtimeType: "R" | "Python"; console: string; files: Map<string, Uint8Array> };

const NO_BEARER: FakeReply = { status: 401, headers: { "WWW-Authenticate": 'Bearer error="invalid_token", error_description="The token is expired"' } };

export class FakeMlServer {
  readonly requests: FakeRequest[] = [];
  readonly sessions = new Map<string, FakeSession>();
  /** The fake's clock (ms); tokens expire by it. */
  now = Date.UTC(2024, 0, 1);
  accessLifetimeS = 3600;
  /** `expires_on` as the spec declares it (string) or as servers send it (number, the default). */
  expiresOnAsString = false;
  /** What POST /sessions/{id}/execute answers (the default: success, no output). */
  onExecute: (code: string, session: FakeSession) => unknown | Promise<unknown> = () => ({ success: true, errorMessage: "", outputParameters: [], consoleOutput: "", changedFiles: [] });
  private readonly access = new Set<string>();
  private readonly refresh = new Set<string>();
  private issued = 0;
  private routes: Route[] = [];

  constructor() {
    this.defaultRoutes();
  }

  /** Answers `method path` (newest route first), `times` times or forever. */
  route(method: string, path: string | RegExp, reply: FakeReply | Handler, options: { times?: number } = {}): this {
    const pattern = typeof path === "string" ? new RegExp(`^${path.replace(/[.?]/g, "\\$&")}$`) : path;
    const handler = typeof reply === "function" ? reply : () => reply;
    this.routes.unshift({ method, path: pattern, handler, times: options.times ?? Number.POSITIVE_INFINITY });
    return this;
  }

  expireAccessTokens(): void {
    this.access.clear();
  }

  expireRefreshTokens(): void {
    this.refresh.clear();
  }

  /** "METHOD /path" of every request so far. */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}`);
  }

  provider(options: Partial<MlServerProviderOptions> = {}) {
    return createMlServerProvider({ url: "http://mlserver.test:12800", username: USERNAME, password: PASSWORD, fetch: this.fetch, now: () => this.now, pollMs: 5, ...options });
  }

  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const headers = new Headers(init.headers);
    const raw = init.body;
    const request: FakeRequest = {
      method: init.method ?? "GET", path: url.pathname, query: url.searchParams, headers,
      json: typeof raw === "string" ? (JSON.parse(raw) as unknown) : undefined, form: raw instanceof FormData ? raw : undefined,
    };
    this.requests.push(request);
    init.signal?.throwIfAborted();
    const reply = await this.answer(request);
    const body = reply.bytes ? new Blob([new Uint8Array(reply.bytes)]) : (reply.body === undefined || reply.body === null ? null : JSON.stringify(reply.body));
    return new Response(body, { status: reply.status, headers: { "Content-Type": "application/json; charset=utf-8", Date: new Date(this.now).toUTCString(), ...reply.headers } });
  };

  private async answer(request: FakeRequest): Promise<FakeReply> {
    for (const route of this.routes) {
      const match = route.method === request.method ? route.path.exec(request.path) : null;
      if (!match || route.times <= 0) continue;
      route.times--;
      const open = request.path === "/login" || (request.path === "/login/refreshToken" && request.method === "POST");
      if (!open && !this.access.has(/^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "")) return NO_BEARER;
      return route.handler(request, match);
    }
    return { status: 404, body: { message: `No route ${request.method} ${request.path}` } };
  }

  /** A new pair (the first ones are the fixtures'); the previous pair stops working. */
  private issue(kind: "login-ok" | "refresh-ok"): FakeReply {
    this.issued++;
    const fixture = FIXTURES[kind];
    const first = (kind === "login-ok" && this.issued === 1) || (kind === "refresh-ok" && this.issued === 2);
    const tokens = first ? fixture : { ...fixture, access_token: `access-${this.issued}`, refresh_token: `refresh/${this.issued}+x` };
    this.access.clear();
    this.refresh.clear();
    this.access.add(tokens.access_token);
    this.refresh.add(tokens.refresh_token);
    const expiresOn = Math.floor(this.now / 1000) + this.accessLifetimeS;
    return { status: 200, body: { ...tokens, expires_in: this.accessLifetimeS, expires_on: this.expiresOnAsString ? String(expiresOn) : expiresOn } };
  }

  private session(id: string | undefined): FakeSession | undefined {
    return this.sessions.get(decodeURIComponent(id ?? ""));
  }

  private defaultRoutes(): void {
    const gone = { status: 404, body: FIXTURES["session-not-found"] };
    const S = "/sessions/([^/]+)";
    const withSession = (handler: (s: FakeSession, r: FakeRequest, m: RegExpExecArray) => FakeReply | Promise<FakeReply>): Handler => (r, m) => {
      const s = this.session(m[1]);
      return s ? handler(s, r, m) : gone;
    };
    this.route("POST", "/login", (r) => ((r.json as { password?: string }).password === PASSWORD ? this.issue("login-ok") : { status: 401, body: FIXTURES["login-bad-credentials"] }));
    this.route("POST", "/login/refreshToken", (r) => (this.refresh.has((r.json as { refreshToken: string }).refreshToken) ? this.issue("refresh-ok") : { status: 401, body: FIXTURES["refresh-expired"] }));
    this.route("DELETE", "/login/refreshToken", (r) => {
      this.refresh.delete(r.query.get("refreshToken") ?? "");
      return { status: 200 };
    });
    this.route("POST", "/sessions", (r) => {
      const id = this.sessions.size === 0 ? SESSION_ID : `session-${this.sessions.size + 1}`;
      const runtimeType = (r.json as { runtimeType?: "R" | "Python" }).runtimeType ?? "R";
      this.sessions.set(id, { id, runtimeType, console: "", files: new Map() });
      return { status: 201, body: { sessionId: id } };
    });
    this.route("GET", "/sessions", () => ({ status: 200, body: [...FIXTURES["list-sessions"], ...[...this.sessions.values()].map((s) => ({ id: s.id, name: "kb", owner: USERNAME, runtimeType: s.runtimeType }))] }));
    this.route("DELETE", new RegExp(`^${S}(/force)?$`), withSession((s) => {
      this.sessions.delete(s.id);
      return { status: 200 };
    }));
    this.route("POST", new RegExp(`^${S}/cancel$`), withSession(() => ({ status: 200 })));
    this.route("GET", new RegExp(`^${S}/console-output$`), withSession((s) => ({ status: 200, body: { consoleOutput: s.console } })));
    this.route("POST", new RegExp(`^${S}/execute$`), withSession(async (s, r) => ({ status: 200, body: await this.onExecute((r.json as { code: string }).code, s) })));
    this.route("GET", new RegExp(`^${S}/files$`), withSession(() => ({ status: 200, body: FIXTURES["list-files"] })));
    this.route("POST", new RegExp(`^${S}/files$`), withSession(async (s, r) => {
      const file = r.form?.get("file");
      if (!(file instanceof File)) return { status: 400, body: { message: "No file" } };
      s.files.set(file.name, new Uint8Array(await file.arrayBuffer()));
      return { status: 201 };
    }));
    this.route("GET", new RegExp(`^${S}/files/([^/]+)$`), withSession((s, _r, m) => {
      const bytes = s.files.get(decodeURIComponent(m[2] ?? ""));
      return bytes ? { status: 200, bytes, headers: { "Content-Type": "application/octet-stream" } } : { status: 404, body: { message: "File not found" } };
    }));
    this.route("DELETE", new RegExp(`^${S}/files/([^/]+)$`), withSession((s, _r, m) => (s.files.delete(decodeURIComponent(m[2] ?? "")) ? { status: 200 } : { status: 404 })));
    this.route("GET", new RegExp(`^${S}/workspace$`), withSession(() => ({ status: 200, body: FIXTURES["workspace-list"] })));
    this.route("POST", new RegExp(`^${S}/snapshot$`), withSession(() => ({ status: 201, body: FIXTURES["snapshot-create"] })));
    this.route("POST", new RegExp(`^${S}/loadsnapshot/([^/]+)$`), withSession((_s, _r, m) => (m[2] === SNAPSHOT_ID ? { status: 200 } : { status: 404, body: { message: "Snapshot not found" } })));
    this.route("GET", "/snapshots", () => ({ status: 200, body: FIXTURES["snapshots-list"] }));
    this.route("DELETE", /^\/snapshots\/([^/]+)$/, (_r, m) => (m[1] === SNAPSHOT_ID ? { status: 200 } : { status: 404, body: { message: "Snapshot not found" } }));
  }
}
