// Why: checks one HTTP exchange against a swagger 2.0 document (the ML Server core spec or a
// generated per-service swagger): finds the operation, checks parameters, bodies, the bearer rule
// and the declared status codes, and returns human-readable problems instead of throwing.
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import type { Operation, Parameter, Response, Schema, SwaggerDoc } from "./spec";

/** What the validator needs to know about a body, whatever its encoding. */
export type BodyView =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "text"; text: string }
  | { kind: "form"; parts: { name: string; filename?: string }[] }
  | { kind: "bytes"; length: number };

export type RequestView = { method: string; path: string; query: URLSearchParams; headers: Record<string, string | undefined>; body: BodyView };
export type ResponseView = { status: number; contentType?: string; body: BodyView };
export type OperationMatch = { key: string; operation: Operation; pathParams: Record<string, string> };

type Template = { method: string; template: string; regex: RegExp; names: string[]; literals: number; operation: Operation };

const JSON_TYPE = /^application\/json\b/i;

function compileTemplate(method: string, template: string, operation: Operation): Template {
  const names: string[] = [];
  const segments = template.split("/").map((seg) => {
    const m = /^\{(.+)\}$/.exec(seg);
    if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    names.push(m[1]);
    return "([^/]+)";
  });
  const literals = template.split("/").filter((s) => s && !s.startsWith("{")).length;
  return { method: method.toUpperCase(), template, regex: new RegExp(`^${segments.join("/")}$`), names, literals, operation };
}

function rewriteRefs(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, base));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `${base}${v}` : rewriteRefs(v, base);
  }
  return out;
}

export type ValidatorOptions = {
  /** Operations callable without `Authorization: Bearer` (§1.3: every call after login carries one). */
  isOpen?: (op: Operation) => boolean;
  /** 200 answers that may come without their declared body (§1.4: revoke is documented as bare `HTTP 200`). */
  bodylessOk?: (op: Operation) => boolean;
};

