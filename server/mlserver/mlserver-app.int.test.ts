// ML Server through the app, on real PostgreSQL against the repo's swagger-checked test web node:
// the shared service login keeps each Kernelbook user's snapshots and services apart, a user's own
// login is checked and used, a snapshot restores a workspace, and a published service answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMlServerTestServer, type MlServerTestServer } from "@/test/mlserver-server/server";

async function loadApp() {
  const [{ db }, { callerFor }, { createUser }, waits, { stopLiveKernels }] = await Promise.all([
    import("@/server/db"), import("@/test/caller"), import("@/test/fixtures"), import("@/test/execution-waits"), import("@/test/stop-live-kernels"),
  ]);
  return { db, callerFor, createUser, ...waits, stopLiveKernels };
}

let server: MlServerTestServer;
let app: Awaited<ReturnType<typeof loadApp>>;
const alice = { username: "alice", password: "alice-Pa55word" };

beforeAll(async () => {
  server = await startMlServerTestServer({ users: [{ username: "admin", password: "service-Pa55word" }, alice] });
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

/** A user whose notebook runs on ML Server R, with one code cell. */
async function mlNotebook(user?: { id: string; email: string; role: "USER" | "ADMIN" }) {
  const owner = user ?? (await app.createUser());
  const api = app.callerFor(owner);
  const nb = await api.notebook.create({});
  await api.kernel.choose({ notebookId: nb.id, provider: "mlserver", spec: "r" });
  const cellId = (await api.notebook.get({ id: nb.id })).cells[0]!.id;
  const run = async (source: string) => {
    const { executions } = await api.execution.run({ notebookId: nb.id, cells: [{ cellId, source }] });
    const row = await app.waitForStatus(executions[0]!.id);
    return { status: row.status, events: await app.eventsOf(row.id) };
  };
  return { user: owner, api, notebookId: nb.id, run };
}

describe("ML Server through the app", () => {
  it("saves a snapshot and starts from it; other users of the shared login never see it", async () => {
    const a = await mlNotebook();
    expect((await a.run("x <- 42")).status).toBe("ok");
    const snapshot = await a.api.mlserver.saveSnapshot({ notebookId: a.notebookId, name: "x is 42" });
    expect((await a.api.mlserver.snapshots()).map((s) => s.id)).toContain(snapshot.id);
    expect((await a.run("x <- 7")).status).toBe("ok");
    await a.api.mlserver.startFromSnapshot({ notebookId: a.notebookId, snapshotId: snapshot.id });
    expect(app.stdoutOf((await a.run("cat(x)")).events)).toBe("42");

    const b = app.callerFor(await app.createUser());
    expect((await b.mlserver.snapshots()).map((s) => s.id)).not.toContain(snapshot.id);
    await expect(b.mlserver.deleteSnapshot({ snapshotId: snapshot.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const bNotebook = await mlNotebook();
    await expect(bNotebook.api.mlserver.startFromSnapshot({ notebookId: bNotebook.notebookId, snapshotId: snapshot.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await a.api.mlserver.deleteSnapshot({ snapshotId: snapshot.id });
    expect((await a.api.mlserver.snapshots()).map((s) => s.id)).not.toContain(snapshot.id);
  });

  it("refuses a snapshot without an ML Server kernel, with a sentence", async () => {
    const api = app.callerFor(await app.createUser());
    const nb = await api.notebook.create({});
    await expect(api.mlserver.saveSnapshot({ notebookId: nb.id, name: "n" })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/Run a cell on an ML Server kernel first/) });
  });

  it("publishes a service, shows its swagger, answers a call, and keeps it from other users", async () => {
    const a = await mlNotebook();
    const name = `double-${Date.now()}`;
    await a.api.mlserver.publish({ name, version: "1.0", code: "y <- x * 2", inputs: [{ name: "x", type: "numeric" }], outputs: [{ name: "y", type: "numeric" }] });
    expect((await a.api.mlserver.services()).find((s) => s.name === name)).toMatchObject({ version: "1.0", inputs: { x: "numeric" }, outputs: { y: "numeric" } });
    const swagger = await a.api.mlserver.swagger({ name, version: "1.0" });
    expect(JSON.stringify(swagger)).toContain(`/api/${name}/1.0`);
    const result = await a.api.mlserver.callService({ name, version: "1.0", inputs: { x: 21 } });
    expect(result).toMatchObject({ success: true, outputs: { y: 42 } });
    await expect(a.api.mlserver.publish({ name, version: "1.0", code: "y <- 1", inputs: [], outputs: [] })).rejects.toMatchObject({ message: expect.stringMatching(/already exists|does not allow/) });
    await expect(a.api.mlserver.publish({ name: "bad name!", version: "1.0", code: "1", inputs: [], outputs: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const b = app.callerFor(await app.createUser());
    expect((await b.mlserver.services()).map((s) => s.name)).not.toContain(name);
    await expect(b.mlserver.callService({ name, version: "1.0", inputs: { x: 1 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.mlserver.deleteService({ name, version: "1.0" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await a.api.mlserver.deleteService({ name, version: "1.0" });
    expect((await a.api.mlserver.services()).map((s) => s.name)).not.toContain(name);
  });

  it("checks a user's own login before storing it, then runs their kernels with it", async () => {
    const user = await app.createUser();
    const api = app.callerFor(user);
    await expect(api.credential.save({ provider: "mlserver", username: alice.username, password: "wrong" }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^ML Server did not accept this login: /) });
    await api.credential.save({ provider: "mlserver", ...alice });
    expect(JSON.stringify(await api.credential.list())).not.toContain(alice.password);
    const mine = await mlNotebook(user);
    const { status, events } = await mine.run('cat(Sys.getenv("USER"), "ok\\n"); plot(1:3)');
    expect(status).toBe("ok");
    expect(events.some((e) => e.type === "display_data" && "image/png" in e.data)).toBe(true);
    // On their own login every snapshot of that ML Server account is theirs.
    const snap = await mine.api.mlserver.saveSnapshot({ notebookId: mine.notebookId, name: "alice's" });
    expect((await mine.api.mlserver.snapshots()).map((s) => s.id)).toContain(snap.id);
    await mine.api.mlserver.deleteSnapshot({ snapshotId: snap.id });
  });

  it("ends a run whose session the server dropped, keeping its output", async () => {
    const a = await mlNotebook();
    expect((await a.run("1")).status).toBe("ok");
    const session = await app.db.kernelSession.findFirstOrThrow({ where: { notebookId: a.notebookId, endedAt: null } });
    const cellId = (await a.api.notebook.get({ id: a.notebookId })).cells[0]!.id;
    const { executions } = await a.api.execution.run({ notebookId: a.notebookId, cells: [{ cellId, source: 'cat("before\\n"); Sys.sleep(30)' }] });
    await app.waitForEvent(executions[0]!.id, (events) => app.stdoutOf(events).includes("before"));
    server.dropSession(session.remoteId!);
    const row = await app.waitForStatus(executions[0]!.id);
    expect(row.status).toBe("lost");
    const events = await app.eventsOf(row.id);
    expect(app.stdoutOf(events)).toBe("before\n");
    expect(events).toContainEqual(expect.objectContaining({ type: "error", evalue: expect.stringMatching(/ML Server session ended/) }));
  });
});
