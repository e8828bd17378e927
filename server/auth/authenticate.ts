// Checks an email and password for sign-in, refusing while the email (at this address) or the address is throttled;
// records every attempt (SignInAttempt, for throttling and last sign-in) and audits it.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db";
import { ZSignInInput } from "@/server/contracts/auth";
import { hashPassword, verifyPassword } from "./password";
import { EMAIL_RULE, IP_RULE, lockedUntil, lookbackMs, throttleMessage } from "./sign-in-throttle";

export type AuthenticatedUser = { id: string; email: string; name: string | null; role: "USER" | "ADMIN" };

export type SignInResult =
  | { status: "ok"; user: AuthenticatedUser }
  | { status: "invalid" }
  | { status: "throttled"; until: Date; message: string };

type Lock = { scope: "email" | "ip"; until: Date };
type Attempt = { email: string; ip: string | null; now: Date };

export async function authenticate(db: Db, raw: unknown, options: { ip?: string | null } = {}): Promise<SignInResult> {
  const parsed = ZSignInInput.safeParse(raw);
  if (!parsed.success) return { status: "invalid" };
  const { email, password } = parsed.data;
  const attempt: Attempt = { email, ip: options.ip ?? null, now: new Date() };
  const lock = await findLock(db, attempt);
  if (lock) return throttled(db, attempt, lock);

  const user = await db.user.findUnique({ where: { email } });
  // An unknown email costs the same scrypt work as a wrong password: timing tells nothing.
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  const ok = user !== null && !user.disabled && passwordOk;
  await db.signInAttempt.create({ data: { email, ip: attempt.ip, ok, createdAt: attempt.now } });
  if (ok) {
    await db.auditEvent.create({ data: { actorId: user.id, action: "auth.sign_in", target: email, ip: attempt.ip } });
    return { status: "ok", user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  }
  const reason = !user ? "unknown_email" : user.disabled ? "disabled" : "wrong_password";
  await db.auditEvent.create({ data: { action: "auth.sign_in_failed", target: email, ip: attempt.ip, detail: { email, reason } } });
  // The failure that reaches the limit already answers with the lock, not "wrong password".
  const nowLocked = await findLock(db, attempt);
  return nowLocked ? throttled(db, attempt, nowLocked) : { status: "invalid" };
}

async function findLock(db: Db, { email, ip, now }: Attempt): Promise<Lock | null> {
  // The account lock applies per (email, address): an attacker elsewhere cannot lock the owner out.
  // A successful sign-in from that address clears its earlier failures for the email; an address's failures stand.
  const pair = { email, ip };
  const lastOk = await db.signInAttempt.findFirst({ where: { ...pair, ok: true }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  const emailSince = new Date(Math.max(now.getTime() - lookbackMs(EMAIL_RULE), lastOk ? lastOk.createdAt.getTime() + 1 : 0));
  const byEmail = await failuresSince(db, pair, emailSince);
  const emailUntil = lockedUntil(byEmail, EMAIL_RULE, now);
  if (emailUntil) return { scope: "email", until: emailUntil };
  if (!ip) return null;
  const byIp = await failuresSince(db, { ip }, new Date(now.getTime() - lookbackMs(IP_RULE)));
  const ipUntil = lockedUntil(byIp, IP_RULE, now);
  return ipUntil ? { scope: "ip", until: ipUntil } : null;
}

async function failuresSince(db: Db, who: { email: string; ip: string | null } | { ip: string }, since: Date): Promise<Date[]> {
  const rows = await db.signInAttempt.findMany({ where: { ...who, ok: false, createdAt: { gte: since } }, select: { createdAt: true } });
  return rows.map((r) => r.createdAt);
}

async function throttled(db: Db, { email, ip, now }: Attempt, lock: Lock): Promise<SignInResult> {
  await db.auditEvent.create({
    data: { action: "auth.throttled", target: email, ip, detail: { email, scope: lock.scope, until: lock.until.toISOString() } },
  });
  return { status: "throttled", until: lock.until, message: throttleMessage(lock.until, now) };
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString("hex")));
