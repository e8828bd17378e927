// Attaching datasets to ML Server sessions (the repo's swagger-checked test web node, whose sessions
// are real R) through the app, from Azurite on real PostgreSQL: uploads have no folders there, so
// the file goes up beside datasets/ and R moves it in, leaving nothing behind, never while a cell
// runs; another user's dataset is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMlServerTestServer, type MlServerTestServer } from "@/test/mlserver-server/server";

async function loadApp() {
  const [fixtures, { waitForStatus }, { stopLiveKernels }] = await Promise.all([
    import("./attach-fixtures"), import("@/test/execution-waits"), import("@/test/stop-live-kernels"),
  ]);
  return { ...fixtures, waitForStatus, stopLiveKernels };
}

let server: MlServerTestServer;
let app: Awaited<ReturnType<typeof loadApp>>;

beforeAll(async () => {
  server = await startMlServerTestServer({ users: [{ username: "admin", password: "service-Pa55word" }] });
  process.env.MLSERVER_URL = server.url;
  process.env.MLSERVER_USERNAME = "admin";
  process.env.MLSERVER_PASSWORD = "service-Pa55word";
  app = await loadApp();
});

afterAll(async () => {
  if (app) await app.stopLiveKernels();
  expect(server?.violations ?? []).toEqual([]);
  await server?.close();
});

describe("attaching a dataset to an ML Server session", () => {
  it("uploads the file and moves it into datasets/ with R, leaving no upload behind", async () => {
    const nb = await app.notebookOn({ provider: "mlserver", spec: "r" });
    const dataset = await app.putDataset(nb.user, { name: "scores 2024.csv", bytes: app.csvBytes(5_000, 300_000) });
    const attached = await nb.api.dataset.attach({ datasetId: dataset.id, notebookId: nb.notebookId });
    expect(attached).toMatchObject({ path: "datasets/scores 2024.csv", method: "copied", message: expect.stringMatching(/^Copied to datasets\/scores 2024\.csv/) });
    expect(await nb.run(app.countRows("datasets/scores 2024.csv"))).toMatchObject({ status: "ok", stdout: "5000" });
    const files = await nb.api.kernel.files({ notebookId: nb.notebookId, path: "." });
    expect(files.map((f) => f.name).filter((name) => name.startsWith("kernelbook-attach-"))).toEqual([]);
    // Attaching again replaces the copy.
    const smaller = await app.putDataset(nb.user, { name: "scores 2024.csv", bytes: app.csvBytes(7) });
    await nb.api.dataset.attach({ datasetId: smaller.id, notebookId: nb.notebookId });
    expect(await nb.run(app.countRows("datasets/scores 2024.csv"))).toMatchObject({ stdout: "7" });
  });

  it("refuses to move a file in while a cell runs, and attaches once it has finished", async () => {
    const nb = await app.notebookOn({ provider: "mlserver", spec: "r" });
    expect((await nb.run("1")).status).toBe("ok");
    const dataset = await app.putDataset(nb.user, { name: "later.csv", bytes: app.csvBytes(4) });
    const cellId = (await nb.api.notebook.get({ id: nb.notebookId })).cells[0]!.id;
    const { executions } = await nb.api.execution.run({ notebookId: nb.notebookId, cells: [{ cellId, source: "Sys.sleep(2)" }] });
    await app.waitForStatus(executions[0]!.id, (s) => s === "running");
    await expect(nb.api.dataset.attach({ datasetId: dataset.id, notebookId: nb.notebookId }))
      .rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/running cells/) });
    expect((await app.waitForStatus(executions[0]!.id)).status).toBe("ok");
    expect(await nb.api.dataset.attach({ datasetId: dataset.id, notebookId: nb.notebookId })).toMatchObject({ method: "copied" });
    expect(await nb.run(app.countRows("datasets/later.csv"))).toMatchObject({ stdout: "4" });
  });

  it("refuses another user's dataset", async () => {
    const nb = await app.notebookOn({ provider: "mlserver", spec: "r" });
    const stranger = await app.notebookOn({ provider: "webr" });
    const theirs = await app.putDataset(stranger.user, { name: "secret.csv", bytes: app.csvBytes(5) });
    await expect(nb.api.dataset.attach({ datasetId: theirs.id, notebookId: nb.notebookId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
