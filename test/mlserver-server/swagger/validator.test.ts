// Why: proves the swagger check both passes and fails: every published/constructed exchange of
// mlserver-fixtures.json validates against 9.3.0 (and 9.1.0, the oldest version we stay compatible
// with), every deliberately wrong one is caught, and the published file alone shows the §7 clashes.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { coreValidator, OPEN_OPERATIONS } from "../exchange-check";
import { loadPublishedSpec, loadValidationSpec } from "./spec";
import { SwaggerValidator, type BodyView, type RequestView, type ResponseView } from "./validator";

type Fixture = {
  id: string;
  expect?: "invalid";
  method: string;
  path: string;
  requestHeaders?: Record<string, string>;
  requestBody?: unknown;
  status: number;
  responseHeaders?: Record<string, string>;
  responseBody: unknown;
  responseBodyEncoding?: "base64";
};

const FIXTURES = (JSON.parse(readFileSync(fileURLToPath(new URL("../spec/mlserver-fixtures.json", import.meta.url)), "utf8")) as { exchanges: Fixture[] }).exchanges;

function requestBody(f: Fixture): BodyView {
  if (f.requestBody === undefined) return { kind: "none" };
  const multipart = (f.requestBody as { multipart?: { name: string; filename?: string }[] }).multipart;
  if (multipart) return { kind: "form", parts: multipart.map(({ name, filename }) => ({ name, filename })) };
  return { kind: "json", value: f.requestBody };
}

function views(f: Fixture): { req: RequestView; res: ResponseView } {
  const url = new URL(f.path, "http://x");
  const headers = Object.fromEntries(Object.entries(f.requestHeaders ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const resType = Object.entries(f.responseHeaders ?? {}).find(([k]) => k.toLowerCase() === "content-type")?.[1];
  const body: BodyView = f.responseBody === null ? { kind: "none" }
    : f.responseBodyEncoding === "base64" ? { kind: "bytes", length: Buffer.from(String(f.responseBody), "base64").length }
    : { kind: "json", value: f.responseBody };
  return {
    req: { method: f.method, path: url.pathname, query: url.searchParams, headers, body: requestBody(f) },
    res: { status: f.status, contentType: resType ?? (body.kind === "json" ? "application/json; charset=utf-8" : undefined), body },
  };
}

function problems(v: SwaggerValidator, f: Fixture): string[] {
  const { req, res } = views(f);
  return [...v.checkRequest(req), ...v.checkResponse(req, res)];
}

const positives = FIXTURES.filter((f) => f.expect !== "invalid");
const negatives = FIXTURES.filter((f) => f.expect === "invalid");

describe("swagger check against the fixtures", () => {
  const core = coreValidator();

  it.each(positives.map((f) => [f.id, f] as const))("accepts %s against 9.3.0", (_id, f) => {
    expect(problems(core, f)).toEqual([]);
  });

  it.each(negatives.map((f) => [f.id, f] as const))("catches %s", (_id, f) => {
    expect(problems(core, f).length).toBeGreaterThan(0);
  });

  it("names what is wrong in a deliberately broken execute exchange", () => {
    const f = FIXTURES.find((x) => x.id === "negative-execute-types");
    expect(f && problems(core, f)).toEqual([
      "executeCode body \"executeRequest\"/outputParameters must be array",
      "executeCode 200 response/success must be boolean",
      "executeCode 200 response/changedFiles must be array",
    ]);
  });

  it("accepts the same exchanges against the 9.1.0 file (compatibility, §0)", () => {
    const v91 = new SwaggerValidator(loadValidationSpec("rserver-swagger-9.1.0.json"), {
      isOpen: (op) => OPEN_OPERATIONS.has(op.operationId),
      bodylessOk: (op) => op.operationId === "revokeRefreshToken",
    });
    for (const f of positives) expect([f.id, problems(v91, f)]).toEqual([f.id, []]);
  });

  it("shows the §7 contradictions when the published file is used without corrections", () => {
    const raw = new SwaggerValidator(loadPublishedSpec(), { isOpen: () => true, bodylessOk: () => true });
    const login = FIXTURES.find((x) => x.id === "login-ok");
    expect(login && problems(raw, login)).toEqual(["login 200 response/expires_on must be string"]);
    const inputs = FIXTURES.find((x) => x.id === "execute-inputs-outputs");
    expect(inputs && problems(raw, inputs).some((p) => p.includes("value must be object"))).toBe(true);
    // Without the "Required" marks turned into `required`, a missing code goes unnoticed.
    const missing = FIXTURES.find((x) => x.id === "negative-execute-missing-code");
    expect(missing && problems(raw, missing)).toEqual([]);
  });

  it("compiles every definition and operation schema of the corrected 9.3.0 file", () => {
    const doc = loadValidationSpec();
    const v = new SwaggerValidator(doc);
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => ({ method: m.toUpperCase(), path: path.replace(/\{[^}]+\}/g, "x"), op })));
    expect(ops).toHaveLength(43);
    const json: BodyView = { kind: "json", value: {} };
    for (const { method, path, op } of ops) {
      expect(v.match(method, path)?.operation).toBe(op);
      expect(() => v.checkRequest({ method, path, query: new URLSearchParams(), headers: { "content-type": "application/json" }, body: json })).not.toThrow();
      for (const status of Object.keys(op.responses).map((s) => (s === "default" ? 500 : Number(s)))) {
        expect(() => v.checkResponse({ method, path }, { status, body: json, contentType: "application/json" })).not.toThrow();
      }
    }
  });
});
