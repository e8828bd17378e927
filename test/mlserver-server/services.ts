// Why: published web services (§4): publish by name (GUID version) or name+version, patch, list,
// delete, per-service swagger; the snapshot a service uses is copied so it outlives the original.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { MlApiError } from "./errors";
import type { Runtime } from "./kernel";
import { serviceSwagger, type ParameterDefinition } from "./service-swagger";
import { specTimestamp, type Snapshot, type SnapshotStore } from "./snapshots";
import type { SwaggerDoc } from "./swagger/spec";

const ZParameterDefinition = z.object({
  name: z.string(),
  type: z.enum(["logical", "numeric", "integer", "character", "vector", "matrix", "data.frame"]),
});

/** PublishWebServiceRequest; .NET clients send absent fields as null. */
export const ZPublishRequest = z.object({
  code: z.string().nullish(),
  snapshotId: z.string().nullish(),
  description: z.string().nullish(),
  operationId: z.string().nullish(),
  inputParameterDefinitions: z.array(ZParameterDefinition).nullish(),
  outputParameterDefinitions: z.array(ZParameterDefinition).nullish(),
  runtimeType: z.enum(["R", "Python"]).nullish(),
  initCode: z.string().nullish(),
  outputFileNames: z.array(z.string()).nullish(),
});
export type PublishRequest = z.infer<typeof ZPublishRequest>;

export type WebService = {
  name: string;
  version: string;
  owner: string;
  creationTime: string;
  runtime: Runtime;
  code: string;
  initCode?: string;
  description?: string;
  operationId?: string;
  inputs: ParameterDefinition[];
  outputs: ParameterDefinition[];
  outputFileNames: string[];
  snapshotId?: string;
  /** Private copy of the snapshot's workspace and files. */
  snapshot?: Snapshot;
  swagger: SwaggerDoc;
};

export class ServiceStore {
  private readonly all = new Map<string, WebService>();

  constructor(private readonly root: string, private readonly snapshots: SnapshotStore) {}

  private key = (name: string, version: string) => `${name}\u0000${version}`;

  /** POST /services/{name}[/{version}] → the version published under. */
  publish(owner: string, name: string, version: string | undefined, req: PublishRequest): string {
    const v = version ?? randomUUID();
    const existing = this.all.get(this.key(name, v));
    if (existing && existing.owner !== owner) throw new MlApiError("FORBIDDEN", `Another user owns the web service '${name}' version '${v}'.`);
    // 9.3 lists 403 for an existing name+version on this operation (409 on the by-name and realtime ones, §4).
    if (existing) throw new MlApiError("FORBIDDEN", `A web service '${name}' version '${v}' exists. Use a patch request to update it.`);
    if (!req.code) throw new MlApiError("BAD_REQUEST", "The code of the web service is required.", { fields: "code" });
    const service: WebService = {
      name, version: v, owner, creationTime: specTimestamp(), runtime: req.runtimeType ?? "R", code: req.code,
      inputs: [], outputs: [], outputFileNames: [], swagger: serviceSwagger({ name, version: v, inputs: [], outputs: [] }),
    };
    this.apply(service, req);
    this.all.set(this.key(name, v), service);
    return v;
  }

  /** PATCH /services/{name}/{version}: only the fields sent change. */
  patch(owner: string, name: string, version: string, req: PublishRequest): void {
    const service = this.owned(owner, name, version);
    if (req.code) service.code = req.code;
    if (req.runtimeType) service.runtime = req.runtimeType;
    this.apply(service, req);
  }

  private apply(service: WebService, req: PublishRequest): void {
    if (req.snapshotId) {
      const snap = this.snapshots.get(service.owner, req.snapshotId);
      if (snap.runtime !== service.runtime) throw new MlApiError("BAD_REQUEST", `A ${snap.runtime} snapshot cannot back a ${service.runtime} service.`, { fields: "snapshotId" });
      if (service.snapshot) rmSync(service.snapshot.dir, { recursive: true, force: true });
      service.snapshot = this.snapshots.copyForService(snap, join(this.root, randomUUID()));
      service.snapshotId = req.snapshotId;
    }
    if (req.initCode !== undefined && req.initCode !== null) service.initCode = req.initCode;
    if (req.description !== undefined && req.description !== null) service.description = req.description;
    if (req.operationId !== undefined && req.operationId !== null) service.operationId = req.operationId;
    if (req.inputParameterDefinitions) service.inputs = req.inputParameterDefinitions;
    if (req.outputParameterDefinitions) service.outputs = req.outputParameterDefinitions;
    if (req.outputFileNames) service.outputFileNames = req.outputFileNames;
    service.swagger = serviceSwagger({ name: service.name, version: service.version, description: service.description, operationId: service.operationId, inputs: service.inputs, outputs: service.outputs });
  }

  list(filter: { name?: string; version?: string } = {}): WebService[] {
    return [...this.all.values()].filter((s) => (filter.name === undefined || s.name === filter.name) && (filter.version === undefined || s.version === filter.version));
  }

  get(name: string, version: string): WebService {
    const s = this.all.get(this.key(name, version));
    if (!s) throw new MlApiError("NOT_FOUND", `Web service '${name}' version '${version}' not found.`);
    return s;
  }

  private owned(owner: string, name: string, version: string): WebService {
    const s = this.get(name, version);
    if (s.owner !== owner) throw new MlApiError("FORBIDDEN", `Only the owner of '${name}' version '${version}' can change it.`);
    return s;
  }

  delete(owner: string, name: string, version: string): void {
    const s = this.owned(owner, name, version);
    this.all.delete(this.key(name, version));
    if (s.snapshot) rmSync(s.snapshot.dir, { recursive: true, force: true });
  }

  clear(): void {
    for (const s of this.all.values()) if (s.snapshot) rmSync(s.snapshot.dir, { recursive: true, force: true });
    this.all.clear();
  }
}

/** The WebService model of the spec; absent fields are left out rather than sent as null. */
export function webServiceJson(s: WebService, viewer: string): Record<string, unknown> {
  const optional = { snapshotId: s.snapshotId, initCode: s.initCode, description: s.description, operationId: s.operationId };
  return {
    name: s.name, version: s.version, versionPublishedBy: s.owner, creationTime: s.creationTime, runtimeType: s.runtime, code: s.code,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    inputParameterDefinitions: s.inputs, outputParameterDefinitions: s.outputs, outputFileNames: s.outputFileNames,
    myPermissionOnService: s.owner === viewer ? "read/write" : "read only",
  };
}
