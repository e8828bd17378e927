// An idle shutdown is told apart from a crash (endCause), worded for the toolbar, and the next run,
// on a new kernel, carries a stored notice that the old variables are gone.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor } from "@/test/caller";
import { finished, waitForStatus } from "@/test/execution-waits";
import { createUser } from "@/test/fixtures";
import { stopLiveKernels } from "@/test/stop-live-kernels";
import { readEventsOf } from "@/server/executions/read-events";
import { reapIdleKernels } from "./reap-idle-kernels";

afterAll(stopLiveKernels);

describe("idle shutdown", () => {
  it("is worded as one, and the next run's cell says it started a new kernel", async () => {
    const api = callerFor(await createUser());
    const nb = await api.notebook.create({});
    const { version, cells } = await api.notebook.get({ id: nb.id });
    const cellId = cells[0].id;
    const first = await api.execution.run({ notebookId: nb.id, baseVersion: version, cells: [{ cellId, source: "x <- 42" }] });
    await waitForStatus(first.executions[0].id, finished);
    expect((await readEventsOf(db, [first.executions[0].id])).map((e) => e.event.type)).not.toContain("notice");

    expect(await reapIdleKernels(db, new Date(Date.now() + 61 * 60_000))).toContain(nb.id);
    expect(await api.kernel.get({ notebookId: nb.id })).toMatchObject({
      status: "dead", endCause: "idle_timeout",
      endReason: "Kernel stopped after 60 min idle — variables cleared; the next run starts a new kernel.",
    });

    const next = await api.execution.run({ notebookId: nb.id, baseVersion: first.version, cells: [{ cellId, source: "cat(exists('x'))" }] });
    expect((await waitForStatus(next.executions[0].id, finished)).status).toBe("ok");
    const events = (await readEventsOf(db, [next.executions[0].id])).map((e) => e.event);
    expect(events.map((e) => e.type)).toEqual(["status", "notice", "stream", "status"]);
    expect(events[1]).toMatchObject({ type: "notice", text: expect.stringMatching(/^Started a new kernel: the previous one stopped after being idle\. Variables from earlier runs are gone/) });
    expect(events[2]).toMatchObject({ type: "stream", text: "FALSE" });
    expect((await api.kernel.get({ notebookId: nb.id }))?.endCause).toBeNull();
  });
});
