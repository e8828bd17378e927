// Writes one audit row for something an administrator did; the admin dashboard's Audit tab reads them.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";

export type AdminAction =
  | "admin.role_change" | "admin.user_disable" | "admin.user_enable" | "admin.password_reset" | "admin.kernel_stop";

export type AuditEntry = { actorId: string; action: AdminAction; target: string; detail?: Prisma.InputJsonObject; ip?: string | null };

export async function recordAudit(db: Db | Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: { actorId: entry.actorId, action: entry.action, target: entry.target, detail: entry.detail, ip: entry.ip ?? null },
  });
}
