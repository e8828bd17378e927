// Sign-up on real PostgreSQL (issue #13 item 9): a taken email gets the very answer a new one gets
// (no enumeration, nothing changed, audited), and common passwords or the email's own name are refused.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor } from "@/test/caller";

const anon = () => callerFor(null);
const email = () => `signup-${randomUUID()}@test.local`;

describe("user.signUp", () => {
  it("answers a taken email exactly as a new one, and changes nothing of the existing account", async () => {
    const address = email();
    const first = await anon().user.signUp({ email: address, password: "first-password" });
    const before = await db.user.findUniqueOrThrow({ where: { email: address } });
    const again = await anon().user.signUp({ email: address, password: "another-password", name: "Mallory" });
    expect(Object.keys(again).sort()).toEqual(Object.keys(first).sort());
    expect(again).toEqual({ email: address });
    const after = await db.user.findUniqueOrThrow({ where: { email: address } });
    expect(after).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: "user.sign_up_taken", target: address } })).toBe(1);
  });

  it.each([["12345678"], ["password"], ["qwertyuiop"]])("refuses the common password %s with one sentence", async (password) => {
    await expect(anon().user.signUp({ email: email(), password })).rejects.toMatchObject({
      code: "BAD_REQUEST", message: expect.stringMatching(/^This password is too (common|easy to guess)/),
    });
  });

  it("refuses a password that contains the email's local part", async () => {
    await expect(anon().user.signUp({ email: "grace.hopper.x1@test.local", password: "grace.hopper.x1!" })).rejects.toMatchObject({
      code: "BAD_REQUEST", message: "Do not use your email address in your password.",
    });
  });
});
