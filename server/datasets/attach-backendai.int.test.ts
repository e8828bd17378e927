// Attaching datasets to Backend.AI sessions (the repo's test manager, whose kernels are real R)
// through the app, from Azurite on real PostgreSQL: a small file uploaded into datasets/, and one of
// 1 MiB or more (the agents' per-file limit) given back as R code that downloads it from a
// read-only link inside the kernel, which the test then runs as a cell.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendAiTestServer, type BackendAiTestServer } from "@/test/backendai-server/server";

async function loadApp() {
  const [fixtures, { stopLiveKernels }] = await Promise.all([import("./attach-fixtures"), import("@/test/stop-live-kernels")]);
  return { ...fixtures, stopLiveKernels };
}

let server: BackendAiTestServer;
let app: Awaited<ReturnType<typeof loadApp>>;

beforeAll(async () => {
  server = await startBackendAiTestServer({ flushMs: 300 });
  process.env.BACKEND_ENDPOINT = server.endpoint;
  process.env.BACKEND_ACCESS_KEY = server.accessKey;
  process.env.BACKEND_SECRET_KEY = server.secretKey;
  app = await loadApp();
});

afterAll(async () => {
  if (app) await app.stopLiveKernels();
  await server?.close();
});

/** A notebook on the manager's R 4.2.3 image (service login). */
async function backendaiNotebook() {
  const probe = await app.notebookOn({ provider: "webr" });
  const listing = (await probe.api.kernel.specs()).find((l) => l.provider === "backendai");
  const spec = listing?.available ? listing.specs.find((s) => /R 4\.2\.3/.test(s.displayName)) : undefined;
  if (!spec) throw new Error(`no Backend.AI R spec: ${JSON.stringify(listing)}`);
  return app.notebookOn({ provider: "backendai", spec: spec.name }, probe.user);
}

describe("attaching a dataset to a Backend.AI session", () => {
  it("uploads a file under 1 MiB into datasets/", async () => {
    const nb = await backendaiNotebook();
    const dataset = await app.putDataset(nb.user, { name: "small.csv", bytes: app.csvBytes(2_000, 200_000) });
    const attached = await nb.api.dataset.attach({ datasetId: dataset.id, notebookId: nb.notebookId });
    expect(attached).toMatchObject({ path: "datasets/small.csv", method: "copied", message: expect.stringMatching(/^Copied to datasets\/small\.csv \(\d+(\.\d)? KiB\): read\.csv/) });
    expect(await nb.run(app.countRows("datasets/small.csv"))).toMatchObject({ status: "ok", stdout: "2000" });
  });

  it("gives R code for a file of 1 MiB or more, which downloads it from Azurite inside the kernel", async () => {
    const nb = await backendaiNotebook();
    const bytes = app.csvBytes(40_000, 3 * 1024 * 1024);
    const dataset = await app.putDataset(nb.user, { name: "large.csv", bytes });
    const attached = await nb.api.dataset.attach({ datasetId: dataset.id, notebookId: nb.notebookId });
    expect(attached).toMatchObject({
      path: "datasets/large.csv", method: "download-code",
      message: expect.stringMatching(/^large\.csv \(\d(\.\d)? MiB\) is over Backend\.AI's per-file upload limit \(under 1 MiB\), so the kernel downloads it itself: .* to put it in datasets\/large\.csv, then read\.csv\("datasets\/large\.csv"\)$/),
    });
    const code = attached.code ?? "";
    expect(code).toContain('download.file("http://127.0.0.1:');
    expect(new URL(/download\.file\("([^"]+)"/.exec(code)?.[1] ?? "http://x").searchParams.get("sp")).toBe("r");
    const ran = await nb.run(code);
    expect(ran.status, JSON.stringify(ran.events)).toBe("ok");
    expect(await nb.run(`cat(file.size("datasets/large.csv"))`)).toMatchObject({ stdout: String(bytes.byteLength) });
    expect(await nb.run(app.countRows("datasets/large.csv"))).toMatchObject({ status: "ok", stdout: "40000" });
  });

  it("refuses another user's dataset", async () => {
    const nb = await backendaiNotebook();
    const stranger = await app.notebookOn({ provider: "webr" });
    const theirs = await app.putDataset(stranger.user, { name: "secret.csv", bytes: app.csvBytes(5) });
    await expect(nb.api.dataset.attach({ datasetId: theirs.id, notebookId: nb.notebookId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
