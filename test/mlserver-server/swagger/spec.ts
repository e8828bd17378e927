// Why: the published ML Server swagger (copied byte-for-byte into ../spec) as the test server
// validates against, plus a short list of corrections where the file contradicts itself. Each
// correction names the side followed; everything else is checked exactly as published.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type Schema = { [key: string]: unknown };
export type Parameter = { name: string; in: "path" | "query" | "header" | "body" | "formData"; required?: boolean; type?: string; schema?: Schema };
export type Response = { description?: string; schema?: Schema };
export type Operation = {
  operationId: string;
  parameters?: Parameter[];
  responses: Record<string, Response>;
  consumes?: string[];
  produces?: string[];
  security?: unknown[];
  tags?: string[];
  description?: string;
};
export type SwaggerDoc = {
  swagger: "2.0";
  info: { title: string; version: string; description?: string };
  schemes?: string[];
  tags?: { name: string; description?: string }[];
  consumes?: string[];
  produces?: string[];
  paths: Record<string, Record<string, Operation>>;
  definitions: Record<string, Schema>;
  securityDefinitions?: Record<string, unknown>;
};

export type SpecFile = "mlserver-swagger-9.3.0.json" | "rserver-swagger-9.1.0.json";

/** The published file, untouched. */
export function loadPublishedSpec(file: SpecFile = "mlserver-swagger-9.3.0.json"): SwaggerDoc {
  const path = fileURLToPath(new URL(`../spec/${file}`, import.meta.url));
  return JSON.parse(readFileSync(path, "utf8")) as SwaggerDoc;
}

const REQUIRED = /Required/;
const OPTIONAL = /Optional/;

/**
 * §7: the 9.1+ files mark required request fields only in their descriptions ("**Required**");
 * the schemas have no `required` list. We turn those marks into `required` (ExecuteRequest.code,
 * LoginRequest.username/password, RenewTokenRequest.refreshToken, PublishWebServiceRequest.code).
 */
function requiredFromDescriptions(defs: Record<string, Schema>): void {
  for (const def of Object.values(defs)) {
    const props = (def.properties ?? {}) as Record<string, Schema>;
    const required = Object.entries(props)
      .filter(([, p]) => typeof p.description === "string" && REQUIRED.test(p.description) && !OPTIONAL.test(p.description))
      .map(([name]) => name);
    if (required.length > 0) def.required = required;
  }
}

/** §7: PATCH reuses PublishWebServiceRequest for partial updates, so nothing is required there. */
function partialPatchBodies(doc: SwaggerDoc): void {
  doc.definitions["PublishWebServiceRequest.patch"] = { ...doc.definitions.PublishWebServiceRequest, required: undefined };
  for (const op of Object.values(doc.paths).flatMap((p) => (p.patch ? [p.patch] : []))) {
    for (const param of op.parameters ?? []) {
      if (param.in === "body" && param.schema?.$ref === "#/definitions/PublishWebServiceRequest") {
        param.schema = { $ref: "#/definitions/PublishWebServiceRequest.patch" };
      }
    }
  }
}

function property(doc: SwaggerDoc, def: string, prop: string): Schema {
  return (doc.definitions[def].properties as Record<string, Schema>)[prop];
}

/**
 * The spec's own examples and prose contradict its schemas in these places (§7 and below); the
 * test server follows the examples, so the schema is widened to admit them:
 * - AccessTokenResponse.expires_on: declared string, every example a number (§1.2). Default sent:
 *   a number (as real servers do); `expiresOnAsString` sends the declared string form.
 * - WorkspaceObject.value: declared `type: object`, but it carries any JSON value: 120, [7, 3.2]
 *   (§2.5, the spec's own mrsdeploy and Python examples).
 * - StatusResponse: `details` values declared objects and `components` an object, but the only
 *   example has numbers/strings in details and `components: null` on leaves (§2.10, §7).
 * - SwaggerJsonResponse: declared "an object whose every value is an object", which no swagger 2.0
 *   document can satisfy (`"swagger": "2.0"` is a string) while the description says the body is a
 *   valid swagger 2.0 document. Not listed in §7; we follow the description and check its shape.
 * Followed the schema instead of the example: GET /services/{name}/{version} answers an array
 * (the example shows one object, §4/§7); a client must accept both, this server sends the array.
 */
function widenContradictions(doc: SwaggerDoc): void {
  Object.assign(property(doc, "AccessTokenResponse", "expires_on"), { type: ["string", "number"] });
  const value = property(doc, "WorkspaceObject", "value");
  delete value.type;
  const status = doc.definitions.StatusResponse.properties as Record<string, Schema>;
  status.details = { type: "object", additionalProperties: {} };
  status.components = { type: ["object", "null"], additionalProperties: { $ref: "#/definitions/StatusResponse" } };
  doc.definitions.SwaggerJsonResponse = {
    type: "object",
    required: ["swagger", "info", "paths"],
    properties: { swagger: { enum: ["2.0"] }, info: { type: "object" }, paths: { type: "object" } },
  };
}

/** The swagger the server validates every exchange against: the published file plus the corrections above. */
export function loadValidationSpec(file: SpecFile = "mlserver-swagger-9.3.0.json"): SwaggerDoc {
  const doc = loadPublishedSpec(file);
  requiredFromDescriptions(doc.definitions);
  partialPatchBodies(doc);
  widenContradictions(doc);
  return doc;
}
