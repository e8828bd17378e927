// Why: a protocol test server for the Microsoft ML Server 9.3 operationalization API (specs
// mlserver.md + mlserver-swagger-9.3.0.json): node:http, real R/Python shells per session, every
// exchange validated against the swagger, and switchable faults. Start with startMlServerTestServer().
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TokenStore } from "./auth";
import { MlApiError } from "./errors";
import { ExchangeCheck, OPEN_OPERATIONS } from "./exchange-check";
import { defaultFaults, type Faults } from "./faults";
import { encodeReply, parseBody, readBody, writeReply, type Reply } from "./http";
import { KernelError } from "./kernel";
import { authRoutes } from "./routes/auth-routes";
import type { Deps, Handler } from "./routes/context";
import { fileRoutes } from "./routes/file-routes";
import { consumeRoute, serviceRoutes } from "./routes/service-routes";
import { sessionRoutes } from "./routes/session-routes";
import { snapshotRoutes } from "./routes/snapshot-routes";
import { ServiceStore } from "./services";
import { SessionStore } from "./sessions";
import { SnapshotStore } from "./snapshots";
import { safeDecode, type RequestView, type SwaggerValidator } from "./swagger/validator";

export type MlServerTestServerOptions = {
  port?: number;
  host?: string;
  users?: { username: string; password: string }[];
  /** Default 3600 (§1.5: the prose's "1 hour (3660 seconds)" contradicts expires_in 3600; we follow 3600). */
  accessTokenTtlSeconds?: number;
  /** Default 336 hours (14 days, §1.5). */
  refreshTokenTtlSeconds?: number;
  /** Send expires_on as a numeric string (the swagger's type) instead of a number (what servers send, §1.2). */
  expiresOnAsString?: boolean;
  /** Validate every request/response against the swagger (default true). */
  validate?: boolean;
};

export type MlServerTestServer = {
  url: string;
  username: string;
  password: string;
  faults: Faults;
  expireAccessTokens(): void;
  expireRefreshTokens(): void;
  dropSession(id: string, opts?: { afterMs?: number }): void;
  violations: string[];
  exchanges: number;
  close(): Promise<void>;
};

const HANDLERS: Record<string, Handler> = { ...authRoutes, ...sessionRoutes, ...fileRoutes, ...snapshotRoutes, ...serviceRoutes };
const CONSUME = /^\/api\/([^/]+)\/([^/]+)$/;

type Route =
  | { kind: "core" | "consume"; handler: Handler; params: Record<string, string>; open: boolean; validator?: SwaggerValidator }
  | { kind: "unknown"; error: MlApiError };

function resolve(method: string, path: string, deps: Deps, check: ExchangeCheck): Route {
  const found = check.core.match(method, path);
  if (found) {
    const handler = HANDLERS[found.operation.operationId] ?? (async () => {
      throw new MlApiError("NOT_IMPLEMENTED", `${found.operation.operationId} is not implemented by this test server.`);
    });
    return { kind: "core", handler, params: found.pathParams, open: OPEN_OPERATIONS.has(found.operation.operationId), validator: check.core };
  }
  const consume = method === "POST" ? CONSUME.exec(path) : null;
  if (consume) {
    const params = { name: safeDecode(consume[1]), version: safeDecode(consume[2]) };
    const service = deps.services.list(params).at(0);
    return { kind: "consume", handler: consumeRoute, params, open: false, validator: service && check.forService(service.swagger) };
  }
  return { kind: "unknown", error: new MlApiError("NOT_FOUND", `No operation ${method} ${path}.`) };
}

function errorReply(e: unknown, kind: Route["kind"], faults: Faults): Reply {
  let err: MlApiError;
  if (e instanceof MlApiError) err = e;
  else if (e instanceof KernelError && e.code === "DEAD") err = new MlApiError("NOT_FOUND", "Session not found (its shell was lost).", { cause: e });
  else {
    console.error("[mlserver-test-server]", e);
    err = new MlApiError("INTERNAL", "Internal server error.", { cause: e });
  }
  const body = err.body(faults.errorBody ?? err.shape ?? (kind === "consume" ? "code-message-fields" : "core"));
  return body === undefined ? { status: err.status, kind: "empty", headers: err.headers } : { status: err.status, kind: "json", body, headers: err.headers };
}

