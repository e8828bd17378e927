// An administrator stops other users' kernels, on the real webR kernel: the owner's running cell ends
// saying "Stopped by an administrator."; disabling a user stops their kernels and ends their session.
import { afterAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { db } from "@/server/db";
import { liveKernels } from "@/server/kernels/live-kernels";
import { callerFor } from "@/test/caller";
import { eventsOf, finished, stdoutOf, waitForEvent, waitForStatus } from "@/test/execution-waits";
import { createUser } from "@/test/fixtures";
import { stopLiveKernels } from "@/test/stop-live-kernels";

afterAll(stopLiveKernels);

/** A user whose notebook is running `Sys.sleep(30)` on webR (after printing "started"). */
async function userRunningSleep() {
  const user = await createUser("USER");
  const api = callerFor(user);
  const nb = await api.notebook.create({});
  const loaded = await api.notebook.get({ id: nb.id });
  const cellId = loaded.cells[0].id;
  const source = 'cat("started\\n"); Sys.sleep(30)';
  await api.notebook.save({ id: nb.id, version: loaded.version, cells: [{ id: cellId, kind: "code", source: "" }] });
  const { executions } = await api.execution.run({ notebookId: nb.id, cells: [{ cellId, source }] });
  await waitForEvent(executions[0].id, (events) => stdoutOf(events).includes("started"), 60_000);
  return { user, api, notebookId: nb.id, executionId: executions[0].id };
}

describe("admin and running kernels", () => {
  it("lists a user's running kernel and stops it: the cell ends with the administrator's message", async () => {
    const actor = await createUser("ADMIN");
    const admin = callerFor(actor).admin;
    const { user, api, notebookId, executionId } = await userRunningSleep();

    const row = (await admin.kernels()).find((k) => k.notebookId === notebookId);
    expect(row).toMatchObject({ provider: "webr", ownerEmail: user.email, notebookTitle: expect.any(String), status: "busy", queued: 0 });
    const started = Date.now();
    await admin.stopKernel({ sessionId: row!.sessionId });

    const ended = await waitForStatus(executionId, finished, 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(ended.status).toBe("interrupted");
    expect((await eventsOf(executionId)).at(-1)).toMatchObject({ type: "status", status: "interrupted", reason: "Stopped by an administrator." });
    expect(await api.kernel.get({ notebookId })).toMatchObject({ status: "dead", endReason: "Stopped by an administrator." });
    expect((await admin.kernels()).some((k) => k.notebookId === notebookId)).toBe(false);
    const audit = await db.auditEvent.findFirst({ where: { actorId: actor.id, action: "admin.kernel_stop" } });
    expect(audit).toMatchObject({ target: user.email, detail: expect.objectContaining({ sessionId: row!.sessionId, notebookId }) });

    const again = await admin.stopKernel({ sessionId: row!.sessionId }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(TRPCError);
    expect((again as TRPCError).code).toBe("NOT_FOUND");
  });

  it("disabling a user stops their kernels at once and refuses their session", async () => {
    const admin = callerFor(await createUser("ADMIN")).admin;
    const { user, api, executionId } = await userRunningSleep();
    await admin.setDisabled({ userId: user.id, disabled: true });

    expect([...liveKernels.values()].some((k) => k.ownerId === user.id)).toBe(false);
    expect(await db.kernelSession.count({ where: { ownerId: user.id, endedAt: null } })).toBe(0);
    const ended = await waitForStatus(executionId, finished, 10_000);
    expect(ended.status).toBe("interrupted");
    expect(JSON.stringify(await eventsOf(executionId))).toContain("disabled by an administrator");
    const refused = await api.notebook.list().catch((e: unknown) => e);
    expect((refused as TRPCError).code).toBe("UNAUTHORIZED");

    await admin.setDisabled({ userId: user.id, disabled: false });
    await expect(api.notebook.list()).resolves.toHaveLength(1);
  });
});
