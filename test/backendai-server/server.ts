// Why: a protocol-faithful Backend.AI manager (24.09) for tests: signed REST API over node:http,
// real R/Python kernels per session, an image catalogue, files, and switchable faults.
// Start with startBackendAiTestServer().
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adminRoute, killSession, type AdminDeps, type KillReason } from "./admin-routes";
import { authenticate, type Keypair } from "./auth";
import { noFaults, type Faults } from "./faults";
import type { Reply } from "./http-types";
import { ProblemError } from "./problems";
import { buildRoutes, matchRoute, type RouteDeps } from "./routes";
import { SessionStore } from "./sessions";
import { apiMajor, MANAGER_RELEASES, type ManagerRelease, type ManagerVersions } from "./versions";

export type TestServerOptions = {
  port?: number;
  host?: string;
  /** The manager's flush window for execute calls (2000 ms in 24.09). */
  flushMs?: number;
  keypair?: { accessKey: string; secretKey: string };
  /** Initial faults and behaviours (agentVersion, phaseMs, execTimeoutMs…); mutable later via `faults`. */
  faults?: Partial<Faults>;
  /** GPU agents: cuda.device slots and the CUDA image variant (spec §10). */
  gpu?: boolean;
  /** Which manager's API versions to accept and report (default 24.09; 23.09 refuses v8.x with 400). */
  managerRelease?: ManagerRelease;
};

export type BackendAiTestServer = {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  adminToken: string;
  faults: Faults;
  /** Ends a session as the cluster would; the reason sets status_info (default "crash"). */
  killSession(idOrName: string, opts?: { afterMs?: number; reason?: KillReason }): void;
  expireKeypair(accessKey: string): void;
  close(): Promise<void>;
};

type Json = Reply & { problem?: boolean };

function send(res: ServerResponse, r: Json): void {
  res.setHeader("Server", "BackendAI");
  res.setHeader("X-RateLimit-Limit", "1000");
  res.setHeader("X-RateLimit-Remaining", "1000");
  res.setHeader("X-RateLimit-Window", "900");
  if (r.raw) {
    res.writeHead(r.status, { "Content-Type": r.raw.contentType, "Content-Length": r.raw.data.length }).end(r.raw.data);
    return;
  }
  if (r.body === undefined) {
    res.writeHead(r.status).end();
    return;
  }
  const type = r.problem ? "application/problem+json" : "application/json; charset=utf-8";
  res.writeHead(r.status, { "Content-Type": type }).end(JSON.stringify(r.body));
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

/** One request: version check, admin routes, routing, authentication (spec §12 order), then the handler. */
function handler(h: { deps: RouteDeps & AdminDeps; routes: ReturnType<typeof buildRoutes>; adminToken: string; versions: ManagerVersions }) {
  const { deps, routes, adminToken, versions } = h;
  return async (req: IncomingMessage, body: Buffer): Promise<Json> => {
    const rawPath = req.url ?? "/";
    const url = new URL(rawPath, "http://x");
    const method = (String(req.headers["x-method-override"] ?? "") || req.method || "GET").toUpperCase();
    const version = req.headers["x-backendai-version"];
    const v = Array.isArray(version) ? version[0] : version;
    if (v !== undefined && !versions.accepted.has(v)) throw new ProblemError("generic-bad-request", { msg: "Unsupported API version." });
    if (url.pathname.startsWith("/_test/")) {
      if (req.headers.authorization || req.headers["x-test-admin-token"] !== adminToken)
        throw new ProblemError("url-not-found", { data: url.pathname });
      return adminRoute(method, url.pathname, body.length ? (JSON.parse(body.toString("utf8")) as unknown) : {}, deps);
    }
    if (url.pathname === "/" && method === "GET") return { status: 200, body: { version: versions.latest, manager: versions.manager } };
    const match = matchRoute(routes, method, url.pathname);
    if (match === "no-path") throw new ProblemError("url-not-found", { data: url.pathname });
    if (match === "no-method") throw new ProblemError("method-not-allowed");
    const keypair = authenticate({ method, rawPath, headers: req.headers, body }, (ak) => deps.keypairs.get(ak));
    if (deps.faults.delayMs > 0) await new Promise((r) => setTimeout(r, deps.faults.delayMs));
    return match.route.run({ method, params: { id: match.id }, query: url.searchParams, headers: req.headers, body, keypair, apiMajor: apiMajor(v), version: v });
  };
}

export async function startBackendAiTestServer(opts: TestServerOptions = {}): Promise<BackendAiTestServer> {
  const root = mkdtempSync(join(tmpdir(), "kb-backendai-"));
  const faults: Faults = { ...noFaults(), ...opts.faults };
  const store = new SessionStore(root, faults);
  const accessKey = opts.keypair?.accessKey ?? `AKTEST${randomBytes(7).toString("hex").toUpperCase()}`;
  const secretKey = opts.keypair?.secretKey ?? randomBytes(30).toString("base64");
  const keypairs = new Map<string, Keypair>([[accessKey, { accessKey, secretKey, active: true }]]);
  const adminToken = randomBytes(16).toString("hex");
  const deps: RouteDeps & AdminDeps = { store, faults, keypairs, flushMs: opts.flushMs ?? 2000, gpu: opts.gpu ?? false };

  const versions = MANAGER_RELEASES[opts.managerRelease ?? "24.09"];
  const handle = handler({ deps, routes: buildRoutes(deps), adminToken, versions });

  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => handle(req, body))
      .then((r) => send(res, r))
      .catch((err: unknown) => {
        const p = err instanceof ProblemError ? err : new ProblemError("internal-server-error");
        if (!(err instanceof ProblemError)) console.error("[backendai-test-server]", err);
        if (!res.headersSent) send(res, { status: p.status, body: p.body, problem: true });
      });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${opts.host ?? "127.0.0.1"}:${port}`,
    accessKey, secretKey, adminToken, faults,
    killSession: (id, o) => killSession(deps, id, { afterMs: o?.afterMs ?? 0, reason: o?.reason ?? "crash" }),
    expireKeypair: (ak) => {
      const kp = keypairs.get(ak);
      if (kp) kp.active = false;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.closeAll();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
