import { describe, expect, it } from "vitest";
import { KernelError } from "@/server/errors";
import { FakeMlServer } from "./fake-ml-server";
import { FIXTURES, SESSION_ID, SNAPSHOT_ID } from "./fixtures";

// The spec's own WebService example (GET /services/{name}/{version} sends one object, not an array).
const SERVICE = {
  name: "transmission", version: "v1.0.0", versionPublishedBy: "admin", creationTime: "2016-11-20T18:15:09.917656",
  snapshotId: SNAPSHOT_ID, runtimeType: "R", initCode: "", code: "result <- manualTransmission(hp, wt)", description: "Predicts transmission",
  operationId: "manualTransmission",
  inputParameterDefinitions: [{ name: "hp", type: "numeric" }, { name: "wt", type: "numeric" }],
  outputParameterDefinitions: [{ name: "result", type: "numeric" }],
  outputFileNames: [], myPermissionOnService: "read/write",
};
const INFO = {
  name: "transmission", version: "v1.0.0", description: "Predicts transmission", runtime: "R",
  inputs: { hp: "numeric", wt: "numeric" }, outputs: { result: "numeric" },
  snapshotId: SNAPSHOT_ID, publishedBy: "admin", createdAt: "2016-11-20T18:15:09.917656", permission: "read/write",
};

describe("mlserver snapshots", () => {
  it("creates (201), lists, loads and deletes snapshots", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    await provider.start();
    expect(await provider.snapshots.create(SESSION_ID, { name: "before-refactor" })).toBe(SNAPSHOT_ID);
    expect(fake.requests.at(-1)?.json).toEqual({ name: "before-refactor" });
    expect(await provider.snapshots.list()).toEqual([{ id: SNAPSHOT_ID, name: "before-refactor", owner: "admin", createdAt: "2018-02-16T10:15:09.917656", sizeBytes: 20480 }]);
    await provider.snapshots.load(SESSION_ID, SNAPSHOT_ID);
    await provider.snapshots.delete(SNAPSHOT_ID);
    const error = (await provider.snapshots.delete("unknown").catch((e: unknown) => e)) as KernelError;
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toMatch(/snapshot does not exist/);
    expect(fake.calls().slice(2)).toEqual([
      `POST /sessions/${SESSION_ID}/snapshot`, "GET /snapshots", `POST /sessions/${SESSION_ID}/loadsnapshot/${SNAPSHOT_ID}`, `DELETE /snapshots/${SNAPSHOT_ID}`, "DELETE /snapshots/unknown",
    ]);
  });
});

describe("mlserver services", () => {
  it("publishes with the definitions as arrays (201)", async () => {
    const fake = new FakeMlServer();
    fake.route("POST", "/services/transmission/v1.0.0", { status: 201, body: "Created" });
    const { services } = fake.provider();
    const published = await services.publish({
      name: "transmission", version: "v1.0.0", code: "result <- manualTransmission(hp, wt)", description: "Predicts transmission",
      inputs: { hp: "numeric", wt: "numeric" }, outputs: { result: "numeric" }, snapshotId: SNAPSHOT_ID,
    });
    expect(published).toEqual({ name: "transmission", version: "v1.0.0" });
    expect(fake.requests.at(-1)?.json).toEqual({
      code: "result <- manualTransmission(hp, wt)", description: "Predicts transmission", snapshotId: SNAPSHOT_ID, runtimeType: "R",
      inputParameterDefinitions: [{ name: "hp", type: "numeric" }, { name: "wt", type: "numeric" }],
      outputParameterDefinitions: [{ name: "result", type: "numeric" }],
    });
  });

  it("says so when the name and version exist (409) or belong to another user (403)", async () => {
    const fake = new FakeMlServer();
    fake.route("POST", "/services/transmission/v1.0.0", { status: 409, body: { message: "Conflict" } }, { times: 1 });
    fake.route("DELETE", "/services/transmission/v1.0.0", { status: 403 });
    const { services } = fake.provider();
    const conflict = (await services.publish({ name: "transmission", version: "v1.0.0", code: "1" }).catch((e: unknown) => e)) as KernelError;
    expect(conflict.message).toBe("ML Server could not publish the web service: one with the same name and version already exists. ML Server said: Conflict");
    const forbidden = (await services.delete("transmission", "v1.0.0").catch((e: unknown) => e)) as KernelError;
    expect(forbidden.message).toMatch(/^ML Server does not allow this user to delete the web service/);
  });

  it("lists services and reads one version sent as an array or as one object", async () => {
    const fake = new FakeMlServer();
    fake.route("GET", "/services", { status: 200, body: [SERVICE] });
    fake.route("GET", "/services/transmission", { status: 200, body: [SERVICE] });
    fake.route("GET", "/services/transmission/v1.0.0", { status: 200, body: SERVICE }, { times: 1 });
    fake.route("GET", "/services/transmission/v1.0.0", { status: 200, body: [SERVICE] }, { times: 1 });
    const { services } = fake.provider();
    expect(await services.list()).toEqual([INFO]);
    expect(await services.list({ name: "transmission" })).toEqual([INFO]);
    expect(await services.get("transmission", "v1.0.0")).toEqual(INFO);
    expect(await services.get("transmission", "v1.0.0")).toEqual(INFO);
  });

  it("reads a service's swagger, consumes it and deletes it", async () => {
    const fake = new FakeMlServer();
    const swagger = { swagger: "2.0", info: { title: "transmission", version: "v1.0.0" }, paths: {} };
    fake.route("GET", "/api/transmission/v1.0.0/swagger.json", { status: 200, body: swagger });
    fake.route("POST", "/api/transmission/v1.0.0", { status: 200, body: { success: true, errorMessage: "", consoleOutput: "", changedFiles: [], outputParameters: { result: 0.64 } } });
    fake.route("DELETE", "/services/transmission/v1.0.0", { status: 200 });
    const { services } = fake.provider();
    expect(await services.swagger("transmission", "v1.0.0")).toEqual(swagger);
    expect(await services.consume("transmission", "v1.0.0", { hp: 120, wt: 2.8 })).toEqual({
      success: true, errorMessage: "", consoleOutput: "", changedFiles: [], outputs: { result: 0.64 }, outputFiles: {},
    });
    expect(fake.requests.at(-1)?.json).toEqual({ hp: 120, wt: 2.8 });
    await services.delete("transmission", "v1.0.0");
    expect(fake.calls().slice(1)).toEqual(["GET /api/transmission/v1.0.0/swagger.json", "POST /api/transmission/v1.0.0", "DELETE /services/transmission/v1.0.0"]);
  });

  it("maps an unknown service to NOT_FOUND", async () => {
    const fake = new FakeMlServer();
    fake.route("GET", "/services/nope/v1", { status: 404, body: FIXTURES["session-not-found"] });
    const error = (await fake.provider().services.get("nope", "v1").catch((e: unknown) => e)) as KernelError;
    expect(error.code).toBe("NOT_FOUND");
  });
});
