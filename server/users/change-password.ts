// A signed-in user changes their own password: the current one first, the new one by the same rules as
// sign-up; every other session of theirs ends (this one stays), and the change is audited.
import "server-only";
import type { Db } from "@/server/db";
import { AuthError } from "@/server/errors";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { revokeUserSessions } from "@/server/auth/sessions/revoke-sessions";
import { checkPassword } from "@/server/contracts/password-policy";
import type { ChangePasswordInput } from "@/server/contracts/sessions";

export async function changePassword(
  db: Db,
  args: ChangePasswordInput & { userId: string; sessionId: string | null; ip?: string | null },
): Promise<{ otherSessionsEnded: number }> {
  const user = await db.user.findUnique({ where: { id: args.userId }, select: { email: true, passwordHash: true } });
  if (!user || !(await verifyPassword(args.currentPassword, user.passwordHash))) {
    throw new AuthError("WRONG_PASSWORD", "Your current password is not right.");
  }
  const verdict = await checkPassword({ password: args.newPassword, email: user.email });
  if (!verdict.ok) throw new AuthError("WEAK_PASSWORD", verdict.problem ?? "Choose a stronger password.");
  const passwordHash = await hashPassword(args.newPassword);
  const otherSessionsEnded = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: args.userId }, data: { passwordHash } });
    await tx.auditEvent.create({ data: { actorId: args.userId, action: "user.password_change", target: user.email, ip: args.ip ?? null } });
    return revokeUserSessions(tx, { userId: args.userId, reason: "password_change", actorId: args.userId, exceptSessionId: args.sessionId, ip: args.ip });
  });
  return { otherSessionsEnded };
}