export class SwaggerValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  private readonly templates: Template[];
  private readonly compiled = new Map<Schema, ValidateFunction>();
  private readonly base: string;

  constructor(private readonly doc: SwaggerDoc, private readonly opts: ValidatorOptions = {}) {
    addFormats(this.ajv);
    // The spec declares Snapshot.creationTime with the made-up format "YYYY-mm-dd": accept any
    // value that starts with such a date (the fixtures use "2018-02-16T10:15:09.917656").
    this.ajv.addFormat("YYYY-mm-dd", /^\d{4}-\d{2}-\d{2}/);
    this.base = `swagger:${doc.info.title}:${doc.info.version}`;
    this.ajv.addSchema(rewriteRefs({ definitions: doc.definitions }, this.base) as Schema, this.base);
    this.templates = Object.entries(doc.paths)
      .flatMap(([template, ops]) => Object.entries(ops).map(([m, op]) => compileTemplate(m, template, op)))
      .sort((a, b) => b.literals - a.literals);
  }

  /** The operation a request addresses, or undefined when the spec has none (e.g. GET /sessions/{id}). */
  match(method: string, path: string): OperationMatch | undefined {
    for (const t of this.templates) {
      const m = t.method === method.toUpperCase() ? t.regex.exec(path) : null;
      if (!m) continue;
      const pathParams = Object.fromEntries(t.names.map((n, i) => [n, safeDecode(m[i + 1])]));
      return { key: `${t.method} ${t.template}`, operation: t.operation, pathParams };
    }
    return undefined;
  }

  checkRequest(req: RequestView): string[] {
    const found = this.match(req.method, req.path);
    if (!found) return [`${req.method} ${req.path} is not an operation of the swagger`];
    const problems: string[] = [];
    const params = found.operation.parameters ?? [];
    for (const p of params) problems.push(...this.checkParameter(p, req, found.operation));
    if (!params.some((p) => p.in === "body" || p.in === "formData") && req.body.kind !== "none") {
      problems.push(`${found.operation.operationId} takes no request body, got ${req.body.kind}`);
    }
    const open = this.opts.isOpen?.(found.operation) ?? false;
    if (!open && !/^Bearer \S+$/.test(req.headers.authorization ?? "")) {
      problems.push(`${found.operation.operationId} needs "Authorization: Bearer <access_token>" (§1.3)`);
    }
    return problems;
  }

  private checkParameter(p: Parameter, req: RequestView, op: Operation): string[] {
    const where = `${op.operationId} ${p.in} parameter "${p.name}"`;
    switch (p.in) {
      case "path":
        return [];
      case "header": {
        const v = req.headers[p.name.toLowerCase()];
        return p.required && v === undefined ? [`${where} is required`] : [];
      }
      case "query": {
        const v = req.query.get(p.name);
        if (v === null) return p.required ? [`${where} is required`] : [];
        return p.type === "integer" && !/^-?\d+$/.test(v) ? [`${where} must be an integer`] : [];
      }
      case "body":
        return this.checkBody(p, req.body, contentTypeOf(req.headers), op);
      case "formData":
        return this.checkFormField(p, req.body, contentTypeOf(req.headers), op);
    }
  }

  private checkBody(p: Parameter, body: BodyView, contentType: string, op: Operation): string[] {
    const where = `${op.operationId} body "${p.name}"`;
    if (body.kind === "none") return p.required ? [`${where} is required`] : [];
    const consumes = op.consumes ?? this.doc.consumes ?? ["application/json"];
    if (!consumes.some((c) => contentType.toLowerCase().startsWith(c))) {
      return [`${where}: Content-Type "${contentType}" is not one of ${consumes.join(", ")}`];
    }
    if (p.schema?.type === "string" && p.schema.format === "binary") return [];
    if (body.kind !== "json") return [`${where} is not valid JSON`];
    return this.validate(p.schema ?? {}, body.value, where);
  }

  private checkFormField(p: Parameter, body: BodyView, contentType: string, op: Operation): string[] {
    const where = `${op.operationId} form field "${p.name}"`;
    if (!/^multipart\/form-data\b/i.test(contentType)) return [`${where}: Content-Type must be multipart/form-data, got "${contentType}"`];
    const part = body.kind === "form" ? body.parts.find((x) => x.name === p.name) : undefined;
    if (!part) return p.required ? [`${where} is required`] : [];
    return p.type === "file" && !part.filename ? [`${where} must be a file part (with a filename)`] : [];
  }

  checkResponse(req: Pick<RequestView, "method" | "path">, res: ResponseView): string[] {
    const found = this.match(req.method, req.path);
    if (!found) return res.status >= 200 && res.status < 300 ? [`${req.method} ${req.path} answered ${res.status} but is not an operation`] : [];
    const op = found.operation;
    const declared: Response | undefined = op.responses[String(res.status)];
    const success = res.status >= 200 && res.status < 300;
    if (!declared && success) {
      return [`${op.operationId} answered ${res.status}; the spec declares ${Object.keys(op.responses).join(", ")} (§5)`];
    }
    const response = declared ?? op.responses.default;
    const where = `${op.operationId} ${res.status} response`;
    if (!response) return [`${where} is not declared`];
    return this.checkResponseBody(response, res, where, !success || (this.opts.bodylessOk?.(op) ?? false));
  }

  private checkResponseBody(response: Response, res: ResponseView, where: string, emptyOk: boolean): string[] {
    const schema = response.schema;
    const body = res.body;
    if (!schema) return body.kind === "none" ? [] : [`${where} has no schema but a ${body.kind} body was sent`];
    if (schema.type === "file") return [];
    if (body.kind === "none") {
      if (schema.type === "string" || emptyOk) return [];
      return [`${where} is empty; the spec declares a body`];
    }
    if (!JSON_TYPE.test(res.contentType ?? "")) return [`${where}: Content-Type "${res.contentType ?? ""}" is not application/json`];
    if (body.kind !== "json") return [`${where} is not valid JSON`];
    return this.validate(schema, body.value, where);
  }

  private validate(schema: Schema, value: unknown, where: string): string[] {
    let fn = this.compiled.get(schema);
    if (!fn) {
      fn = this.ajv.compile(rewriteRefs(schema, this.base) as Schema);
      this.compiled.set(schema, fn);
    }
    if (fn(value)) return [];
    return (fn.errors ?? []).map((e) => `${where}${e.instancePath || ""} ${e.message ?? "is invalid"}${e.params && "allowedValues" in e.params ? ` (${JSON.stringify(e.params.allowedValues)})` : ""}`);
  }
}

function contentTypeOf(headers: Record<string, string | undefined>): string {
  return headers["content-type"] ?? "";
}

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
