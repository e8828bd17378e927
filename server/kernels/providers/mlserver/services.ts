// Web services on ML Server (§4): publish R code as a versioned REST service (optionally with a
// snapshot's workspace), list them, read a service's swagger, consume it and delete it. Not part
// of the kernel contract: the app reaches it as `provider.services`.
import { KernelError } from "@/server/errors";
import type { MlServerTransport } from "./transport";
import {
  ZSwaggerDocument, ZWebServiceList, ZWebServiceOneOrMany, ZWebServiceResult,
  type ParameterType, type RuntimeType, type WebService, type WebServiceResult,
} from "./schemas";

type Signal = { signal?: AbortSignal };

export type PublishServiceOptions = Signal & {
  name: string;
  version: string;
  /** Code run for each request; it reads the inputs and assigns the outputs by name. */
  code: string;
  /** Input name → type, e.g. { hp: "numeric", wt: "numeric" }. */
  inputs?: Record<string, ParameterType>;
  outputs?: Record<string, ParameterType>;
  description?: string;
  /** A snapshot whose workspace the service starts from (models, helper functions). */
  snapshotId?: string;
  /** Code run before each request. */
  initCode?: string;
  runtime?: RuntimeType;
  /** Files the service returns (base64, in `outputFiles`). */
  outputFileNames?: string[];
};

export type ServiceInfo = {
  name: string;
  version: string;
  description: string;
  runtime: string;
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  snapshotId: string | null;
  publishedBy: string | null;
  createdAt: string | null;
  /** "read/write" (owner) or "read only". */
  permission: string | null;
};

export type ServiceResult = WebServiceResult;

const seg = encodeURIComponent;

function definitions(types: Record<string, string> | undefined): { name: string; type: string }[] {
  return Object.entries(types ?? {}).map(([name, type]) => ({ name, type }));
}

function byName(defs: WebService["inputParameterDefinitions"]): Record<string, string> {
  return Object.fromEntries((defs ?? []).map((d) => [d.name, d.type ?? ""]));
}

function toInfo(s: WebService): ServiceInfo {
  return {
    name: s.name, version: s.version, description: s.description ?? "", runtime: s.runtimeType ?? "R",
    inputs: byName(s.inputParameterDefinitions), outputs: byName(s.outputParameterDefinitions),
    snapshotId: s.snapshotId || null, publishedBy: s.versionPublishedBy ?? null, createdAt: s.creationTime ?? null, permission: s.myPermissionOnService ?? null,
  };
}

export class MlServerServices {
  constructor(private readonly transport: MlServerTransport) {}

  /** `POST /services/{name}/{version}` → 201; 403/409 when that name and version exist. */
  async publish(options: PublishServiceOptions): Promise<{ name: string; version: string }> {
    const json: Record<string, unknown> = {
      code: options.code,
      inputParameterDefinitions: definitions(options.inputs),
      outputParameterDefinitions: definitions(options.outputs),
      runtimeType: options.runtime ?? "R",
    };
    if (options.description !== undefined) json.description = options.description;
    if (options.snapshotId) json.snapshotId = options.snapshotId;
    if (options.initCode) json.initCode = options.initCode;
    if (options.outputFileNames?.length) json.outputFileNames = options.outputFileNames;
    const path = `/services/${seg(options.name)}/${seg(options.version)}`;
    await this.transport.send({ method: "POST", path, json, expect: 201, what: "publish the web service", subject: "service", signal: options.signal, timeoutMs: 300_000 });
    return { name: options.name, version: options.version };
  }

  /** `GET /services` (or `/services/{name}`: the versions of one service). */
  async list(options: Signal & { name?: string } = {}): Promise<ServiceInfo[]> {
    const path = options.name ? `/services/${seg(options.name)}` : "/services";
    const services = await this.transport.json({ method: "GET", path, expect: 200, what: "list the web services", subject: "service", signal: options.signal }, ZWebServiceList);
    return services.map(toInfo);
  }

  /** One version (`GET /services/{name}/{version}`, declared an array, sent as one object too). */
  async get(name: string, version: string, options: Signal = {}): Promise<ServiceInfo> {
    const path = `/services/${seg(name)}/${seg(version)}`;
    const [service] = await this.transport.json({ method: "GET", path, expect: 200, what: "describe the web service", subject: "service", signal: options.signal }, ZWebServiceOneOrMany);
    if (!service) throw new KernelError("NOT_FOUND", "This ML Server web service (name and version) does not exist.");
    return toInfo(service);
  }

  /** The service's own swagger 2.0 document (`GET /api/{name}/{version}/swagger.json`). */
  async swagger(name: string, version: string, options: Signal = {}): Promise<Record<string, unknown>> {
    const path = `/api/${seg(name)}/${seg(version)}/swagger.json`;
    return this.transport.json({ method: "GET", path, expect: 200, what: "read the web service's swagger", subject: "service", signal: options.signal }, ZSwaggerDocument);
  }

  /** Calls the service (`POST /api/{name}/{version}` with input name → value); outputs keyed by name. */
  async consume(name: string, version: string, inputs: Record<string, unknown>, options: Signal & { timeoutMs?: number } = {}): Promise<ServiceResult> {
    const path = `/api/${seg(name)}/${seg(version)}`;
    return this.transport.json(
      { method: "POST", path, json: inputs, expect: 200, what: "call the web service", subject: "service", signal: options.signal, timeoutMs: options.timeoutMs ?? 300_000, long: true },
      ZWebServiceResult,
    );
  }

  /** `DELETE /services/{name}/{version}`. */
  async delete(name: string, version: string, options: Signal = {}): Promise<void> {
    const path = `/services/${seg(name)}/${seg(version)}`;
    await this.transport.send({ method: "DELETE", path, expect: 200, what: "delete the web service", subject: "service", signal: options.signal });
  }
}
