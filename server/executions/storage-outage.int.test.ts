// Output survives a database blip: a numbered 200-line R loop on webR runs through the app while the
// test restarts (then stops for ~10 s) its own throw-away PostgreSQL cluster; every line is stored
// once, in order, and the execution ends with its true status.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/test/throwaway-postgres";

let pg: ThrowawayPostgres;
let app: {
  db: typeof import("@/server/db").db;
  callerFor: typeof import("@/test/caller").callerFor;
  createUser: typeof import("@/test/fixtures").createUser;
  readEventsOf: typeof import("./read-events").readEventsOf;
  createNotebookWithExecution: typeof import("@/test/fixtures").createNotebookWithExecution;
  ExecutionEventWriter: typeof import("./event-writer").ExecutionEventWriter;
  stopLiveKernels: typeof import("@/test/stop-live-kernels").stopLiveKernels;
};

beforeAll(async () => {
  pg = await startThrowawayPostgres();
  // The app reads DATABASE_URL once, at import: point it at the throw-away cluster first.
  process.env.DATABASE_URL = pg.url;
  app = {
    db: (await import("@/server/db")).db,
    callerFor: (await import("@/test/caller")).callerFor,
    createUser: (await import("@/test/fixtures")).createUser,
    readEventsOf: (await import("./read-events")).readEventsOf,
    createNotebookWithExecution: (await import("@/test/fixtures")).createNotebookWithExecution,
    ExecutionEventWriter: (await import("./event-writer")).ExecutionEventWriter,
    stopLiveKernels: (await import("@/test/stop-live-kernels")).stopLiveKernels,
  };
});

afterAll(async () => {
  await app?.stopLiveKernels();
  await app?.db.$disconnect();
  pg?.destroy();
});

const LOOP = 'for (i in 1:200) { cat(sprintf("line %03d\\n", i)); Sys.sleep(0.02) }';
const expectedLines = Array.from({ length: 200 }, (_, i) => `line ${String(i + 1).padStart(3, "0")}`);

async function startLoop() {
  const user = await app.createUser();
  const api = app.callerFor(user);
  const nb = await api.notebook.create({});
  const loaded = await api.notebook.get({ id: nb.id });
  const { executions } = await api.execution.run({ notebookId: nb.id, cells: [{ cellId: loaded.cells[0].id, source: LOOP }] });
  const executionId = executions[0].id;
  // Wait until the loop prints, so the outage falls in the middle of it.
  await until(async () => (await app.readEventsOf(app.db, [executionId])).some((e) => e.event.type === "stream"), 60_000);
  return executionId;
}

/** Polls `check` (which may fail while the database is down) until it holds. */
async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function expectAllLinesStored(executionId: string) {
  await until(async () => !["queued", "running"].includes((await app.db.execution.findUniqueOrThrow({ where: { id: executionId } })).status), 90_000);
  const row = await app.db.execution.findUniqueOrThrow({ where: { id: executionId } });
  const events = await app.readEventsOf(app.db, [executionId]);
  const text = events.map((e) => (e.event.type === "stream" ? e.event.text : "")).join("");
  expect(text.trim().split("\n")).toEqual(expectedLines);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(row.status).toBe("ok");
  expect(events.at(-1)?.event).toMatchObject({ type: "status", status: "ok" });
}

describe("a database blip during a run", () => {
  it("pg_ctl restart -m fast in the middle of a 200-line loop: 200 of 200 lines stored, in order, once", async () => {
    const executionId = await startLoop();
    pg.restart();
    await expectAllLinesStored(executionId);
  });

  it("the database stopped for ~10 s in the middle of the loop: every line is stored once it is back", async () => {
    const executionId = await startLoop();
    pg.stop();
    await new Promise((r) => setTimeout(r, 10_000));
    pg.start();
    await expectAllLinesStored(executionId);
  });

  it("storage unreachable past the limit: output from then on is dropped, the rest and the final status are stored once it is back", async () => {
    const user = await app.createUser();
    const { notebook, execution } = await app.createNotebookWithExecution(user.id);
    let gaveUp = 0;
    const writer = new app.ExecutionEventWriter(app.db, {
      executionId: execution.id, notebookId: notebook.id, limitBytes: 1e6, outageLimitMs: 1_500, onGiveUp: () => gaveUp++,
    });
    await writer.append({ type: "stream", name: "stdout", text: "before\n" });
    pg.stop();
    void writer.append({ type: "warning", text: "during the outage" });
    await new Promise((r) => setTimeout(r, 3_000));
    expect(gaveUp).toBe(1);
    void writer.append({ type: "stream", name: "stdout", text: "after giving up\n" });
    const final = writer.appendStatus({ type: "status", status: "interrupted", at: new Date().toISOString(), reason: "storage lost" }, []);
    pg.start();
    await final;
    expect(writer.droppedOutput).toBe(true);
    const events = (await app.readEventsOf(app.db, [execution.id])).map((e) => e.event);
    expect(events).toEqual([
      { type: "stream", name: "stdout", text: "before\n" },
      { type: "warning", text: "during the outage" },
      expect.objectContaining({ type: "status", status: "interrupted", reason: "storage lost" }),
    ]);
  });
});
