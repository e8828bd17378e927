// Backend.AI through the app, on real PostgreSQL against the repo's test manager configured with
// no service keypair: a user's own keypair is checked, sealed and used (never returned); the
// picker's images and resources; a run with a plot; files in the session; examples.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendAiTestServer, type BackendAiTestServer } from "@/test/backendai-server/server";

async function loadApp() {
  const [{ db }, { callerFor }, { createUser }, waits, files, { stopLiveKernels }] = await Promise.all([
    import("@/server/db"), import("@/test/caller"), import("@/test/fixtures"), import("@/test/execution-waits"),
    Promise.all([import("./upload-kernel-file"), import("./download-kernel-file")]), import("@/test/stop-live-kernels"),
  ]);
  return { db, callerFor, createUser, ...waits, uploadKernelFile: files[0].uploadKernelFile, downloadKernelFile: files[1].downloadKernelFile, stopLiveKernels };
}

let server: BackendAiTestServer;
let app: Awaited<ReturnType<typeof loadApp>>;

beforeAll(async () => {
  server = await startBackendAiTestServer({ flushMs: 300 });
  process.env.BACKEND_ENDPOINT = server.endpoint;
  delete process.env.BACKEND_ACCESS_KEY;
  delete process.env.BACKEND_SECRET_KEY;
  app = await loadApp();
});

afterAll(async () => {
  if (app) await app.stopLiveKernels();
  await server?.close();
});

async function userWithKeypair() {
  const user = await app.createUser();
  const api = app.callerFor(user);
  await api.credential.save({ provider: "backendai", accessKey: server.accessKey, secretKey: server.secretKey });
  return { user, api };
}

async function backendaiSpecs(api: ReturnType<typeof app.callerFor>) {
  const listing = (await api.kernel.specs()).find((l) => l.provider === "backendai");
  if (!listing?.available) throw new Error(`Backend.AI not available: ${JSON.stringify(listing)}`);
  return listing.specs;
}

