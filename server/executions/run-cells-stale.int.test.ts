// A run from a page whose copy of the notebook is stale (another tab saved since) must not save its
// sources over the newer ones: it is refused as a version conflict, nothing runs, nothing changes.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor } from "@/test/caller";
import { finished, waitForStatus } from "@/test/execution-waits";
import { createUser } from "@/test/fixtures";
import { stopLiveKernels } from "@/test/stop-live-kernels";
import { readEventsOf } from "./read-events";

afterAll(stopLiveKernels);

async function twoTabs() {
  const api = callerFor(await createUser());
  const nb = await api.notebook.create({});
  const loaded = await api.notebook.get({ id: nb.id });
  const cellId = loaded.cells[0].id;
  const original = await api.notebook.save({ id: nb.id, version: loaded.version, cells: [{ id: cellId, kind: "code", source: "x <- 'original'; cat(x)" }] });
  // Tab 2 loads and saves its edit; tab 1 still holds `original`'s version and text.
  const saved = await api.notebook.save({ id: nb.id, version: original.version, cells: [{ id: cellId, kind: "code", source: "x <- 'from tab 2 (saved)'; cat(x)" }] });
  return { api, notebookId: nb.id, cellId, staleVersion: original.version, currentVersion: saved.version };
}

describe("running from a stale copy", () => {
  it("is refused with a clear message and leaves the saved source and history alone", async () => {
    const { api, notebookId, cellId, staleVersion, currentVersion } = await twoTabs();
    const run = api.execution.run({ notebookId, baseVersion: staleVersion, cells: [{ cellId, source: "x <- 'original'; cat(x)" }] });
    await expect(run).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/changed in another tab or window.*Reload/) });
    const after = await api.notebook.get({ id: notebookId });
    expect(after.version).toBe(currentVersion);
    expect(after.cells[0].source).toBe("x <- 'from tab 2 (saved)'; cat(x)");
    expect(await db.execution.count({ where: { notebookId } })).toBe(0);
  });

  it("runs when the stale copy's source is the stored one (nothing to overwrite)", async () => {
    const { api, notebookId, cellId, staleVersion, currentVersion } = await twoTabs();
    const { version, executions } = await api.execution.run({ notebookId, baseVersion: staleVersion, cells: [{ cellId, source: "x <- 'from tab 2 (saved)'; cat(x)" }] });
    expect(version).toBe(currentVersion);
    expect((await waitForStatus(executions[0].id, finished)).status).toBe("ok");
    const text = (await readEventsOf(db, [executions[0].id])).map((e) => (e.event.type === "stream" ? e.event.text : "")).join("");
    expect(text).toContain("from tab 2 (saved)");
  });

  it("saves and runs an edit made on the current version, bumping it once", async () => {
    const { api, notebookId, cellId, currentVersion } = await twoTabs();
    const { version, executions } = await api.execution.run({ notebookId, baseVersion: currentVersion, cells: [{ cellId, source: "cat('edited')" }] });
    expect(version).toBe(currentVersion + 1);
    expect((await api.notebook.get({ id: notebookId })).cells[0].source).toBe("cat('edited')");
    expect((await waitForStatus(executions[0].id, finished)).status).toBe("ok");
  });
});
