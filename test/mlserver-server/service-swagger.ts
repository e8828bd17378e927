// Why: GET /api/{name}/{version}/swagger.json (§4): the swagger 2.0 document a web node generates
// for one published service, shaped like the per-service swaggers saved from live servers
// (S3-flight-swagger in mlserver.md): login/refresh, the consume operation, WebServiceResult.
import type { ParameterType } from "./r-literal";
import type { Schema, SwaggerDoc } from "./swagger/spec";

export type ParameterDefinition = { name: string; type: ParameterType };
export type ServiceShape = { name: string; version: string; description?: string; operationId?: string; inputs: ParameterDefinition[]; outputs: ParameterDefinition[] };

const JSON_SCHEMA: Record<ParameterType, Schema> = {
  logical: { type: "boolean" },
  numeric: { type: "number" },
  integer: { type: "integer", format: "int32" },
  character: { type: "string" },
  vector: { type: "array", items: {} },
  matrix: { type: "array", items: { type: "array", items: {} } },
  "data.frame": { type: "object" },
};

function parameters(defs: ParameterDefinition[]): Schema {
  return { type: "object", properties: Object.fromEntries(defs.map((d) => [d.name, { ...JSON_SCHEMA[d.type], description: d.type }])) };
}

const error = (text: string) => ({ description: text, schema: { $ref: "#/definitions/Error" } });

function authPaths(): SwaggerDoc["paths"] {
  const token = { 200: { description: "OK", schema: { $ref: "#/definitions/AccessTokenResponse" } } };
  return {
    "/login": { post: { operationId: "login", parameters: [{ name: "loginRequest", in: "body", required: true, schema: { $ref: "#/definitions/LoginRequest" } }], responses: { ...token, default: error("Error \n * 401 - Invalid Password") } } },
    "/login/refreshToken": {
      post: { operationId: "renewToken", parameters: [{ name: "renewTokenRequest", in: "body", required: true, schema: { $ref: "#/definitions/RenewTokenRequest" } }], responses: { ...token, default: error("Error \n * 401 - Invalid or expired refresh token") } },
      delete: { operationId: "revokeRefreshToken", parameters: [{ name: "refreshToken", in: "query", required: true, type: "string" }], responses: { ...token, default: error("Error \n * 401 - Invalid or expired refresh token") } },
    },
  };
}

export function serviceSwagger(s: ServiceShape): SwaggerDoc {
  const text = (o: Record<string, unknown>) => ({ type: "object", properties: o });
  return {
    swagger: "2.0",
    info: { description: s.description ?? "", title: s.name, version: s.version },
    schemes: ["http", "https"],
    securityDefinitions: { Bearer: { type: "apiKey", name: "Authorization", in: "header" } },
    tags: [{ name: s.name, description: "" }],
    consumes: ["application/json"],
    produces: ["application/json"],
    paths: {
      ...authPaths(),
      [`/api/${s.name}/${s.version}`]: {
        post: {
          security: [{ Bearer: [] }],
          operationId: s.operationId || "consume",
          tags: [s.name],
          description: `Consume the ${s.name} web service.`,
          parameters: [{ name: "WebServiceParameters", in: "body", required: true, schema: { $ref: "#/definitions/InputParameters" } }],
          responses: { 200: { description: "OK", schema: { $ref: "#/definitions/WebServiceResult" } }, 400: { description: "Bad Request." }, 500: { description: "Internal Server Error." }, default: error("Unexpected error.") },
        },
      },
    },
    definitions: {
      InputParameters: parameters(s.inputs),
      OutputParameters: parameters(s.outputs),
      Error: text({ code: { type: "integer", format: "int32" }, message: { type: "string" }, fields: { type: "string" } }),
      WebServiceResult: text({
        success: { type: "boolean" },
        errorMessage: { type: "string" },
        consoleOutput: { type: "string" },
        changedFiles: { type: "array", items: { type: "string" } },
        outputParameters: { $ref: "#/definitions/OutputParameters" },
        // Files named in outputFileNames, base64 (the Python SDK reads them from here, §4).
        outputFiles: { type: "object", additionalProperties: { type: "string", format: "byte" } },
      }),
      LoginRequest: text({ username: { type: "string" }, password: { type: "string" } }),
      RenewTokenRequest: text({ refreshToken: { type: "string" } }),
      AccessTokenResponse: text({ token_type: { type: "string" }, access_token: { type: "string" }, expires_on: { type: ["string", "number"] }, refresh_token: { type: "string" } }),
    },
  };
}