describe("Backend.AI with users' own keypairs", () => {
  it("offers nothing without a keypair, refuses a wrong one, and stores a right one sealed", async () => {
    const user = await app.createUser();
    const api = app.callerFor(user);
    const before = (await api.kernel.specs()).find((l) => l.provider === "backendai");
    expect(before).toMatchObject({ available: false, reason: expect.stringMatching(/needs your own login.*Settings/) });
    expect(await api.credential.list()).toMatchObject({ providers: [{ provider: "backendai", serviceLogin: false }], canStore: true, credentials: [] });

    await expect(api.credential.save({ provider: "backendai", accessKey: server.accessKey, secretKey: `${server.secretKey}x` }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^Backend\.AI did not accept this login: /) });
    expect(await app.db.providerCredential.count({ where: { userId: user.id } })).toBe(0);

    const saved = await api.credential.save({ provider: "backendai", accessKey: server.accessKey, secretKey: server.secretKey });
    expect(saved).toEqual({ provider: "backendai", identity: server.accessKey, updatedAt: expect.any(Date) });
    const listed = await api.credential.list();
    expect(JSON.stringify(listed)).not.toContain(server.secretKey);
    const row = await app.db.providerCredential.findFirstOrThrow({ where: { userId: user.id }, omit: { secret: false } });
    expect(row.secret).toMatch(/^v1:/);
    expect(row.secret).not.toContain(server.secretKey);
    const audit = await app.db.auditEvent.findMany({ where: { actorId: user.id, action: "credential.save" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(server.secretKey);

    expect((await backendaiSpecs(api)).length).toBeGreaterThan(0);
    await api.credential.delete({ provider: "backendai" });
    expect((await api.kernel.specs()).find((l) => l.provider === "backendai")).toMatchObject({ available: false });
    await expect(api.credential.delete({ provider: "backendai" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists the images that run cells, with resource choices, and validates a choice", async () => {
    const { api } = await userWithKeypair();
    const specs = await backendaiSpecs(api);
    const names = specs.map((s) => s.displayName).join(" | ");
    expect(names).toMatch(/R 4\.2\.3/);
    expect(names).toMatch(/Microsoft R Open/);
    expect(names).toMatch(/CNTK/);
    expect(names).not.toMatch(/4\.6\.1/); // app-only image: no query mode
    const r = specs.find((s) => /R 4\.2\.3/.test(s.displayName))!;
    expect(r.language).toBe("r");
    expect(r.resources?.map((c) => c.key)).toEqual(expect.arrayContaining(["cpu", "mem"]));
    const nb = await api.notebook.create({});
    await expect(api.kernel.choose({ notebookId: nb.id, provider: "backendai", spec: r.name, resources: { cpu: "999" } }))
      .rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/cannot be 999/) });
    const chosen = await api.kernel.choose({ notebookId: nb.id, provider: "backendai", spec: r.name, resources: { cpu: "2" } });
    expect(chosen).toMatchObject({ provider: "backendai", spec: r.name, language: "r", resources: expect.objectContaining({ cpu: "2" }) });
    const cntk = specs.find((s) => /CNTK/.test(s.displayName))!;
    expect(await api.kernel.choose({ notebookId: nb.id, provider: "backendai", spec: cntk.name })).toMatchObject({ language: "python" });
  });

  it("runs R with a plot on the user's session, and moves files in and out of its working directory", async () => {
    const { user, api } = await userWithKeypair();
    const r = (await backendaiSpecs(api)).find((s) => /R 4\.2\.3/.test(s.displayName))!;
    const nb = await api.notebook.create({});
    await api.kernel.choose({ notebookId: nb.id, provider: "backendai", spec: r.name });
    const loaded = await api.notebook.get({ id: nb.id });
    const cellId = loaded.cells[0]!.id;
    const { executions } = await api.execution.run({ notebookId: nb.id, cells: [{ cellId, source: 'cat("hello\\n"); plot(1:10)' }] });
    expect((await app.waitForStatus(executions[0]!.id)).status).toBe("ok");
    const events = await app.eventsOf(executions[0]!.id);
    expect(app.stdoutOf(events)).toContain("hello");
    expect(events.some((e) => e.type === "display_data" && "image/png" in e.data)).toBe(true);

    const csv = new TextEncoder().encode("region,amount\nnorth,12\nsouth,30\n");
    expect(await app.uploadKernelFile(app.db, { userId: user.id, notebookId: nb.id, path: "data/sales.csv", data: csv })).toEqual({ path: "data/sales.csv", size: csv.byteLength });
    expect((await api.kernel.files({ notebookId: nb.id, path: "." })).map((f) => [f.name, f.isDirectory])).toContainEqual(["data", true]);
    expect((await api.kernel.files({ notebookId: nb.id, path: "data" })).map((f) => [f.name, f.size])).toEqual([["sales.csv", csv.byteLength]]);
    const read = await api.execution.run({ notebookId: nb.id, cells: [{ cellId, source: 's <- read.csv("data/sales.csv"); cat("total", sum(s$amount), "\\n"); writeLines("from R", "out.txt")' }] });
    await app.waitForStatus(read.executions[0]!.id);
    expect(app.stdoutOf(await app.eventsOf(read.executions[0]!.id))).toContain("total 42");
    expect(new TextDecoder().decode(await app.downloadKernelFile(app.db, { userId: user.id, notebookId: nb.id, path: "out.txt" }))).toBe("from R\n");
    await expect(app.uploadKernelFile(app.db, { userId: user.id, notebookId: nb.id, path: "../escape.txt", data: csv })).rejects.toMatchObject({ code: "INVALID" });

    // Another user sees neither the files nor the kernel.
    const mallory = app.callerFor(await app.createUser());
    await expect(mallory.kernel.files({ notebookId: nb.id, path: "." })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("creates the example notebooks on the images they need", async () => {
    const { api } = await userWithKeypair();
    const examples = await api.notebook.examples();
    expect(examples.map((e) => e.id)).toEqual(["mro-linear-algebra", "cntk-logistic-regression"]);
    const mro = await api.notebook.createFromExample({ exampleId: "mro-linear-algebra" });
    const mroSpec = (await backendaiSpecs(api)).find((s) => /Microsoft R Open/.test(s.displayName))!;
    expect(mro).toMatchObject({ provider: "backendai", runtime: mroSpec.name });
    const cntk = await api.notebook.createFromExample({ exampleId: "cntk-logistic-regression" });
    expect(await api.kernel.choice({ notebookId: cntk.id })).toMatchObject({ provider: "backendai", language: "python" });
    expect((await api.notebook.get({ id: cntk.id })).cells[0]!.source).toContain("lablup/python-cntk:2.7-py36");
    await expect(api.notebook.createFromExample({ exampleId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows where a starting session is in the cluster queue", async () => {
    const { api } = await userWithKeypair();
    const r = (await backendaiSpecs(api)).find((s) => /R 4\.2\.3/.test(s.displayName))!;
    const nb = await api.notebook.create({});
    await api.kernel.choose({ notebookId: nb.id, provider: "backendai", spec: r.name });
    server.faults.phaseMs = { PENDING: 1500 };
    try {
      await api.kernel.start({ notebookId: nb.id });
      const phases = new Set<string>();
      for (let i = 0; i < 200; i++) {
        const state = await api.kernel.get({ notebookId: nb.id });
        if (state?.phase) phases.add(state.phase);
        if (state?.status === "idle") break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect([...phases]).toContain("Waiting in the cluster queue");
      expect(await api.kernel.get({ notebookId: nb.id })).toMatchObject({ status: "idle", phase: null, files: true, interrupt: "best-effort" });
    } finally {
      server.faults.phaseMs = {};
    }
  });
});
