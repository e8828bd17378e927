// Why: §4 web services: publish (by name → GUID version, or name+version), patch, list, delete,
// the generated swagger, the 9.3 dedicated pool, and consumption (POST /api/{name}/{version}).
import { z } from "zod";
import { consumeService } from "../consume";
import { MlApiError } from "../errors";
import { json, str } from "../http";
import { webServiceJson, ZPublishRequest } from "../services";
import { parseJson, type Handler } from "./context";

const ZPool = z.object({ InitialPoolSize: z.number().int().min(0).nullish(), MaxPoolSize: z.number().int().min(0).nullish() });

export const serviceRoutes: Record<string, Handler> = {
  getAllWebServices: async (ctx, deps) => json(200, deps.services.list().map((s) => webServiceJson(s, ctx.user))),
  getAllWebServiceVersionsByName: async (ctx, deps) =>
    json(200, deps.services.list({ name: ctx.params.name }).map((s) => webServiceJson(s, ctx.user))),
  // Declared as an array although the spec's example is one object (§4, §7); we follow the schema.
  getWebServiceVersion: async (ctx, deps) => json(200, [webServiceJson(deps.services.get(ctx.params.name, ctx.params.version), ctx.user)]),
  publishWebService: async (ctx, deps) => {
    const version = deps.services.publish(ctx.user, ctx.params.name, undefined, parseJson(ZPublishRequest, ctx.json));
    return str(201, version);
  },
  publishWebServiceVersion: async (ctx, deps) => {
    deps.services.publish(ctx.user, ctx.params.name, ctx.params.version, parseJson(ZPublishRequest, ctx.json));
    return str(201, "Created.");
  },
  patchWebServiceVersion: async (ctx, deps) => {
    deps.services.patch(ctx.user, ctx.params.name, ctx.params.version, parseJson(ZPublishRequest, ctx.json));
    return str(200, "OK");
  },
  deleteWebServiceVersion: async (ctx, deps) => {
    deps.services.delete(ctx.user, ctx.params.name, ctx.params.version);
    return { status: 200, kind: "empty" };
  },
  GetWebServiceSwagger: async (ctx, deps) => json(200, deps.services.get(ctx.params.name, ctx.params.version).swagger),
  createOrUpdateServicePool: async (ctx, deps) => {
    deps.services.get(ctx.params.name, ctx.params.version);
    const body = parseJson(ZPool, ctx.json);
    if ((body.InitialPoolSize ?? 0) > (body.MaxPoolSize ?? Number.MAX_SAFE_INTEGER)) {
      throw new MlApiError("BAD_REQUEST", "InitialPoolSize must not exceed MaxPoolSize.", { fields: "InitialPoolSize" });
    }
    return str(200, "Created.");
  },
  getServicePoolStatus: async (ctx, deps) => {
    deps.services.get(ctx.params.name, ctx.params.version);
    return json(200, [{ ComputeNodeEndpoint: `${deps.url()}/`, Status: "Success" }]);
  },
  deleteServicePool: async (ctx, deps) => {
    deps.services.get(ctx.params.name, ctx.params.version);
    return str(200, "Deleted.");
  },
};

/** Consumption is defined by the per-service swagger, not the core spec; its errors use {code, message, fields}. */
export const consumeRoute: Handler = async (ctx, deps) => {
  const service = deps.services.get(ctx.params.name, ctx.params.version);
  const inputs = z.record(z.string(), z.unknown()).safeParse(ctx.json ?? {});
  if (!inputs.success) throw new MlApiError("BAD_REQUEST", "The inputs must be a JSON object of name → value.", { shape: "empty" });
  return json(200, await consumeService({ service, inputs: inputs.data, snapshots: deps.snapshots, faults: deps.faults, root: deps.root }));
};
