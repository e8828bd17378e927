// Attaching datasets to webR kernels through the app, from Azurite on real PostgreSQL: a file of
// several MB streamed in chunks into datasets/ and read by R, the files pane showing it, odd
// display names made safe, and datasets that are not the user's (or not ready) refused.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STREAM_CHUNK_BYTES } from "./attach-blob";

async function loadApp() {
  const [fixtures, { createUser }, { callerFor }, { stopLiveKernels }] = await Promise.all([
    import("./attach-fixtures"), import("@/test/fixtures"), import("@/test/caller"), import("@/test/stop-live-kernels"),
  ]);
  return { ...fixtures, createUser, callerFor, stopLiveKernels };
}

let app: Awaited<ReturnType<typeof loadApp>>;

beforeAll(async () => {
  app = await loadApp();
});

afterAll(async () => {
  if (app) await app.stopLiveKernels();
});

describe("attaching a dataset to a webR kernel", () => {
  it("streams a multi-chunk file into datasets/ where R reads it, and the files pane lists it", async () => {
    const nb = await app.notebookOn({ provider: "webr" });
    const bytes = app.csvBytes(150_000, 9 * 1024 * 1024);
    expect(bytes.byteLength).toBeGreaterThan(2 * STREAM_CHUNK_BYTES); // three chunks, each in 1 MiB writes
    const dataset = await app.putDataset(nb.user, { name: "measurements.csv", bytes });
    const attached = await nb.api.dataset.attach({ datasetId: dataset.id, notebookId: nb.notebookId });
    expect(attached).toEqual({
      path: "datasets/measurements.csv", method: "copied",
      message: expect.stringMatching(/^Copied to datasets\/measurements\.csv \(\d+(\.\d)? MiB\): read\.csv\("datasets\/measurements\.csv"\)$/),
    });
    const listed = await nb.api.kernel.files({ notebookId: nb.notebookId, path: "datasets" });
    expect(listed).toContainEqual({ name: "measurements.csv", size: bytes.byteLength, isDirectory: false, modifiedAt: expect.any(String) });
    expect(await nb.api.kernel.files({ notebookId: nb.notebookId, path: "." })).toContainEqual(expect.objectContaining({ name: "datasets", isDirectory: true }));
    const counted = await nb.run(app.countRows("datasets/measurements.csv"));
    expect(counted).toMatchObject({ status: "ok", stdout: "150000" });
    expect((await nb.run('cat(tools::md5sum("datasets/measurements.csv"))')).stdout).toBe(createHash("md5").update(bytes).digest("hex"));
  });

  it("replaces an earlier copy, and gives an unsafe display name a safe file name", async () => {
    const nb = await app.notebookOn({ provider: "webr" });
    const first = await app.putDataset(nb.user, { name: "../../etc/scores .csv", bytes: app.csvBytes(10) });
    const attached = await nb.api.dataset.attach({ datasetId: first.id, notebookId: nb.notebookId });
    expect(attached.path).toBe("datasets/_._etc_scores .csv");
    expect((await nb.run(app.countRows(attached.path))).stdout).toBe("10");
    const second = await app.putDataset(nb.user, { name: "../../etc/scores .csv", bytes: app.csvBytes(3) });
    await nb.api.dataset.attach({ datasetId: second.id, notebookId: nb.notebookId });
    expect((await nb.run(app.countRows(attached.path))).stdout).toBe("3");
  });

  it("refuses another user's dataset and one still uploading, with a sentence, starting no kernel", async () => {
    const nb = await app.notebookOn({ provider: "webr" });
    const stranger = await app.createUser();
    const theirs = await app.putDataset(stranger, { name: "secret.csv", bytes: app.csvBytes(5) });
    await expect(nb.api.dataset.attach({ datasetId: theirs.id, notebookId: nb.notebookId }))
      .rejects.toMatchObject({ code: "NOT_FOUND", message: "Dataset not found." });
    const uploading = await app.putDataset(nb.user, { name: "half.csv", bytes: app.csvBytes(5), status: "uploading" });
    await expect(nb.api.dataset.attach({ datasetId: uploading.id, notebookId: nb.notebookId }))
      .rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/still uploading/) });
    expect(await nb.api.kernel.get({ notebookId: nb.notebookId })).toBeNull(); // no kernel was started for a refusal
    // Nor may the stranger attach a dataset of theirs to this user's notebook.
    await expect(app.callerFor(stranger).dataset.attach({ datasetId: theirs.id, notebookId: nb.notebookId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
