// Stored sessions on real PostgreSQL (issue #13 item 3): every way a session should end really ends it
// (the cookie's session id no longer resolves), the list shows what is live, and each end is audited.
import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { callerFor } from "@/test/caller";
import { createUser } from "@/test/fixtures";
import { resolveSession } from "./resolve-session";
import { SESSION_IDLE_MS } from "./session-policy";
import { startSession } from "./start-session";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

async function signedIn(password = "first-long-password") {
  const user = await createUser();
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  const open = (userAgent = CHROME) => startSession(db, { userId: user.id, userAgent, ip: "192.0.2.7" });
  const resolves = async (sessionId: string) => (await resolveSession(db, { sessionId, userId: user.id })) !== null;
  // callerFor has no stored session; these procedures read ctx.user.sessionId, so give them one.
  const as = (sessionId: string | null) => (sessionId ? createCaller({ user: { ...user, name: null, sessionId }, ip: "192.0.2.7" }) : callerFor(user));
  return { user, open, resolves, as, password };
}

describe("stored sessions", () => {
  it("a fresh session resolves to its user; another user's id or a made-up id does not", async () => {
    const { user, open, resolves } = await signedIn();
    const sid = await open();
    expect(await resolveSession(db, { sessionId: sid, userId: user.id })).toMatchObject({ id: user.id, email: user.email, sessionId: sid });
    expect(await resolveSession(db, { sessionId: sid, userId: (await createUser()).id })).toBeNull();
    expect(await resolves("not-a-session")).toBe(false);
  });

  it("ends after 12 idle hours, and touches lastSeenAt at most every few minutes", async () => {
    const { open, resolves } = await signedIn();
    const sid = await open();
    const justNow = (await db.authSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt;
    expect(await resolves(sid)).toBe(true);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt).toEqual(justNow);
    await db.authSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 1000) } });
    expect(await resolves(sid)).toBe(false);
  });

  it("an administrator's password reset ends every session of the user", async () => {
    const { user, open, resolves } = await signedIn();
    const [a, b] = [await open(), await open(FIREFOX)];
    const admin = await createUser("ADMIN");
    await callerFor(admin).admin.resetPassword({ userId: user.id });
    expect([await resolves(a), await resolves(b)]).toEqual([false, false]);
    const audit = await db.auditEvent.findFirst({ where: { action: "auth.sessions_revoked", target: user.id } });
    expect(audit).toMatchObject({ actorId: admin.id, detail: { reason: "password_reset", count: 2 } });
  });

  it("disabling ends every session, and re-enabling does not bring them back", async () => {
    const { user, open, resolves } = await signedIn();
    const sid = await open();
    const admin = callerFor(await createUser("ADMIN"));
    await admin.admin.setDisabled({ userId: user.id, disabled: true });
    expect(await resolves(sid)).toBe(false);
    await admin.admin.setDisabled({ userId: user.id, disabled: false });
    expect(await resolves(sid)).toBe(false);
    expect(await resolves(await open())).toBe(true);
  });

  it("lists the live sessions with browser and address; signs out one; signs out everywhere", async () => {
    const { user, open, resolves, as } = await signedIn();
    const [mine, other, third] = [await open(), await open(FIREFOX), await open()];
    const api = as(mine);
    const listed = await api.session.list();
    expect(listed.map((s) => s.id).sort()).toEqual([mine, other, third].sort());
    expect(listed.find((s) => s.id === mine)).toMatchObject({ current: true, browser: "Chrome 131 on Linux", ip: "192.0.2.7" });
    expect(listed.find((s) => s.id === other)).toMatchObject({ current: false, browser: "Firefox 133 on Windows" });

    await api.session.revoke({ id: other });
    expect(await resolves(other)).toBe(false);
    expect((await api.session.list()).map((s) => s.id).sort()).toEqual([mine, third].sort());
    await expect(as(null).session.revoke({ id: (await createUserSession()) })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await api.session.revokeAll()).toEqual({ ended: 2 });
    expect([await resolves(mine), await resolves(third)]).toEqual([false, false]);
    expect(await db.auditEvent.count({ where: { target: user.id, action: "auth.sessions_revoked", detail: { path: ["reason"], equals: "sign_out_everywhere" } } })).toBe(1);
    expect(await db.auditEvent.count({ where: { target: other, action: "auth.session_revoked" } })).toBe(1);
  });

  it("a password change needs the current password, follows the password rules, and ends the other sessions only", async () => {
    const { user, open, resolves, as, password } = await signedIn();
    const [mine, other] = [await open(), await open(FIREFOX)];
    const api = as(mine);
    await expect(api.user.changePassword({ currentPassword: "not-it-at-all", newPassword: "a-fresh-long-password" }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: "Your current password is not right." });
    await expect(api.user.changePassword({ currentPassword: password, newPassword: "password1" }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/too common/) });
    expect(await resolves(other)).toBe(true);

    expect(await api.user.changePassword({ currentPassword: password, newPassword: "a-fresh-long-password" })).toEqual({ otherSessionsEnded: 1 });
    expect([await resolves(mine), await resolves(other)]).toEqual([true, false]);
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "user.password_change" } })).toBe(1);
  });
});

async function createUserSession(): Promise<string> {
  const someone = await createUser();
  return startSession(db, { userId: someone.id, userAgent: null, ip: null });
}
