// The whole execution path on the real webR kernel and real PostgreSQL: run through tRPC, events
// stored in order and streamed, queue order, a failure aborting the queue, interrupt, restart,
// the idle reaper and recovery after a server restart.
import { afterAll, describe, expect, it } from "vitest";
import { stopLiveKernels } from "@/test/stop-live-kernels";
import { db } from "@/server/db";
import { callerFor } from "@/test/caller";
import { finished, waitForStatus } from "@/test/execution-waits";
import { createUser } from "@/test/fixtures";
import { reapIdleKernels } from "@/server/kernels/reap-idle-kernels";
import { recoverAfterRestart } from "@/server/kernels/recover-after-restart";
import { instanceId } from "@/server/kernels/instance";
import { readEventsOf } from "./read-events";

afterAll(stopLiveKernels);


async function notebookWithCells(sources: string[]) {
  const user = await createUser();
  const api = callerFor(user);
  const nb = await api.notebook.create({});
  const loaded = await api.notebook.get({ id: nb.id });
  const cells = sources.map((source, i) => ({ id: i === 0 ? loaded.cells[0].id : crypto.randomUUID(), kind: "code" as const, source: "" }));
  await api.notebook.save({ id: nb.id, version: loaded.version, cells });
  return { api, user, notebookId: nb.id, cells: cells.map((c, i) => ({ cellId: c.id, source: sources[i] })) };
}

