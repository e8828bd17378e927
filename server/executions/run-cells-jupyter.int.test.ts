// The whole execution path on a real jupyter-server with IRkernel and real PostgreSQL: a notebook
// whose provider is "jupyter" runs through tRPC, its plot stored as PNG; input requests answered
// with execution.sendInput and recorded; a kernel killed mid-run ends its cell as lost, keeping the
// output printed before, and the next run starts a new kernel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJupyterServer, type JupyterTestServer } from "@/test/jupyter-server.mjs";

// server/env.ts reads process.env once, when first imported: the app is imported after
// JUPYTER_URL / JUPYTER_TOKEN point at this file's server.
async function loadApp() {
  const [{ db }, { callerFor }, { createUser }, waits] = await Promise.all([
    import("@/server/db"), import("@/test/caller"), import("@/test/fixtures"), import("@/test/execution-waits"),
  ]);
  return { db, callerFor, createUser, ...waits };
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
  // Imported late, like the app modules above, so it stops the same kernels and bus they use.
  if (app) await (await import("@/test/stop-live-kernels")).stopLiveKernels();
  await server?.stop();
});

/** A notebook on the jupyter provider, with one code cell per source. */
async function jupyterNotebook(sources: string[]) {
  const user = await app.createUser();
  const api = app.callerFor(user);
  const nb = await api.notebook.create({});
  await app.db.notebook.update({ where: { id: nb.id }, data: { provider: "jupyter" } });
  const loaded = await api.notebook.get({ id: nb.id });
  const cells = sources.map((_, i) => ({ id: i === 0 ? loaded.cells[0].id : crypto.randomUUID(), kind: "code" as const, source: "" }));
  await api.notebook.save({ id: nb.id, version: loaded.version, cells });
  return { api, notebookId: nb.id, cells: cells.map((c, i) => ({ cellId: c.id, source: sources[i] })) };
}

