// Why: the test manager's route table (spec §4 route table, §4.3 GraphQL, §7.1 files, §10 slots).
import { execute, type ExecuteDeps } from "./execute-routes";
import { downloadDeprecated, downloadFiles, downloadSingle, listFiles, uploadFiles, type FileDeps } from "./file-routes";
import { handleGql, handleGqlLegacy, type GqlDeps } from "./gql-routes";
import type { Ctx, Reply } from "./http-types";
import {
  completeCode, createSession, destroySession, getInfo, interruptSession, resourceSlots, restartSession, type SessionDeps,
} from "./session-routes";

type Route = { method: string; pattern: RegExp; run: (ctx: Ctx) => Promise<Reply> };
export type RouteDeps = SessionDeps & ExecuteDeps & FileDeps & GqlDeps;

const ID = "([^/]+)";

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
      r("POST", `${base}/:id/upload`, (c) => uploadFiles(c, deps)),
      r("POST", `${base}/:id/download`, (c) => downloadFiles(c, deps)),
      r("GET", `${base}/:id/download`, () => downloadDeprecated()),
      r("POST", `${base}/:id/download_single`, (c) => downloadSingle(c, deps)),
      r("GET", `${base}/:id/files`, (c) => listFiles(c, deps)),
    );
  }
  routes.push(r("POST", "/kernel/create", (c) => createSession(c, deps)));
  routes.push(r("POST", "/admin/gql", (c) => handleGql(c, deps)), r("POST", "/admin/graphql", (c) => handleGqlLegacy(c, deps)));
  routes.push(r("GET", "/config/resource-slots", (c) => resourceSlots(c, deps)));
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
