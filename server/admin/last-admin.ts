// Keeps at least one enabled administrator: demoting or disabling the last one is refused.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AuthError } from "@/server/errors";

/** Serializes admin-changing transactions so two concurrent demotions cannot both pass the check. */
export async function lockAdmins(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(727002)`;
}

/** Throws unless an enabled administrator other than `userId` remains. */
export async function ensureAnotherAdmin(tx: Prisma.TransactionClient, userId: string, doing: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "ADMIN", disabled: false, id: { not: userId } } });
  if (others === 0) {
    throw new AuthError("FORBIDDEN", `Cannot ${doing} the last administrator: make someone else an administrator first.`);
  }
}

export async function findUserOrThrow(tx: Prisma.TransactionClient, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, disabled: true } });
  if (!user) throw new AuthError("FORBIDDEN", "That account does not exist any more.");
  return user;
}
