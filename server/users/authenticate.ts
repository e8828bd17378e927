// Checks an email and password for sign-in; records the attempt in the audit log.
import "server-only";
import type { Db } from "@/server/db";
import { verifyPassword } from "@/server/auth/password";
import { ZSignInInput } from "@/server/contracts/auth";

export type AuthenticatedUser = { id: string; email: string; name: string | null; role: "USER" | "ADMIN" };

export async function authenticate(db: Db, raw: unknown): Promise<AuthenticatedUser | null> {
  const parsed = ZSignInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({ where: { email } });
  const ok = user !== null && !user.disabled && (await verifyPassword(password, user.passwordHash));
  await db.auditEvent.create({
    data: { actorId: user?.id ?? null, action: ok ? "user.sign_in" : "user.sign_in_failed", target: email },
  });
  if (!ok || !user) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