describe("running cells", () => {
  it("saves the source, runs in order with execution counts, and stores every event", async () => {
    const { api, notebookId, cells } = await notebookWithCells(["x <- 41", "x + 1", 'cat("a\\n"); message("m"); warning("w")']);
    const { executions } = await api.execution.run({ notebookId, cells });
    const rows = [];
    for (const e of executions) rows.push(await waitForStatus(e.id, finished));
    expect(rows.map((r) => [r.status, r.executionCount])).toEqual([["ok", 1], ["ok", 2], ["ok", 3]]);
    expect((await api.notebook.get({ id: notebookId })).cells.map((c) => c.source)).toEqual(cells.map((c) => c.source));

    const events = await readEventsOf(db, executions.map((e) => e.id));
    const second = events.filter((e) => e.executionId === executions[1].id).map((e) => e.event);
    expect(second[0]).toMatchObject({ type: "status", status: "running", executionCount: 2 });
    expect(JSON.stringify(second)).toContain("[1] 42");
    expect(second.at(-1)).toMatchObject({ type: "status", status: "ok" });
    const third = events.filter((e) => e.executionId === executions[2].id).map((e) => e.event.type);
    expect(third).toEqual(expect.arrayContaining(["stream", "message", "warning"]));
    for (const id of executions.map((e) => e.id)) {
      const seqs = events.filter((e) => e.executionId === id).map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
  });

  it("an R error ends its execution as error and aborts the queued cells after it", async () => {
    const { api, notebookId, cells } = await notebookWithCells(['stop("bad input")', 'cat("never\\n")']);
    const { executions } = await api.execution.run({ notebookId, cells });
    const [failed, skipped] = [await waitForStatus(executions[0].id, finished), await waitForStatus(executions[1].id, finished)];
    expect(failed.status).toBe("error");
    expect(skipped.status).toBe("aborted");
    const events = await readEventsOf(db, [executions[1].id]);
    expect(events.map((e) => e.event)).toEqual([expect.objectContaining({ type: "status", status: "aborted", reason: expect.stringMatching(/not run/i) })]);
  });

  it("interrupts a long loop, keeping what it printed, and the kernel goes on", async () => {
    const { api, notebookId, cells } = await notebookWithCells(['for (i in 1:1000) { cat("step", i, "\\n"); Sys.sleep(0.05) }', "1 + 1"]);
    const { executions } = await api.execution.run({ notebookId, cells: [cells[0]] });
    await waitForStatus(executions[0].id, (s) => s === "running");
    await new Promise((r) => setTimeout(r, 600));
    await api.kernel.interrupt({ notebookId });
    const row = await waitForStatus(executions[0].id, finished, 10_000);
    expect(row.status).toBe("interrupted");
    const text = (await readEventsOf(db, [row.id])).map((e) => (e.event.type === "stream" ? e.event.text : "")).join("");
    expect(text).toContain("step 1");
    expect(text).not.toContain("step 1000");
    const next = await api.execution.run({ notebookId, cells: [cells[1]] });
    expect((await waitForStatus(next.executions[0].id, finished)).status).toBe("ok");
  });

  it("restart clears the workspace and counts from 1 again", async () => {
    const { api, notebookId, cells } = await notebookWithCells(["secret <- 7", 'exists("secret")']);
    const first = await api.execution.run({ notebookId, cells: [cells[0]] });
    await waitForStatus(first.executions[0].id, finished);
    await api.kernel.restart({ notebookId });
    const after = await api.execution.run({ notebookId, cells: [cells[1]] });
    const row = await waitForStatus(after.executions[0].id, finished);
    expect(row.executionCount).toBe(1);
    expect(JSON.stringify((await readEventsOf(db, [row.id])).map((e) => e.event))).toContain("[1] FALSE");
    expect((await api.kernel.get({ notebookId }))?.status).toBe("idle");
  });

  it("shuts down kernels idle longer than the timeout, and says why", async () => {
    const { api, notebookId, cells } = await notebookWithCells(["1"]);
    const run = await api.execution.run({ notebookId, cells });
    await waitForStatus(run.executions[0].id, finished);
    const state = await api.kernel.get({ notebookId });
    expect(state?.idleShutdownAt.getTime()).toBeGreaterThan(Date.now());
    expect(await reapIdleKernels(db, new Date(Date.now() + 30 * 60_000))).not.toContain(notebookId);
    expect(await reapIdleKernels(db, new Date(Date.now() + 61 * 60_000))).toContain(notebookId);
    const ended = await api.kernel.get({ notebookId });
    expect(ended).toMatchObject({ status: "dead", endReason: expect.stringMatching(/idle/) });
  });

  it("after a server restart, unfinished executions are marked lost and their output is kept", async () => {
    const { api, notebookId, cells } = await notebookWithCells(["1"]);
    const user = await db.notebook.findUniqueOrThrow({ where: { id: notebookId }, select: { ownerId: true } });
    const session = await db.kernelSession.create({ data: { notebookId, ownerId: user.ownerId, provider: "webr", instanceId, status: "busy" } });
    const execution = await db.execution.create({
      data: { notebookId, cellId: cells[0].cellId, sessionId: session.id, source: "1", status: "running" },
    });
    await db.executionEvent.create({ data: { executionId: execution.id, notebookId, seq: 1, type: "stream", payload: { type: "stream", name: "stdout", text: "partial" } } });
    const recovered = await recoverAfterRestart(db);
    expect(recovered.executions).toBeGreaterThanOrEqual(1);
    expect((await db.execution.findUniqueOrThrow({ where: { id: execution.id } })).status).toBe("lost");
    expect((await readEventsOf(db, [execution.id]))[0].event).toMatchObject({ text: "partial" });
    expect(await api.kernel.get({ notebookId })).toMatchObject({ status: "dead", endReason: expect.stringMatching(/restarted/) });
  });
});

describe("concurrent runs of one notebook", () => {
  it("share one new kernel and one execution counter", async () => {
    const { api, notebookId, cells } = await notebookWithCells(["Sys.getpid()", "Sys.getpid()"]);
    const [a, b] = await Promise.all([
      api.execution.run({ notebookId, cells: [cells[0]] }),
      api.execution.run({ notebookId, cells: [cells[1]] }),
    ]);
    const rows = [await waitForStatus(a.executions[0].id, finished), await waitForStatus(b.executions[0].id, finished)];
    expect(rows.map((r) => r.status)).toEqual(["ok", "ok"]);
    expect(rows.map((r) => r.sessionId)[0]).toBe(rows[1].sessionId);
    expect(rows.map((r) => r.executionCount).sort()).toEqual([1, 2]);
    expect(await db.kernelSession.count({ where: { notebookId } })).toBe(1);
  });
});
