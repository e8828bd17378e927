// A real crash: a child process (an app instance) runs a cell on webR and is SIGKILLed mid-run; the
// next instance's recovery ends the execution with a status event that says why, and a page left
// open (a subscriber of the notebook's events) receives it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const INSTANCE = `crash-test:${randomUUID()}`;
let app: {
  db: typeof import("@/server/db").db;
  callerFor: typeof import("@/test/caller").callerFor;
  createUser: typeof import("@/test/fixtures").createUser;
  eventsOf: typeof import("@/test/execution-waits").eventsOf;
  recoverAfterRestart: typeof import("./recover-after-restart").recoverAfterRestart;
  watchNotebookEvents: typeof import("@/server/executions/watch-notebook-events").watchNotebookEvents;
  stopLiveKernels: typeof import("@/test/stop-live-kernels").stopLiveKernels;
};
let child: ChildProcess | undefined;

beforeAll(async () => {
  // This process plays the instance that comes back after the crash: same instance id.
  process.env.KB_INSTANCE_ID = INSTANCE;
  app = {
    db: (await import("@/server/db")).db,
    callerFor: (await import("@/test/caller")).callerFor,
    createUser: (await import("@/test/fixtures")).createUser,
    eventsOf: (await import("@/test/execution-waits")).eventsOf,
    recoverAfterRestart: (await import("./recover-after-restart")).recoverAfterRestart,
    watchNotebookEvents: (await import("@/server/executions/watch-notebook-events")).watchNotebookEvents,
    stopLiveKernels: (await import("@/test/stop-live-kernels")).stopLiveKernels,
  };
});

afterAll(async () => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
  await app?.stopLiveKernels();
});

/** Starts the stand-in instance in its own process group (so its kernel dies with it). */
function startInstance(args: { userId: string; notebookId: string; cellId: string; source: string }): ChildProcess {
  const root = resolve(import.meta.dirname, "../..");
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/run-until-killed.ts", JSON.stringify(args)], {
    cwd: root, env: { ...process.env, KB_INSTANCE_ID: INSTANCE }, detached: true, stdio: ["ignore", "pipe", "inherit"],
  });
}

async function until<T>(get: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("not in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("recovery after the app was killed mid-run", () => {
  it("writes the terminal status event with its reason, and an open page receives it", async () => {
    const user = await app.createUser();
    const api = app.callerFor(user);
    const nb = await api.notebook.create({});
    const cellId = (await api.notebook.get({ id: nb.id })).cells[0].id;
    child = startInstance({ userId: user.id, notebookId: nb.id, cellId, source: 'for (i in 1:600) { cat("tick", i, "\\n"); Sys.sleep(0.05) }' });
    const execution = await until(async () => {
      const row = await app.db.execution.findFirst({ where: { notebookId: nb.id }, select: { id: true } });
      if (!row) return undefined;
      const events = await app.eventsOf(row.id);
      return events.some((e) => e.type === "stream") ? row : undefined;
    }, 60_000);
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((r) => child!.once("exit", r));
    expect((await app.db.execution.findUniqueOrThrow({ where: { id: execution.id } })).status).toBe("running");

    // A page left open on the notebook: subscribed before recovery runs.
    const controller = new AbortController();
    const seen = (async () => {
      for await (const e of app.watchNotebookEvents(app.db, { userId: user.id, notebookId: nb.id, signal: controller.signal })) {
        if (e.event.type === "status" && e.executionId === execution.id) return e.event;
      }
      return undefined;
    })();
    await new Promise((r) => setTimeout(r, 300));

    const recovered = await app.recoverAfterRestart(app.db);
    expect(recovered.executions).toBeGreaterThanOrEqual(1);
    const reason = "The server restarted while this cell ran; the output above was kept.";
    const events = await app.eventsOf(execution.id);
    expect(events.at(-1)).toMatchObject({ type: "status", status: "lost", reason });
    expect(events.map((e) => (e.type === "stream" ? e.text : "")).join("")).toContain("tick 1");
    const received = await Promise.race([seen, new Promise((r) => setTimeout(r, 5_000))]);
    controller.abort();
    expect(received).toMatchObject({ type: "status", status: "lost", reason });
    expect((await app.db.execution.findUniqueOrThrow({ where: { id: execution.id } })).status).toBe("lost");
  });
});
