// Why: the manager's GraphQL endpoints (spec §4.3): POST /admin/gql answers `{data, errors?}`;
// the legacy /admin/graphql answers the bare data and turns errors into a 400 graphql-error
// (BA24 api/admin.py). Root fields: images (spec §10), compute_session_list, compute_session.
import { z } from "zod";
import { execute, validate, type ObjType, type RootField } from "./gql-exec";
import { GqlSyntaxError, parseQuery, type GqlError } from "./graphql";
import type { Ctx, Reply } from "./http-types";
import { canonical, catalogue, type ImageDef } from "./images";
import { checkParams, jsonBody } from "./params";
import { ProblemError } from "./problems";
import type { Session, SessionStore } from "./sessions";

export type GqlDeps = { store: SessionStore; gpu: boolean };

const scalars = (...names: string[]): Record<string, null> => Object.fromEntries(names.map((n) => [n, null]));

const KV: ObjType = { name: "KVPair", fields: scalars("key", "value") };
const LIMIT: ObjType = { name: "ResourceLimit", fields: scalars("key", "min", "max") };
const IMAGE: ObjType = {
  name: "Image",
  fields: {
    ...scalars("id", "name", "project", "humanized_name", "tag", "registry", "architecture", "is_local", "digest", "aliases",
      "size_bytes", "supported_accelerators", "installed", "installed_agents", "hash"),
    labels: KV, resource_limits: LIMIT,
  },
};
const SESSION: ObjType = {
  name: "ComputeSession",
  fields: scalars("id", "session_id", "name", "type", "image", "architecture", "registry", "status", "status_info", "status_data",
    "status_changed", "status_history", "created_at", "terminated_at", "access_key", "domain_name", "group_id", "occupying_slots", "occupied_slots",
    "requested_slots", "num_queries", "cluster_size", "tag"),
};
const SESSION_LIST: ObjType = { name: "ComputeSessionList", fields: { items: SESSION, total_count: null } };

function imageData(i: ImageDef) {
  return {
    id: `img-${i.digest.slice(7, 19)}`, name: i.name, project: i.name.split("/")[0], humanized_name: i.name, tag: i.tag,
    registry: i.registry, architecture: i.architecture, is_local: false, digest: i.digest, aliases: [], size_bytes: 1_200_000_000,
    supported_accelerators: (i.labels["ai.backend.accelerators"] ?? "").split(","), installed: true, installed_agents: ["i-agent-01"],
    hash: i.digest, labels: Object.entries(i.labels).map(([key, value]) => ({ key, value })),
    // GraphQL Image.populate_row: min defaults to 0, max to Infinity when the key is absent.
    resource_limits: Object.entries(i.resources).map(([key, v]) => ({ key, min: v.min, max: v.max })),
  };
}

function sessionData(s: Session) {
  return {
    id: s.id, session_id: s.id, name: s.name, type: "INTERACTIVE", image: canonical(s.imageDef), architecture: s.imageDef.architecture,
    registry: s.imageDef.registry, status: s.status, status_info: s.statusInfo, status_data: JSON.stringify(s.statusData),
    status_changed: (s.terminatedAt ?? s.createdAt).toISOString(), status_history: JSON.stringify(s.statusHistory), created_at: s.createdAt.toISOString(),
    terminated_at: s.terminatedAt?.toISOString() ?? null, access_key: s.ownerAccessKey, domain_name: "default",
    group_id: "2de2b969-1d04-48a6-af16-0bc8adb3c831", occupying_slots: JSON.stringify(s.slots), occupied_slots: JSON.stringify(s.slots),
    requested_slots: JSON.stringify(s.slots), num_queries: s.numQueriesExecuted, cluster_size: 1, tag: null,
  };
}

function roots(ctx: Ctx, deps: GqlDeps): Record<string, RootField> {
  const mine = () => [...deps.store.all.values()].filter((s) => s.ownerAccessKey === ctx.keypair.accessKey);
  return {
    images: {
      type: IMAGE, listOf: "[Image]", args: ["is_installed", "is_operation", "load_filters", "image_filters"],
      resolve: (a) => catalogue({ gpu: deps.gpu })
        .filter((i) => a.is_operation === true || !(i.labels["ai.backend.features"] ?? "").split(" ").includes("operation"))
        .map(imageData),
    },
    compute_session_list: {
      type: SESSION_LIST, listOf: "ComputeSessionList", args: ["limit", "offset", "status", "access_key", "filter", "order", "domain_name", "group_id"],
      resolve: (a) => {
        const status = typeof a.status === "string" ? a.status.split(",") : null;
        const wanted = mine().filter((s) => !status || status.includes(s.status));
        const offset = typeof a.offset === "number" ? a.offset : 0;
        const limit = typeof a.limit === "number" ? a.limit : 100;
        return { items: wanted.slice(offset, offset + limit).map(sessionData), total_count: wanted.length };
      },
    },
    compute_session: {
      type: SESSION, listOf: "ComputeSession", args: ["id"],
      resolve: (a) => {
        const s = mine().find((x) => x.id === a.id);
        return s ? sessionData(s) : null;
      },
    },
  };
}

const ZGql = z.object({
  query: z.string(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operation_name: z.string().nullish(),
  operationName: z.string().nullish(),
});

function run(ctx: Ctx, deps: GqlDeps): { data: Record<string, unknown> | null; errors?: GqlError[] } {
  const p = checkParams(ZGql, jsonBody(ctx));
  let fields;
  try {
    fields = parseQuery(p.query, p.variables ?? {});
  } catch (e) {
    if (e instanceof GqlSyntaxError) return { data: null, errors: [{ message: e.message, locations: [e.loc] }] };
    throw e;
  }
  const table = roots(ctx, deps);
  const invalid = validate(fields, table, "Queries");
  if (invalid.length) return { data: null, errors: invalid };
  const { data, errors } = execute(fields, table);
  return errors.length ? { data, errors } : { data };
}

/** POST /admin/gql (v6.20210815 and later): graphql-core's formatted result, always 200. */
export async function handleGql(ctx: Ctx, deps: GqlDeps): Promise<Reply> {
  return { status: 200, body: run(ctx, deps) };
}

/** POST /admin/graphql (older clients): bare data, or 400 graphql-error with the errors as data. */
export async function handleGqlLegacy(ctx: Ctx, deps: GqlDeps): Promise<Reply> {
  const result = run(ctx, deps);
  if (result.errors) throw new ProblemError("graphql-error", { data: result.errors });
  return { status: 200, body: result.data };
}
