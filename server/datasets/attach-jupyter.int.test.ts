// Attaching datasets to Jupyter kernels (a real jupyter-server with IRkernel) through the app, from
// Azurite on real PostgreSQL: a file of several MB sent in contents-API chunks into datasets/ and
// read by R, the files pane listing it, and another user's dataset refused.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJupyterServer, type JupyterTestServer } from "@/test/jupyter-server.mjs";
import { STREAM_CHUNK_BYTES } from "./attach-blob";

// server/env.ts reads process.env once, when first imported: the app comes after JUPYTER_URL is set.
async function loadApp() {
  const [fixtures, { createUser }, { stopLiveKernels }] = await Promise.all([
    import("./attach-fixtures"), import("@/test/fixtures"), import("@/test/stop-live-kernels"),
  ]);
  return { ...fixtures, createUser, stopLiveKernels };
}

let server: JupyterTestServer;
let app: Awaited<ReturnType<typeof loadApp>>;

beforeAll(async () => {
  server = await startJupyterServer();
  process.env.JUPYTER_URL = server.url;
  process.env.JUPYTER_TOKEN = server.token;
  app = await loadApp();
});

afterAll(async () => {
  if (app) await app.stopLiveKernels();
  await server?.stop();
});

describe("attaching a dataset to a Jupyter kernel", () => {
  it("sends a multi-chunk file into datasets/ where IRkernel reads it, and the files pane lists it", async () => {
    const nb = await app.notebookOn({ provider: "jupyter", spec: "ir" });
    const bytes = app.csvBytes(120_000, 10 * 1024 * 1024);
    expect(bytes.byteLength).toBeGreaterThan(2 * STREAM_CHUNK_BYTES); // three chunks: 1, 2 and -1
    const dataset = await app.putDataset(nb.user, { name: "sensor readings.csv", bytes });
    const attached = await nb.api.dataset.attach({ datasetId: dataset.id, notebookId: nb.notebookId });
    expect(attached).toEqual({
      path: "datasets/sensor readings.csv", method: "copied",
      message: expect.stringMatching(/^Copied to datasets\/sensor readings\.csv \(\d+(\.\d)? MiB\): read\.csv\("datasets\/sensor readings\.csv"\)$/),
    });
    const listed = await nb.api.kernel.files({ notebookId: nb.notebookId, path: "datasets" });
    expect(listed).toContainEqual({ name: "sensor readings.csv", size: bytes.byteLength, isDirectory: false, modifiedAt: expect.any(String) });
    expect(await nb.run(app.countRows(attached.path))).toMatchObject({ status: "ok", stdout: "120000" });
    expect((await nb.run('cat(tools::md5sum("datasets/sensor readings.csv"))')).stdout).toBe(md5Hex(bytes));
  });

  it("refuses another user's dataset", async () => {
    const nb = await app.notebookOn({ provider: "jupyter", spec: "ir" });
    const theirs = await app.putDataset(await app.createUser(), { name: "secret.csv", bytes: app.csvBytes(5) });
    await expect(nb.api.dataset.attach({ datasetId: theirs.id, notebookId: nb.notebookId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

function md5Hex(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("hex");
}
