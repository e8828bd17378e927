// The editor's kernel procedures through tRPC on the real webR kernel and real PostgreSQL:
// completion, help and variables (nothing without a live idle kernel, never starting one), the
// kernel specs, choosing a kernel (stored on the notebook, the old kernel shut down), ownership.
import { afterAll, describe, expect, it } from "vitest";
import { stopLiveKernels } from "@/test/stop-live-kernels";
import { db } from "@/server/db";
import type { ExecutionStatus } from "@/server/contracts/outputs";
import { callerFor } from "@/test/caller";
import { createUser } from "@/test/fixtures";
import { liveKernels } from "./live-kernels";

afterAll(stopLiveKernels);

async function newNotebook() {
  const user = await createUser();
  const api = callerFor(user);
  const { id: notebookId } = await api.notebook.create({});
  const { cells } = await api.notebook.get({ id: notebookId });
  return { api, user, notebookId, cellId: cells[0].id };
}

async function runAndWait(api: ReturnType<typeof callerFor>, notebookId: string, cellId: string, source: string): Promise<ExecutionStatus> {
  const { executions } = await api.execution.run({ notebookId, cells: [{ cellId, source }] });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const row = await db.execution.findUniqueOrThrow({ where: { id: executions[0].id } });
    const status = row.status as ExecutionStatus;
    if (status !== "queued" && status !== "running") return status;
    if (Date.now() > deadline) throw new Error(`execution still ${status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("editor kernel procedures", () => {
  it("answer nothing without a kernel, and never start one", async () => {
    const { api, notebookId } = await newNotebook();
    expect(await api.kernel.complete({ notebookId, code: "summ", cursor: 4 })).toEqual({ matches: [], cursorStart: 4, cursorEnd: 4 });
    expect(await api.kernel.inspect({ notebookId, code: "summary", cursor: 3 })).toEqual({ found: false });
    expect(await api.kernel.variables({ notebookId })).toEqual([]);
    expect(liveKernels.has(notebookId)).toBe(false);
    expect(await db.kernelSession.count({ where: { notebookId } })).toBe(0);
  });

  it("complete, explain and list the workspace of the notebook's live kernel", async () => {
    const { api, notebookId, cellId } = await newNotebook();
    expect(await runAndWait(api, notebookId, cellId, "df <- data.frame(alpha = 1:30, beta = letters[1:30])")).toBe("ok");
    const completion = await api.kernel.complete({ notebookId, code: "x <- df$", cursor: 8 });
    expect(completion).toEqual({ matches: ["df$alpha", "df$beta"], cursorStart: 5, cursorEnd: 8 });
    expect((await api.kernel.complete({ notebookId, code: "summ", cursor: 4 })).matches).toContain("summary");
    const help = await api.kernel.inspect({ notebookId, code: "summary(df)", cursor: 2 });
    expect(help.found && help.text).toContain("Object Summaries");
    expect(await api.kernel.variables({ notebookId })).toEqual([
      { name: "df", type: "data.frame", shape: "30 x 2", sizeBytes: expect.any(Number), preview: "30 obs. of 2 variables" },
    ]);
  });

  it("answer nothing at once while a cell runs", async () => {
    const { api, notebookId, cellId } = await newNotebook();
    expect(await runAndWait(api, notebookId, cellId, "x <- 1")).toBe("ok");
    const { executions } = await api.execution.run({ notebookId, cells: [{ cellId, source: "Sys.sleep(2)" }] });
    const started = Date.now();
    expect(await api.kernel.variables({ notebookId })).toEqual([]);
    expect((await api.kernel.complete({ notebookId, code: "summ", cursor: 4 })).matches).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1_000);
    await api.kernel.interrupt({ notebookId });
    expect(executions).toHaveLength(1);
  });

  it("reject a cursor past the end of the code", async () => {
    const { api, notebookId } = await newNotebook();
    await expect(api.kernel.complete({ notebookId, code: "ab", cursor: 3 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("list the configured providers' specs, webR among them", async () => {
    const api = callerFor(await createUser());
    const specs = await api.kernel.specs();
    expect(specs).toContainEqual({
      provider: "webr",
      available: true,
      specs: [{ name: "r", displayName: expect.stringMatching(/^R 4\.\d+ — embedded webR$/), language: "r" }],
    });
    await expect(callerFor(null).kernel.specs()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("choose a kernel: stored on the notebook, the running kernel shut down, the next run starts it", async () => {
    const { api, notebookId, cellId } = await newNotebook();
    expect(await api.kernel.choice({ notebookId })).toEqual({ provider: "webr", spec: null, resources: null, language: "r" });
    expect(await runAndWait(api, notebookId, cellId, "x <- 1")).toBe("ok");
    const kernel = liveKernels.get(notebookId);
    // The default spec is the current choice: choosing it again keeps the kernel and its workspace.
    expect(await api.kernel.choose({ notebookId, provider: "webr", spec: "r" })).toEqual({ provider: "webr", spec: null, resources: null, language: "r" });
    expect(liveKernels.get(notebookId)).toBe(kernel);

    await db.notebook.update({ where: { id: notebookId }, data: { runtime: "an-older-spec" } });
    expect(await api.kernel.choose({ notebookId, provider: "webr", spec: "r" })).toEqual({ provider: "webr", spec: "r", resources: null, language: "r" });
    expect(await api.kernel.choice({ notebookId })).toEqual({ provider: "webr", spec: "r", resources: null, language: "r" });
    expect(liveKernels.has(notebookId)).toBe(false);
    const ended = await db.kernelSession.findFirstOrThrow({ where: { notebookId }, orderBy: { startedAt: "desc" } });
    expect(ended.endReason).toMatch(/^Kernel changed to R 4\.\d+ — embedded webR\.$/);

    expect(await runAndWait(api, notebookId, cellId, "exists('x')")).toBe("ok");
    expect(await api.kernel.variables({ notebookId })).toEqual([]);
  });

  it("refuse a spec the provider does not offer, and a provider that is not configured", async () => {
    const { api, notebookId } = await newNotebook();
    await expect(api.kernel.choose({ notebookId, provider: "webr", spec: "python3" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.kernel.choose({ notebookId, provider: "webr", spec: "r", resources: { cpu: "4" } })).rejects.toMatchObject({
      code: "NOT_FOUND", message: expect.stringContaining('has no resource "cpu"'),
    });
    await expect(api.kernel.choose({ notebookId, provider: "mlserver", spec: "r" })).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    expect(await api.kernel.choice({ notebookId })).toEqual({ provider: "webr", spec: null, resources: null, language: "r" });
  });

  it("treat another user's notebook as not found", async () => {
    const { notebookId } = await newNotebook();
    const bob = callerFor(await createUser());
    const attempts = [
      () => bob.kernel.complete({ notebookId, code: "summ", cursor: 4 }),
      () => bob.kernel.inspect({ notebookId, code: "summ", cursor: 4 }),
      () => bob.kernel.variables({ notebookId }),
      () => bob.kernel.choice({ notebookId }),
      () => bob.kernel.choose({ notebookId, provider: "webr", spec: "r" }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND", message: "Notebook not found." });
  });
});
