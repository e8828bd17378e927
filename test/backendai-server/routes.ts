// Why: the test manager's route table (spec §4 route table, §4.3 list via GraphQL).
import { execute, type ExecuteDeps } from "./execute-routes";
import type { Ctx, Reply } from "./http-types";
import { jsonBody } from "./params";
import {
  completeCode, createSession, destroySession, getInfo, interruptSession, restartSession, type SessionDeps,
} from "./session-routes";

type Route = { method: string; pattern: RegExp; run: (ctx: Ctx) => Promise<Reply> };
export type RouteDeps = SessionDeps & ExecuteDeps;

const ID = "([^/]+)";

/** GraphQL stand-in: answers compute_session_list for the caller's sessions, whatever fields asked. */
async function listSessions(ctx: Ctx, deps: RouteDeps): Promise<Reply> {
  const vars = (jsonBody(ctx).variables ?? {}) as { limit?: number; offset?: number; status?: string };
  const mine = [...deps.store.all.values()].filter((s) => s.ownerAccessKey === ctx.keypair.accessKey);
  const wanted = vars.status ? mine.filter((s) => vars.status?.split(",").includes(s.status)) : mine;
  const page = wanted.slice(vars.offset ?? 0, (vars.offset ?? 0) + (vars.limit ?? 100));
  const items = page.map((s) => ({
    id: s.id, session_id: s.id, name: s.name, status: s.status, status_info: s.statusInfo, image: s.image,
    created_at: s.createdAt.toISOString(), terminated_at: s.terminatedAt?.toISOString() ?? null,
    occupying_slots: JSON.stringify({ cpu: "1", mem: "2147483648" }),
  }));
  return { status: 200, body: { data: { compute_session_list: { items, total_count: wanted.length } } } };
}

export function buildRoutes(deps: RouteDeps): Route[] {
  const r = (method: string, path: string, run: (ctx: Ctx) => Promise<Reply>): Route => ({
    method, pattern: new RegExp(`^${path.replaceAll(":id", ID)}$`), run,
  });
  const routes: Route[] = [];
  for (const base of ["/session", "/kernel"]) {
    routes.push(
      r("POST", base, (c) => createSession(c, deps)),
      r("POST", `${base}/_/create`, (c) => createSession(c, deps)),
      r("GET", `${base}/:id`, (c) => getInfo(c, deps)),
      r("PATCH", `${base}/:id`, (c) => restartSession(c, deps)),
      r("DELETE", `${base}/:id`, (c) => destroySession(c, deps)),
      r("POST", `${base}/:id`, (c) => execute(c, deps)),
      r("POST", `${base}/:id/interrupt`, (c) => interruptSession(c, deps)),
      r("POST", `${base}/:id/complete`, (c) => completeCode(c, deps)),
    );
  }
  routes.push(r("POST", "/kernel/create", (c) => createSession(c, deps)));
  routes.push(r("POST", "/admin/gql", (c) => listSessions(c, deps)), r("POST", "/admin/graphql", (c) => listSessions(c, deps)));
  // /kernel/create must win over POST /kernel/:id (execute).
  return routes.sort((a, b) => Number(b.pattern.source.includes("create")) - Number(a.pattern.source.includes("create")));
}

export function matchRoute(routes: Route[], method: string, path: string): { route: Route; id: string } | "no-path" | "no-method" {
  const byPath = routes.filter((rt) => rt.pattern.test(path));
  if (byPath.length === 0) return "no-path";
  const route = byPath.find((rt) => rt.method === method);
  if (!route) return "no-method";
  const m = route.pattern.exec(path);
  return { route, id: m?.[1] ? decodeURIComponent(m[1]) : "" };
}
