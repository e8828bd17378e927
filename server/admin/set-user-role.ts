// An administrator makes a user an administrator or an ordinary user; the last admin stays admin.
import "server-only";
import { z } from "zod";
import type { Db } from "@/server/db";
import { ensureAnotherAdmin, findUserOrThrow, lockAdmins } from "./last-admin";
import { recordAudit } from "./record-audit";

export const ZSetUserRoleInput = z.object({ userId: z.string().min(1), role: z.enum(["USER", "ADMIN"]) });
export type SetUserRoleInput = z.infer<typeof ZSetUserRoleInput>;

export async function setUserRole(db: Db, args: SetUserRoleInput & { actorId: string; ip?: string | null }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await findUserOrThrow(tx, args.userId);
    if (user.role === args.role) return;
    if (user.role === "ADMIN" && !user.disabled) await ensureAnotherAdmin(tx, user.id, "demote");
    await tx.user.update({ where: { id: user.id }, data: { role: args.role } });
    await recordAudit(tx, {
      actorId: args.actorId, action: "admin.role_change", target: user.email, ip: args.ip,
      detail: { userId: user.id, from: user.role, to: args.role },
    });
  });
}
