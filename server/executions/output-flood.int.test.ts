// An output flood costs one cell, not the server: while a webR kernel prints without end, another
// user's `1+1` round trip through the app (run → status event on the live stream) stays under 1 s,
// the flood's stored output stops at the cap with one marker, and interrupting it still works.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CAP = 1_000_000;
let app: {
  db: typeof import("@/server/db").db;
  callerFor: typeof import("@/test/caller").callerFor;
  createUser: typeof import("@/test/fixtures").createUser;
  waitForStatus: typeof import("@/test/execution-waits").waitForStatus;
  eventsOf: typeof import("@/test/execution-waits").eventsOf;
  watchNotebookEvents: typeof import("./watch-notebook-events").watchNotebookEvents;
  stopLiveKernels: typeof import("@/test/stop-live-kernels").stopLiveKernels;
};

beforeAll(async () => {
  // A small cap, so the test also covers the kernel printing on past it.
  process.env.MAX_OUTPUT_BYTES = String(CAP);
  app = {
    db: (await import("@/server/db")).db,
    callerFor: (await import("@/test/caller")).callerFor,
    createUser: (await import("@/test/fixtures")).createUser,
    waitForStatus: (await import("@/test/execution-waits")).waitForStatus,
    eventsOf: (await import("@/test/execution-waits")).eventsOf,
    watchNotebookEvents: (await import("./watch-notebook-events")).watchNotebookEvents,
    stopLiveKernels: (await import("@/test/stop-live-kernels")).stopLiveKernels,
  };
});

afterAll(async () => app?.stopLiveKernels());

async function userWithNotebook() {
  const user = await app.createUser();
  const api = app.callerFor(user);
  const nb = await api.notebook.create({});
  const cellId = (await api.notebook.get({ id: nb.id })).cells[0].id;
  return { user, api, notebookId: nb.id, cellId };
}

/** Another user's page: runs `1+1` and waits for its final status on the live event stream. */
async function roundTrip(u: Awaited<ReturnType<typeof userWithNotebook>>): Promise<number> {
  const controller = new AbortController();
  const stream = app.watchNotebookEvents(app.db, { userId: u.user.id, notebookId: u.notebookId, signal: controller.signal });
  const first = stream.next(); // subscribes before the run
  const t0 = performance.now();
  const { executions } = await u.api.execution.run({ notebookId: u.notebookId, cells: [{ cellId: u.cellId, source: "1+1" }] });
  for (let next = await first; !next.done; next = await stream.next()) {
    const e = next.value;
    if (e.executionId === executions[0].id && e.event.type === "status" && e.event.status !== "running") {
      controller.abort();
      expect(e.event.status).toBe("ok");
      return performance.now() - t0;
    }
  }
  throw new Error("stream ended");
}

describe("an output flood", () => {
  it("keeps another user's 1+1 round trip under 1 s, caps the flood's output and can be interrupted", async () => {
    const other = await userWithNotebook();
    await roundTrip(other); // starts (and warms) the other user's kernel
    const flooder = await userWithNotebook();
    const { executions } = await flooder.api.execution.run({ notebookId: flooder.notebookId, cells: [{ cellId: flooder.cellId, source: 'repeat cat(strrep("x", 1000), "\\n")' }] });
    const floodId = executions[0].id;
    await app.waitForStatus(floodId, (s) => s === "running");

    const samples: number[] = [];
    for (let i = 0; i < 8; i++) {
      samples.push(await roundTrip(other));
      await new Promise((r) => setTimeout(r, 250));
    }
    const events = await app.eventsOf(floodId);
    console.log(`1+1 round trips during the flood (ms): ${samples.map((s) => s.toFixed(0)).join(", ")}`);
    expect(events.filter((e) => e.type === "truncated")).toEqual([{ type: "truncated", limitBytes: CAP }]);
    expect(Math.max(...samples)).toBeLessThan(1_000);

    await flooder.api.kernel.interrupt({ notebookId: flooder.notebookId });
    const ended = await app.waitForStatus(floodId, (s) => !["queued", "running"].includes(s), 20_000);
    expect(ended.status).toBe("interrupted");
    expect(ended.outputBytes).toBeLessThanOrEqual(CAP);
    expect(ended.truncated).toBe(true);
  });
});
