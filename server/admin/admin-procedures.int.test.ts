// The admin router on real PostgreSQL: only admins reach it; roles with last-admin protection,
// disabling (session refused, kernels stopped), password resets, the audit log's filters.
import { afterAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { db } from "@/server/db";
import { authenticate } from "@/server/auth/authenticate";
import { callerFor } from "@/test/caller";
import { createUser } from "@/test/fixtures";
import { stopLiveKernels } from "@/test/stop-live-kernels";
import { ensureAnotherAdmin } from "./last-admin";

afterAll(stopLiveKernels);

const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));

describe("admin procedures", () => {
  it("answer NOT_FOUND to a non-admin, for every procedure", async () => {
    const api = callerFor(await createUser("USER")).admin;
    const other = await createUser("USER");
    const calls: [string, () => Promise<unknown>][] = [
      ["users", () => api.users({ query: "" })],
      ["setRole", () => api.setRole({ userId: other.id, role: "ADMIN" })],
      ["setDisabled", () => api.setDisabled({ userId: other.id, disabled: true })],
      ["resetPassword", () => api.resetPassword({ userId: other.id })],
      ["kernels", () => api.kernels()],
      ["stopKernel", () => api.stopKernel({ sessionId: "nope" })],
      ["audit", () => api.audit({})],
      ["auditActions", () => api.auditActions()],
    ];
    for (const [name, call] of calls) {
      expect([name, await call().then(() => "OK", code)]).toEqual([name, "NOT_FOUND"]);
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ role: "USER", disabled: false });
  });

  it("lists users by search with notebooks and last sign-in", async () => {
    const admin = callerFor(await createUser("ADMIN")).admin;
    const user = await createUser("USER");
    await db.notebook.create({ data: { ownerId: user.id, title: "one" } });
    await admin.resetPassword({ userId: user.id, password: "long-enough-pw" });
    expect(await authenticate(db, { email: user.email, password: "long-enough-pw" })).toMatchObject({ status: "ok" });
    const rows = await admin.users({ query: user.email.slice(0, 20).toUpperCase() });
    expect(rows).toEqual([expect.objectContaining({ id: user.id, role: "USER", disabled: false, notebooks: 1, lastSignInAt: expect.any(Date) })]);
  });

  it("changes roles, audited; refuses to demote or disable the last admin", async () => {
    const actor = await createUser("ADMIN");
    const admin = callerFor(actor).admin;
    const user = await createUser("USER");
    await admin.setRole({ userId: user.id, role: "ADMIN" });
    await admin.setRole({ userId: user.id, role: "USER" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("USER");
    const audit = await db.auditEvent.findMany({ where: { actorId: actor.id, action: "admin.role_change" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.detail)).toEqual([
      expect.objectContaining({ from: "USER", to: "ADMIN" }), expect.objectContaining({ from: "ADMIN", to: "USER" }),
    ]);
    // Other test files' admins share this database: make `actor` the only one inside a transaction
    // that is rolled back.
    const refused = db.$transaction(async (tx) => {
      await tx.user.updateMany({ where: { role: "ADMIN", id: { not: actor.id } }, data: { role: "USER" } });
      await ensureAnotherAdmin(tx, actor.id, "demote");
    });
    await expect(refused).rejects.toThrow("Cannot demote the last administrator");
    expect(await admin.setDisabled({ userId: actor.id, disabled: true }).then(() => "OK", code)).toBe("FORBIDDEN");
  });

  it("a reset password works for sign-in; a generated one is returned once", async () => {
    const actor = await createUser("ADMIN");
    const admin = callerFor(actor).admin;
    const user = await createUser("USER");
    expect(await admin.resetPassword({ userId: user.id, password: "chosen-by-admin" })).toEqual({ generatedPassword: null });
    expect(await authenticate(db, { email: user.email, password: "chosen-by-admin" })).toMatchObject({ status: "ok", user: { id: user.id } });
    const { generatedPassword } = await admin.resetPassword({ userId: user.id });
    expect(generatedPassword).toMatch(/^[\w-]{16}$/);
    expect(await authenticate(db, { email: user.email, password: "chosen-by-admin" })).toEqual({ status: "invalid" });
    expect(await authenticate(db, { email: user.email, password: generatedPassword })).toMatchObject({ status: "ok" });
    const audit = await db.auditEvent.findMany({ where: { actorId: actor.id, action: "admin.password_reset" } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(generatedPassword!);
  });

  it("filters the audit log by action, actor and date range", async () => {
    const actor = await createUser("ADMIN");
    const admin = callerFor(actor).admin;
    const user = await createUser("USER");
    const before = new Date(Date.now() - 1000);
    await admin.setDisabled({ userId: user.id, disabled: true });
    await admin.setDisabled({ userId: user.id, disabled: false });
    const mine = await admin.audit({ actor: actor.email });
    expect(mine.rows.map((r) => r.action)).toEqual(["admin.user_enable", "admin.user_disable"]);
    expect(mine.rows[0]).toMatchObject({ actorEmail: actor.email, target: user.email });
    expect((await admin.audit({ actor: actor.email, action: "admin.user_disable" })).rows).toHaveLength(1);
    expect((await admin.audit({ actor: actor.email, to: before })).rows).toHaveLength(0);
    const paged = await admin.audit({ actor: actor.email, from: before, limit: 1 });
    expect(paged.rows).toHaveLength(1);
    const rest = await admin.audit({ actor: actor.email, from: before, limit: 1, cursor: paged.nextCursor! });
    expect(rest.rows.map((r) => r.action)).toEqual(["admin.user_disable"]);
    expect(await admin.auditActions()).toEqual(expect.arrayContaining(["admin.user_disable", "admin.user_enable"]));
  });
});
