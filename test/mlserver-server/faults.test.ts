// Why: the switchable faults (busy, pool size, slowness, error body shapes, line ends, string
// bodies) and proof that the swagger check fails on deliberately invalid requests and responses.
import { describe, expect, it } from "vitest";
import { startMlServerTestServer, type MlServerTestServer } from "./server";
import { serveSuite } from "./suite-server";
import { TestClient } from "./test-client";

let srv: MlServerTestServer;
let c: TestClient;
serveSuite({}, (server, client) => {
  srv = server;
  c = client;
});

/** Takes the violations recorded so far (tests that provoke them assert on them, then clear them). */
const takeViolations = () => srv.violations.splice(0);

describe("ML Server test server: faults", () => {
  it("answers 503 with an empty body when no shell is free (busy, or the pool is full)", async () => {
    srv.faults.busy503 = true;
    const busy = await c.call("POST", "/sessions", { json: { runtimeType: "R" } });
    expect([busy.status, busy.text]).toEqual([503, ""]);
    srv.faults.busy503 = false;
    srv.faults.maxSessions = 1;
    const only = await c.createSession({});
    expect((await c.call("POST", "/sessions", { json: {} })).status).toBe(503);
    await c.call("DELETE", `/sessions/${only}`);
    srv.faults.maxSessions = 80;
    expect(await c.createSession({})).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("delays every answer by slowMs", async () => {
    srv.faults.slowMs = 300;
    const t0 = Date.now();
    expect((await c.call("GET", "/sessions")).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    srv.faults.slowMs = 0;
  });

  it("writes errors in either documented shape, or with no body", async () => {
    const path = "/sessions/00000000-0000-0000-0000-000000000000/history";
    expect((await c.call("GET", path)).json).toEqual({ message: "Session '00000000-0000-0000-0000-000000000000' not found." });
    srv.faults.errorBody = "code-message-fields";
    expect((await c.call("GET", path)).json).toEqual({ code: 404, message: "Session '00000000-0000-0000-0000-000000000000' not found." });
    srv.faults.errorBody = "empty";
    expect(await c.call("GET", path)).toMatchObject({ status: 404, text: "" });
    srv.faults.errorBody = undefined;
  });

  it("switches line ends and the content of string answers", async () => {
    const id = await c.createSession({});
    srv.faults.lineEnding = "\n";
    expect(await c.execute(id, 'print(1); stop("x")')).toMatchObject({ consoleOutput: "[1] 1\n", errorMessage: "Error: x\n" });
    srv.faults.lineEnding = "\r\n";
    srv.faults.stringBody = "json-string";
    const cancel = await c.call("POST", `/sessions/${id}/cancel`);
    expect([cancel.headers.get("content-type"), cancel.json]).toEqual(["application/json; charset=utf-8", "OK"]);
    srv.faults.stringBody = "empty";
    expect((await c.call("DELETE", `/sessions/${id}`)).text).toBe("");
  });
});

describe("ML Server test server: the swagger check can fail", () => {
  it("catches a deliberately wrong response (a 2xx status the spec does not declare)", async () => {
    srv.faults.corruptResponses = 1;
    const res = await c.call("POST", "/sessions", { json: {} });
    expect(res.status).toBe(200);
    expect(takeViolations()).toEqual(["POST /sessions → 200: createSession answered 200; the spec declares 201, default (§5)"]);
  });

  it("catches deliberately invalid requests and answers them 400/404", async () => {
    const id = await c.createSession({});
    expect((await c.call("POST", `/sessions/${id}/execute`, { json: { inputParameters: [] } })).status).toBe(400);
    expect((await c.call("POST", `/sessions/${id}/execute`, { body: '{"code":"1"}', headers: { "Content-Type": "text/plain" } })).status).toBe(400);
    expect((await c.upload(id, "a.csv", "a\r\n1\r\n", "upload")).status).toBe(400);
    expect((await c.call("GET", `/sessions/${id}`)).status).toBe(404);
    expect(takeViolations()).toEqual([
      `POST /sessions/${id}/execute: executeCode body "executeRequest" must have required property 'code'`,
      `POST /sessions/${id}/execute: executeCode body "executeRequest": Content-Type "text/plain" is not one of application/json`,
      `POST /sessions/${id}/files: uploadSessionFile form field "file" is required`,
      `GET /sessions/${id}: not an operation of the swagger`,
    ]);
  });

  it("checks consumption against the service's own generated swagger", async () => {
    await c.call("POST", "/services/add/1", { json: { code: "r <- x + 1", inputParameterDefinitions: [{ name: "x", type: "numeric" }], outputParameterDefinitions: [{ name: "r", type: "numeric" }] } });
    expect((await c.call("POST", "/api/add/1", { json: { x: 1 } })).json).toMatchObject({ outputParameters: { r: 2 } });
    expect(takeViolations()).toEqual([]);
    await c.call("POST", "/api/add/1", { json: { x: "one" } });
    expect(takeViolations()).toEqual(['POST /api/add/1: consume body "WebServiceParameters"/x must be number']);
  });

  it("validates nothing when validate is false", async () => {
    const quiet = await startMlServerTestServer({ validate: false });
    try {
      const q = new TestClient(quiet);
      await q.login();
      expect((await q.call("GET", "/no/such/route")).status).toBe(404);
      expect([quiet.exchanges, quiet.violations]).toEqual([0, []]);
    } finally {
      await quiet.close();
    }
  });
});
