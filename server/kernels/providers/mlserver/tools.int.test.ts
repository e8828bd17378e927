// The provider's optional capabilities and ML Server extras against the protocol test server:
// working-directory files, the environment pane, completion, snapshots and web services; every
// exchange checked against the swagger (and each service's own generated swagger).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KernelError } from "@/server/errors";
import { startMlServerTestServer } from "@/test/mlserver-server/server";
import { createMlServerProvider } from "./index";
import { runCode, streamText as text } from "@/test/kernel-events";

const server = await startMlServerTestServer();
const provider = createMlServerProvider({ url: server.url, username: server.username, password: server.password, pollMs: 100 });
let remoteId = "";

beforeAll(async () => {
  remoteId = (await provider.start()).remoteId;
});
afterAll(async () => {
  await provider.shutdown(remoteId).catch(() => undefined);
  await provider.disconnect();
  await server.close();
});

const run = (code: string, id = remoteId) => runCode(provider, id, code);

describe("mlserver files, variables and completion", () => {
  it("uploads, lists and downloads working-directory files that R can read", async () => {
    await provider.uploadFile(remoteId, { path: "scores.csv", data: new TextEncoder().encode("id,score\n1,0.83\n2,0.41\n") });
    expect(await provider.listFiles(remoteId, ".")).toEqual([{ name: "scores.csv", size: 0, isDirectory: false, modifiedAt: null }]);
    expect(text(await run('print(sum(read.csv("scores.csv")$score))'))).toBe("[1] 1.24\n");
    await run('writeLines("made in R", "out.txt")');
    expect(new TextDecoder().decode(await provider.downloadFile(remoteId, "out.txt"))).toBe("made in R\n");
    await expect(provider.downloadFile(remoteId, "missing.txt")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("describes the workspace without changing it", async () => {
    await run('df <- data.frame(a = 1:3, b = c("x", "y", "z")); v <- seq(0, 1, by = 0.25); f <- function(x, y) x');
    const vars = await provider.variables(remoteId);
    expect(vars.map((v) => v.name).sort()).toEqual(["df", "f", "v"]);
    expect(vars.find((v) => v.name === "df")).toMatchObject({ type: "data.frame", shape: "3 x 2", preview: "a, b", sizeBytes: expect.any(Number) });
    expect(vars.find((v) => v.name === "v")).toMatchObject({ type: "numeric", shape: "length 5", preview: "0.00 0.25 0.50 0.75 1.00" });
    expect(vars.find((v) => v.name === "f")).toMatchObject({ type: "function", preview: "function(x, y)" });
    expect(text(await run("print(sort(ls(all.names = TRUE)))"))).toBe('[1] "df" "f"  "v" \n');
  });

  it("completes names and columns with R's own completion", async () => {
    const code = "mean(df$";
    expect(await provider.complete(remoteId, { code, cursor: code.length })).toEqual({ matches: ["df$a", "df$b"], cursorStart: 5, cursorEnd: 8 });
    const fn = await provider.complete(remoteId, { code: "x <- summa", cursor: 10 });
    expect(fn.matches).toContain("summary");
    expect(fn.cursorStart).toBe(5);
  });
});

describe("mlserver snapshots and services", () => {
  it("snapshots a session and starts a new session from the snapshot", async () => {
    await run("model <- lm(dist ~ speed, data = cars)");
    const snapshotId = await provider.snapshots.create(remoteId, { name: "with-model" });
    expect((await provider.snapshots.list()).find((s) => s.id === snapshotId)).toMatchObject({ name: "with-model", sizeBytes: expect.any(Number) });
    const restored = await provider.startFromSnapshot(snapshotId);
    expect(text(await run('print(class(model)); print(file.exists("scores.csv"))', restored.remoteId))).toBe('[1] "lm"\n[1] TRUE\n');
    await provider.shutdown(restored.remoteId);
    await provider.snapshots.delete(snapshotId);
    await expect(provider.snapshots.delete(snapshotId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(provider.startFromSnapshot(snapshotId)).rejects.toMatchObject({ code: "START_FAILED" });
  });

  it("publishes a service from a snapshot, lists it, reads its swagger, consumes it and deletes it", async () => {
    await run("stopping <- function(speed) unname(predict(model, data.frame(speed = speed)))");
    const snapshotId = await provider.snapshots.create(remoteId, { name: "for-service" });
    const { services } = provider;
    await services.publish({
      name: "stopping", version: "v1", code: "dist <- stopping(speed)", description: "Stopping distance of a car",
      inputs: { speed: "numeric" }, outputs: { dist: "numeric" }, snapshotId,
    });
    expect(await services.get("stopping", "v1")).toMatchObject({ name: "stopping", version: "v1", inputs: { speed: "numeric" }, outputs: { dist: "numeric" }, snapshotId });
    expect((await services.list()).map((s) => `${s.name}/${s.version}`)).toContain("stopping/v1");
    const swagger = await services.swagger("stopping", "v1");
    expect(swagger).toMatchObject({ swagger: "2.0" });
    const result = await services.consume("stopping", "v1", { speed: 10 });
    expect(result.success).toBe(true);
    expect(result.outputs.dist).toBeCloseTo(21.74499, 4);
    const again = await services.publish({ name: "stopping", version: "v1", code: "1" }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(KernelError);
    expect((again as KernelError).message).toMatch(/^ML Server (could not|does not allow this user to) publish the web service/);
    await services.delete("stopping", "v1");
    await expect(services.get("stopping", "v1")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await provider.snapshots.delete(snapshotId);
  });

  it("made every exchange as the swagger declares it", () => {
    expect(server.violations).toEqual([]);
  });
});
