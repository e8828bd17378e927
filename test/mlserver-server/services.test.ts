// Why: §4 web services against real R: publish (name+version, and by name with a GUID version),
// list, the generated swagger, consume with JSON inputs (snapshot, initCode, output files),
// patch, ownership, delete; the consume exchanges are checked against the generated swagger.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { MlServerTestServer } from "./server";
import { serveSuite } from "./suite-server";
import { PNG_MAGIC, TestClient } from "./test-client";

let srv: MlServerTestServer;
let c: TestClient;
serveSuite({ users: [{ username: "admin", password: "a" }, { username: "sean", password: "s" }] }, (server, client) => {
  srv = server;
  c = client;
});

const ZResult = z.object({
  success: z.boolean(), errorMessage: z.string(), consoleOutput: z.string(), changedFiles: z.array(z.string()),
  outputParameters: z.record(z.string(), z.unknown()), outputFiles: z.record(z.string(), z.string()),
});

const addition = {
  code: "result <- x + y",
  description: "Addition Service.",
  operationId: "add",
  inputParameterDefinitions: [{ name: "x", type: "numeric" }, { name: "y", type: "numeric" }],
  outputParameterDefinitions: [{ name: "result", type: "numeric" }],
  runtimeType: "R",
};

describe("ML Server test server: web services (§4)", () => {
  it("publishes, lists, describes and consumes a service", async () => {
    expect((await c.call("POST", "/services/addition/1.0", { json: addition })).status).toBe(201);
    const all = (await c.call("GET", "/services")).json;
    expect(all).toEqual([expect.objectContaining({ name: "addition", version: "1.0", versionPublishedBy: "admin", runtimeType: "R", operationId: "add", myPermissionOnService: "read/write" })]);
    expect((await c.call("GET", "/services/addition")).json).toEqual(all);
    expect((await c.call("GET", "/services/addition/1.0")).json).toEqual(all);

    const swagger = (await c.call("GET", "/api/addition/1.0/swagger.json")).json as { swagger: string; paths: Record<string, { post?: { operationId: string } }>; definitions: Record<string, unknown> };
    expect(swagger.swagger).toBe("2.0");
    expect(swagger.paths["/api/addition/1.0"].post?.operationId).toBe("add");
    expect(swagger.definitions.InputParameters).toEqual({ type: "object", properties: { x: { type: "number", description: "numeric" }, y: { type: "number", description: "numeric" } } });

    const res = await c.call("POST", "/api/addition/1.0", { json: { x: 120, y: 130 } });
    expect(ZResult.parse(res.json)).toEqual({ success: true, errorMessage: "", consoleOutput: "", changedFiles: [], outputParameters: { result: 250 }, outputFiles: {} });
    const other = new TestClient(srv, { username: "sean", password: "s" });
    await other.login();
    expect(ZResult.parse((await other.call("POST", "/api/addition/1.0", { json: { x: 1, y: 2 } })).json).outputParameters).toEqual({ result: 3 });
    expect((await other.call("GET", "/services/addition/1.0")).json).toEqual([expect.objectContaining({ myPermissionOnService: "read only" })]);
  });

  it("bakes a snapshot and initCode into the service and returns output files as base64", async () => {
    const s = await c.createSession({});
    await c.execute(s, "model <- lm(mpg ~ wt, data = mtcars)");
    const snapshotId = z.object({ snapshotId: z.string() }).parse((await c.call("POST", `/sessions/${s}/snapshot`, { json: {} })).json).snapshotId;
    const publish = await c.call("POST", "/services/mpg/v1.0.0", {
      json: {
        snapshotId, initCode: "library(stats); scale <- 1",
        code: 'answer <- round(unname(predict(model, data.frame(wt = wt))) * scale, 2)\npng("plot.png"); plot(mtcars$wt, mtcars$mpg); dev.off()\ncat("scored", length(wt), "\\n")',
        inputParameterDefinitions: [{ name: "wt", type: "vector" }], outputParameterDefinitions: [{ name: "answer", type: "vector" }], outputFileNames: ["plot.png"],
      },
    });
    expect(publish.status).toBe(201);
    // The Python SDK deletes the snapshot right after publishing; the service keeps working.
    expect((await c.call("DELETE", `/snapshots/${snapshotId}`)).status).toBe(200);
    const r = ZResult.parse((await c.call("POST", "/api/mpg/v1.0.0", { json: { wt: [3] } })).json);
    expect(r).toMatchObject({ success: true, outputParameters: { answer: [21.25] }, changedFiles: ["plot.png"] });
    expect(r.consoleOutput).toContain("scored 1 \r\n");
    expect(Buffer.from(r.outputFiles["plot.png"], "base64").subarray(0, 4)).toEqual(PNG_MAGIC);
  });

  it("runs Python services", async () => {
    const py = { code: "doubled = [v * 2 for v in xs]", runtimeType: "Python", inputParameterDefinitions: [{ name: "xs", type: "vector" }], outputParameterDefinitions: [{ name: "doubled", type: "vector" }] };
    expect((await c.call("POST", "/services/double/1.0", { json: py })).status).toBe(201);
    expect(ZResult.parse((await c.call("POST", "/api/double/1.0", { json: { xs: [1, 2.5] } })).json).outputParameters).toEqual({ doubled: [2, 5] });
  });

  it("reports a failing service run as success:false", async () => {
    await c.call("POST", "/services/broken/1", { json: { code: 'stop("no model")', outputParameterDefinitions: [{ name: "y", type: "numeric" }] } });
    const r = ZResult.parse((await c.call("POST", "/api/broken/1", { json: {} })).json);
    expect(r).toMatchObject({ success: false, errorMessage: "Error: no model\r\n", outputParameters: {} });
  });

  it("publishes by name with a GUID version, patches, guards ownership and deletes", async () => {
    expect((await c.call("POST", "/services/dev-only", { json: { code: "z <- 1" } })).status).toBe(201);
    const [dev] = z.array(z.object({ version: z.string() })).parse((await c.call("GET", "/services/dev-only")).json);
    expect(dev.version).toMatch(/^[0-9a-f-]{36}$/);

    expect((await c.call("POST", "/services/addition/1.0", { json: addition })).status).toBe(403);
    expect((await c.call("PATCH", "/services/addition/1.0", { json: { description: "Adds.", runtimeType: "R" } })).status).toBe(200);
    expect((await c.call("GET", "/services/addition/1.0")).json).toEqual([expect.objectContaining({ description: "Adds.", code: "result <- x + y" })]);

    const sean = new TestClient(srv, { username: "sean", password: "s" });
    await sean.login();
    expect((await sean.call("DELETE", "/services/addition/1.0")).status).toBe(403);
    expect((await sean.call("PATCH", "/services/addition/1.0", { json: { description: "mine" } })).status).toBe(403);

    expect((await c.call("POST", "/services/addition/1.0/pool", { json: { InitialPoolSize: 1, MaxPoolSize: 2 } })).status).toBe(200);
    expect((await c.call("GET", "/services/addition/1.0/pool")).json).toEqual([{ ComputeNodeEndpoint: `${srv.url}/`, Status: "Success" }]);
    expect((await c.call("DELETE", "/services/addition/1.0/pool")).status).toBe(200);

    expect((await c.call("DELETE", "/services/addition/1.0")).status).toBe(200);
    expect((await c.call("GET", "/services/addition/1.0")).status).toBe(404);
    const gone = await c.call("POST", "/api/addition/1.0", { json: { x: 1, y: 2 } });
    expect(gone).toMatchObject({ status: 404, json: { code: 404, message: "Web service 'addition' version '1.0' not found." } });
    expect((await c.call("GET", "/api/addition/1.0/swagger.json")).status).toBe(404);
  });
});
