// Zod schemas of the ML Server 9.x answers this provider reads, derived from the definitions of
// mlserver-swagger-9.3.0.json (compatible with 9.1+). The swagger marks no response field required,
// and .NET servers write absent values as null, so every field is optional and nullable here; the
// known spec/reality mismatches (expires_on a number, a service as one object) are accepted.
import { z } from "zod";

const ZText = z.string().nullish();

/** `AccessTokenResponse`; `expires_on` is declared string but sent as a number (mlserver.md §1.2). */
export const ZAccessTokenResponse = z.object({
  token_type: ZText,
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_on: z.union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*$/)]).nullish().transform((v) => (v === null || v === undefined ? undefined : Number(v))),
  /** Not in the schema; present in every documented example. */
  expires_in: z.union([z.number(), z.string().regex(/^\s*\d+\s*$/)]).nullish().transform((v) => (v === null || v === undefined ? undefined : Number(v))),
});
export type AccessTokenResponse = z.infer<typeof ZAccessTokenResponse>;

/** `Error` of the core spec (message, link, exceptionType) or of the per-service swaggers (code, message, fields). */
export const ZErrorBody = z.object({
  message: ZText,
  link: ZText,
  exceptionType: ZText,
  code: z.union([z.number(), z.string()]).nullish(),
  fields: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ZErrorBody>;

export const RUNTIME_TYPES = ["R", "Python"] as const;
export type RuntimeType = (typeof RUNTIME_TYPES)[number];

/** `Session`; `runtimeType` only from 9.1 on (absent: R). */
export const ZSession = z.object({
  id: z.string(),
  name: ZText,
  owner: ZText,
  runtimeType: z.enum(RUNTIME_TYPES).nullish(),
});
export type Session = z.infer<typeof ZSession>;
export const ZSessionList = z.array(ZSession);

export const ZCreateSessionResponse = z.object({ sessionId: z.string().min(1) });
export const ZCreateSnapshotResponse = z.object({ snapshotId: z.string().min(1) });

/** `WorkspaceObject`: `value` is declared `object` but carries any JSON value (§2.5). */
export const ZWorkspaceObject = z.object({ name: z.string(), value: z.unknown() });
export type WorkspaceObject = z.infer<typeof ZWorkspaceObject>;

/** `ExecuteResponse`: HTTP 200 also for code errors (`success: false`, §2.5). */
export const ZExecuteResponse = z
  .object({
    success: z.boolean().nullish(),
    errorMessage: ZText,
    outputParameters: z.array(ZWorkspaceObject).nullish(),
    consoleOutput: ZText,
    changedFiles: z.array(z.string()).nullish(),
  })
  .transform((r) => ({
    // Without `success`, an error message is what tells a failure apart.
    success: r.success ?? !r.errorMessage,
    errorMessage: r.errorMessage ?? "",
    outputParameters: r.outputParameters ?? [],
    consoleOutput: r.consoleOutput ?? "",
    changedFiles: r.changedFiles ?? [],
  }));
export type ExecuteResult = z.infer<typeof ZExecuteResponse>;

export const ZConsoleOutputResponse = z.object({ consoleOutput: ZText }).transform((r) => r.consoleOutput ?? "");

/** File names (GET .../files) and workspace object names (GET .../workspace). */
export const ZNameList = z.array(z.string());

/** `Snapshot`; creationTime is declared "YYYY-mm-dd" but servers send timestamps: kept as text. */
export const ZSnapshot = z.object({
  id: z.string(),
  name: ZText,
  owner: ZText,
  creationTime: ZText,
  contentSize: z.number().nullish(),
});
export type Snapshot = z.infer<typeof ZSnapshot>;
export const ZSnapshotList = z.array(ZSnapshot);

export const PARAMETER_TYPES = ["logical", "numeric", "integer", "character", "vector", "matrix", "data.frame"] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

/** `ParameterDefinition`; the enum is `modelAsString`, so unknown types are kept as text. */
export const ZParameterDefinition = z.object({ name: z.string(), type: z.string().nullish() });

/** `WebService` (name and version are the schema's only required fields). */
export const ZWebService = z.object({
  name: z.string(),
  version: z.string(),
  versionPublishedBy: ZText,
  creationTime: ZText,
  snapshotId: ZText,
  runtimeType: ZText,
  initCode: ZText,
  code: ZText,
  description: ZText,
  operationId: ZText,
  inputParameterDefinitions: z.array(ZParameterDefinition).nullish(),
  outputParameterDefinitions: z.array(ZParameterDefinition).nullish(),
  outputFileNames: z.array(z.string()).nullish(),
  myPermissionOnService: ZText,
});
export type WebService = z.infer<typeof ZWebService>;
export const ZWebServiceList = z.array(ZWebService);
/** GET /services/{name}/{version}: declared an array, the spec's example is one object (§4). */
export const ZWebServiceOneOrMany = z.union([ZWebServiceList, ZWebService.transform((s) => [s])]);

/** `SwaggerJsonResponse`: a swagger 2.0 document, kept as an opaque JSON object. */
export const ZSwaggerDocument = z.record(z.string(), z.unknown());

/**
 * `WebServiceResult` of a per-service swagger (§4): outputs keyed by name, output files as
 * base64 in `outputFiles` (read so by the Python SDK).
 */
export const ZWebServiceResult = z
  .object({
    success: z.boolean().nullish(),
    errorMessage: ZText,
    consoleOutput: ZText,
    changedFiles: z.array(z.string()).nullish(),
    outputParameters: z.record(z.string(), z.unknown()).nullish(),
    outputFiles: z.record(z.string(), z.string()).nullish(),
  })
  .transform((r) => ({
    success: r.success ?? !r.errorMessage,
    errorMessage: r.errorMessage ?? "",
    consoleOutput: r.consoleOutput ?? "",
    changedFiles: r.changedFiles ?? [],
    outputs: r.outputParameters ?? {},
    outputFiles: r.outputFiles ?? {},
  }));
export type WebServiceResult = z.infer<typeof ZWebServiceResult>;