describe("running cells on Jupyter (IRkernel)", () => {
  it("runs cells in order on IRkernel and stores values and a plot as PNG", async () => {
    const { api, notebookId, cells } = await jupyterNotebook(["x <- 41", "x + 1", "plot(cars)"]);
    const { executions } = await api.execution.run({ notebookId, cells });
    const rows = [];
    for (const e of executions) rows.push(await app.waitForStatus(e.id, app.finished));
    expect(rows.map((r) => [r.status, r.executionCount])).toEqual([["ok", 1], ["ok", 2], ["ok", 3]]);
    expect(await app.eventsOf(executions[1].id)).toContainEqual({ type: "execute_result", data: expect.objectContaining({ "text/plain": "[1] 42" }) });
    const images = (await app.eventsOf(executions[2].id)).filter((e) => e.type === "display_data" && e.data["image/png"]);
    expect(images).toHaveLength(1);
    const png = Buffer.from(images[0]?.type === "display_data" ? images[0].data["image/png"]! : "", "base64");
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(await api.kernel.get({ notebookId })).toMatchObject({ provider: "jupyter", status: "idle", runtime: expect.stringMatching(/^R 4\.\d+\.\d+ \(IRkernel\)$/) });
  });

  it("answers input requests with execution.sendInput and records the answers (passwords masked)", async () => {
    const { api, notebookId, cells } = await jupyterNotebook(['name <- readline("Name? "); pin <- getPass("PIN: "); cat("Hello,", name, nchar(pin), "\\n")']);
    const [execution] = (await api.execution.run({ notebookId, cells })).executions;
    const ask = (prompt: string) => app.waitForEvent(execution.id, (events) => events.some((e) => e.type === "input_request" && e.prompt === prompt));
    await ask("Name? ");
    await api.execution.sendInput({ notebookId, executionId: execution.id, value: "Ada" });
    await ask("PIN: ");
    await api.execution.sendInput({ notebookId, executionId: execution.id, value: "1234" });
    expect((await app.waitForStatus(execution.id, app.finished)).status).toBe("ok");
    const events = await app.eventsOf(execution.id);
    expect(events.filter((e) => e.type.startsWith("input_"))).toEqual([
      { type: "input_request", prompt: "Name? ", password: false },
      { type: "input_reply", value: "Ada" },
      { type: "input_request", prompt: "PIN: ", password: true },
      { type: "input_reply", value: "••••" },
    ]);
    expect(events.findIndex((e) => e.type === "input_reply")).toBeLessThan(events.findIndex((e) => e.type === "stream"));
    expect(app.stdoutOf(events)).toBe("Hello, Ada 4 \n");
    expect(JSON.stringify(events)).not.toContain("1234");

    await expect(api.execution.sendInput({ notebookId, executionId: execution.id, value: "late" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.execution.sendInput({ notebookId, executionId: execution.id, value: "x".repeat(10 * 1024 + 1) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const stranger = app.callerFor(await app.createUser());
    await expect(stranger.execution.sendInput({ notebookId, executionId: execution.id, value: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses input a running cell did not ask for", async () => {
    const { api, notebookId, cells } = await jupyterNotebook(['Sys.sleep(1.5); cat("done\\n")']);
    const [execution] = (await api.execution.run({ notebookId, cells })).executions;
    await app.waitForStatus(execution.id, (s) => s === "running");
    await expect(api.execution.sendInput({ notebookId, executionId: execution.id, value: "x" }))
      .rejects.toMatchObject({ message: expect.stringMatching(/not waiting for input/) });
    expect((await app.waitForStatus(execution.id, app.finished)).status).toBe("ok");
    expect((await app.eventsOf(execution.id)).some((e) => e.type === "input_reply")).toBe(false);
  });

  it("ends a cell whose kernel is killed as lost, keeps its earlier output, and starts a new kernel next", async () => {
    const { api, notebookId, cells } = await jupyterNotebook(["Sys.getpid()", 'cat("before\\n"); Sys.sleep(30); cat("after\\n")', "1 + 1"]);
    const first = (await api.execution.run({ notebookId, cells: [cells[0]] })).executions[0];
    await app.waitForStatus(first.id, app.finished);
    const result = (await app.eventsOf(first.id)).find((e) => e.type === "execute_result");
    const pid = Number(/^\[1\] (\d+)$/.exec(result?.type === "execute_result" ? result.data["text/plain"]! : "")?.[1]);
    expect(pid).toBeGreaterThan(0);
    const before = await api.kernel.get({ notebookId });

    const running = (await api.execution.run({ notebookId, cells: [cells[1]] })).executions[0];
    await app.waitForEvent(running.id, (events) => app.stdoutOf(events).includes("before"));
    process.kill(pid, "SIGKILL");
    const lost = await app.waitForStatus(running.id, app.finished, 20_000);
    expect(lost.status).toBe("lost");
    const events = await app.eventsOf(running.id);
    expect(app.stdoutOf(events)).toBe("before\n");
    expect(events).toContainEqual(expect.objectContaining({ type: "error", ename: "KernelDied", evalue: expect.stringMatching(/kernel died/) }));
    expect(events.at(-1)).toMatchObject({ type: "status", status: "lost", reason: expect.stringMatching(/kernel died/) });
    expect(await api.kernel.get({ notebookId })).toMatchObject({ status: "dead", sessionId: before?.sessionId });

    const next = (await api.execution.run({ notebookId, cells: [cells[2]] })).executions[0];
    expect((await app.waitForStatus(next.id, app.finished)).status).toBe("ok");
    expect(app.stdoutOf(await app.eventsOf(next.id)) + JSON.stringify(await app.eventsOf(next.id))).toContain("[1] 2");
    const after = await api.kernel.get({ notebookId });
    expect(after).toMatchObject({ status: "idle", provider: "jupyter" });
    expect(after?.sessionId).not.toBe(before?.sessionId);
  });
});