/** faults.corruptResponses: a 2xx status the operation does not declare (negative fixture negative-create-session-200). */
function corrupt(reply: Reply, faults: Faults): Reply {
  if (faults.corruptResponses <= 0 || reply.status < 200 || reply.status >= 300) return reply;
  faults.corruptResponses--;
  return { ...reply, status: reply.status === 200 ? 202 : 200 };
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: Deps, check: ExchangeCheck): Promise<void> {
  const raw = await readBody(req);
  const url = new URL(req.url ?? "/", "http://localhost");
  const method = (req.method ?? "GET").toUpperCase();
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : v]));
  const parsed = parseBody(raw, headers["content-type"] ?? "");
  const view: RequestView = { method, path: url.pathname, query: url.searchParams, headers, body: parsed.view };
  const route = resolve(method, url.pathname, deps, check);
  let reply: Reply;
  try {
    if (deps.faults.slowMs > 0) await new Promise((r) => setTimeout(r, deps.faults.slowMs));
    if (route.kind === "unknown") {
      check.unknown(view);
      throw route.error;
    }
    if (route.validator) check.request(route.validator, view);
    const user = route.open ? "" : deps.tokens.authenticate(headers.authorization);
    reply = await route.handler({ user, params: route.params, query: url.searchParams, json: parsed.json, raw, parts: parsed.parts }, deps);
  } catch (e) {
    reply = errorReply(e, route.kind, deps.faults);
  }
  reply = corrupt(reply, deps.faults);
  const encoded = encodeReply(reply, deps.faults.stringBody);
  if (route.kind !== "unknown" && route.validator) check.response(route.validator, view, { status: reply.status, contentType: encoded.contentType, body: encoded.view });
  if (!res.destroyed) writeReply(res, reply.status, reply.headers ?? {}, encoded);
}

export async function startMlServerTestServer(opts: MlServerTestServerOptions = {}): Promise<MlServerTestServer> {
  const root = mkdtempSync(join(tmpdir(), "kb-mlserver-"));
  for (const d of ["sessions", "snapshots", "services", "scratch"]) mkdirSync(join(root, d));
  const faults = defaultFaults();
  const users = opts.users ?? [{ username: "admin", password: randomBytes(12).toString("base64url") }];
  const tokens = new TokenStore({
    users: new Map(users.map((u) => [u.username, u.password])),
    accessTtlSeconds: opts.accessTokenTtlSeconds ?? 3600,
    refreshTtlSeconds: opts.refreshTokenTtlSeconds ?? 336 * 3600,
    expiresOnAsString: opts.expiresOnAsString ?? false,
    faults,
  });
  const snapshots = new SnapshotStore(join(root, "snapshots"));
  const sessions = new SessionStore(join(root, "sessions"), faults);
  const check = new ExchangeCheck(opts.validate ?? true);
  let url = "";
  const deps: Deps = { tokens, sessions, snapshots, services: new ServiceStore(join(root, "services"), snapshots), faults, root: join(root, "scratch"), url: () => url };
  const server = createServer((req, res) => {
    handle(req, res, deps, check).catch((e: unknown) => {
      console.error("[mlserver-test-server]", e);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolveListen());
  });
  url = `http://${host.includes(":") ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`;
  return {
    url, username: users[0].username, password: users[0].password, faults,
    expireAccessTokens: () => tokens.expireAccessTokens(),
    expireRefreshTokens: () => tokens.expireRefreshTokens(),
    dropSession: (id, o) => sessions.drop(id, o?.afterMs ?? 0),
    violations: check.violations,
    get exchanges() {
      return check.exchanges;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await sessions.closeAll();
      snapshots.clear();
      deps.services.clear();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
