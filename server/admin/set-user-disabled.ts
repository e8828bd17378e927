// An administrator disables or re-enables an account. A disabled user's sessions are revoked (re-enabling
// does not bring them back) and their kernels stop, their running cells saying why.
import "server-only";
import { z } from "zod";
import type { Db } from "@/server/db";
import { AuthError } from "@/server/errors";
import { liveKernels } from "@/server/kernels/live-kernels";
import { shutdownKernel } from "@/server/kernels/shutdown-kernel";
import { revokeUserSessions } from "@/server/auth/sessions/revoke-sessions";
import { ensureAnotherAdmin, findUserOrThrow, lockAdmins } from "./last-admin";
import { recordAudit } from "./record-audit";

export const ZSetUserDisabledInput = z.object({ userId: z.string().min(1), disabled: z.boolean() });
export type SetUserDisabledInput = z.infer<typeof ZSetUserDisabledInput>;

export const DISABLED_NOTICE = "Stopped: the account was disabled by an administrator.";

export async function setUserDisabled(db: Db, args: SetUserDisabledInput & { actorId: string; ip?: string | null }): Promise<void> {
  if (args.disabled && args.userId === args.actorId) throw new AuthError("FORBIDDEN", "You cannot disable your own account.");
  const changed = await db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await findUserOrThrow(tx, args.userId);
    if (user.disabled === args.disabled) return false;
    if (args.disabled && user.role === "ADMIN") await ensureAnotherAdmin(tx, user.id, "disable");
    await tx.user.update({ where: { id: user.id }, data: { disabled: args.disabled } });
    await recordAudit(tx, {
      actorId: args.actorId, action: args.disabled ? "admin.user_disable" : "admin.user_enable", target: user.email, ip: args.ip,
      detail: { userId: user.id },
    });
    if (args.disabled) await revokeUserSessions(tx, { userId: user.id, reason: "disabled", actorId: args.actorId, ip: args.ip });
    return true;
  });
  if (changed && args.disabled) await stopKernelsOf(db, args.userId);
}

/** Every kernel of the user: those this process runs, and sessions still open in the database. */
async function stopKernelsOf(db: Db, userId: string): Promise<void> {
  const open = await db.kernelSession.findMany({ where: { ownerId: userId, endedAt: null }, select: { notebookId: true } });
  const live = [...liveKernels.values()].filter((k) => k.ownerId === userId).map((k) => k.notebookId);
  for (const notebookId of new Set([...live, ...open.map((s) => s.notebookId)])) {
    await shutdownKernel(db, { userId, notebookId, reason: "The account was disabled by an administrator.", notice: DISABLED_NOTICE });
  }
}
