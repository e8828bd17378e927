// Sign-in on real PostgreSQL: attempts recorded and audited (never the password); repeated failures
// throttle the email at that address and the address itself, with a message saying for how long.
import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createUser } from "@/test/fixtures";
import { authenticate } from "./authenticate";
import { hashPassword } from "./password";

async function userWithPassword(password: string) {
  const user = await createUser("USER");
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  return user;
}

const someIp = () => `198.51.${randomInt(0, 255)}.${randomInt(1, 255)}`;
const auditOf = (email: string) => db.auditEvent.findMany({ where: { target: email }, orderBy: { createdAt: "asc" } });

describe("authenticate", () => {
  it("signs in, recording the attempt and an auth.sign_in audit row; a failure records the email, not the password", async () => {
    const user = await userWithPassword("right-password");
    const ip = someIp();
    expect(await authenticate(db, { email: user.email, password: "wrong-password" }, { ip })).toEqual({ status: "invalid" });
    expect(await authenticate(db, { email: user.email.toUpperCase(), password: "right-password" }, { ip })).toMatchObject({
      status: "ok", user: { id: user.id, email: user.email, role: "USER" },
    });
    const attempts = await db.signInAttempt.findMany({ where: { email: user.email }, orderBy: { createdAt: "asc" } });
    expect(attempts.map((a) => [a.ok, a.ip])).toEqual([[false, ip], [true, ip]]);
    const audit = await auditOf(user.email);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["auth.sign_in_failed", null], ["auth.sign_in", user.id]]);
    expect(audit[0].detail).toMatchObject({ email: user.email, reason: "wrong_password" });
    expect(JSON.stringify(audit)).not.toContain("wrong-password");
  });

  it("refuses a disabled account even with the right password", async () => {
    const user = await userWithPassword("right-password");
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await authenticate(db, { email: user.email, password: "right-password" })).toEqual({ status: "invalid" });
  });

  it("throttles an email at one address after 5 failures there, even with the right password; the owner elsewhere still signs in", async () => {
    const user = await userWithPassword("right-password");
    const attacker = someIp();
    for (let i = 0; i < 4; i++) {
      expect(await authenticate(db, { email: user.email, password: `nope-${i}` }, { ip: attacker })).toEqual({ status: "invalid" });
    }
    const fifth = await authenticate(db, { email: user.email, password: "nope-5" }, { ip: attacker });
    expect(fifth).toMatchObject({ status: "throttled", message: "Too many failed sign-ins: try again in 15 minutes." });
    const right = await authenticate(db, { email: user.email, password: "right-password" }, { ip: attacker });
    expect(right).toMatchObject({ status: "throttled", message: expect.stringMatching(/^Too many failed sign-ins: try again in 1[45] minutes\.$/) });
    const actions = (await auditOf(user.email)).map((a) => a.action);
    expect(actions.filter((a) => a === "auth.sign_in_failed")).toHaveLength(5);
    expect(actions.filter((a) => a === "auth.throttled")).toHaveLength(2);
    expect(actions).not.toContain("auth.sign_in");
    // A throttled attempt is not checked, nor counted as a failure.
    expect(await db.signInAttempt.count({ where: { email: user.email } })).toBe(5);
    // Deliberate lock-out does not work: the owner, at their own address, is not locked out.
    expect(await authenticate(db, { email: user.email, password: "right-password" }, { ip: someIp() })).toMatchObject({ status: "ok" });
  });

  it("a successful sign-in clears the email's earlier failures", async () => {
    const user = await userWithPassword("right-password");
    for (let i = 0; i < 4; i++) await authenticate(db, { email: user.email, password: "nope" });
    expect(await authenticate(db, { email: user.email, password: "right-password" })).toMatchObject({ status: "ok" });
    for (let i = 0; i < 4; i++) expect(await authenticate(db, { email: user.email, password: "nope" })).toEqual({ status: "invalid" });
  });

  it("throttles an address after 20 failures across emails; other addresses go on", async () => {
    const ip = someIp();
    const results = [];
    for (let i = 0; i < 20; i++) results.push((await authenticate(db, { email: `guess-${i}-${ip}@test.local`, password: "x" }, { ip })).status);
    expect(results.slice(0, 19).every((s) => s === "invalid")).toBe(true);
    expect(results[19]).toBe("throttled");
    const user = await userWithPassword("right-password");
    expect(await authenticate(db, { email: user.email, password: "right-password" }, { ip })).toMatchObject({ status: "throttled" });
    const throttled = await db.auditEvent.findFirst({ where: { action: "auth.throttled", target: user.email } });
    expect(throttled).toMatchObject({ ip, detail: expect.objectContaining({ scope: "ip" }) });
    expect(await authenticate(db, { email: user.email, password: "right-password" }, { ip: someIp() })).toMatchObject({ status: "ok" });
  });
});
