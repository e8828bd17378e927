// An administrator sets a user's password, or has one generated and shown to them once.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { checkPassword } from "@/server/contracts/password-policy";
import { AuthError } from "@/server/errors";
import { revokeUserSessions } from "@/server/auth/sessions/revoke-sessions";
import { findUserOrThrow } from "./last-admin";
import { recordAudit } from "./record-audit";

export const ZResetUserPasswordInput = z.object({
  userId: z.string().min(1),
  /** Absent: a random password is generated and returned (the only time anyone sees it). */
  password: z.string().min(8, "Use at least 8 characters").max(200).optional(),
});
export type ResetUserPasswordInput = z.infer<typeof ZResetUserPasswordInput>;

export async function resetUserPassword(
  db: Db,
  args: ResetUserPasswordInput & { actorId: string; ip?: string | null },
): Promise<{ generatedPassword: string | null }> {
  const user = await findUserOrThrow(db, args.userId);
  if (args.password) {
    const verdict = await checkPassword({ password: args.password, email: user.email });
    if (!verdict.ok) throw new AuthError("WEAK_PASSWORD", verdict.problem ?? "Choose a stronger password.");
  }
  const generated = args.password ? null : randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(args.password ?? generated!);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await recordAudit(tx, {
      actorId: args.actorId, action: "admin.password_reset", target: user.email, ip: args.ip,
      detail: { userId: user.id, generated: generated !== null },
    });
    // Whoever knew the old password may hold a session: every one of the user's sessions ends.
    await revokeUserSessions(tx, { userId: user.id, reason: "password_reset", actorId: args.actorId, ip: args.ip });
  });
  return { generatedPassword: generated };
}
