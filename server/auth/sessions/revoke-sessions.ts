// Ends stored sessions: one of the user's own (the sessions list's "Sign out"), or all of a user's
// (sign out everywhere, password change or reset, disable), each revocation audited with its reason.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { AuthError } from "@/server/errors";
import type { RevokeReason } from "./session-policy";

type Tx = Db | Prisma.TransactionClient;

/** Revokes every live session of `userId` but `exceptSessionId`; returns how many ended (audited when any did). */
export async function revokeUserSessions(
  db: Tx,
  args: { userId: string; reason: RevokeReason; actorId: string | null; exceptSessionId?: string | null; ip?: string | null },
): Promise<number> {
  const { count } = await db.authSession.updateMany({
    where: { userId: args.userId, revokedAt: null, ...(args.exceptSessionId ? { id: { not: args.exceptSessionId } } : {}) },
    data: { revokedAt: new Date(), revokedReason: args.reason },
  });
  if (count === 0) return 0;
  await db.auditEvent.create({
    data: { actorId: args.actorId, action: "auth.sessions_revoked", target: args.userId, ip: args.ip ?? null,
      detail: { userId: args.userId, reason: args.reason, count, keptCurrent: Boolean(args.exceptSessionId) } },
  });
  return count;
}

/** The user signs out one of their own sessions; another user's (or no) session is "not found". */
export async function revokeOwnSession(db: Db, args: { userId: string; sessionId: string; reason: RevokeReason; ip?: string | null }): Promise<void> {
  const { count } = await db.authSession.updateMany({
    where: { id: args.sessionId, userId: args.userId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: args.reason },
  });
  if (count === 0) {
    const owned = await db.authSession.count({ where: { id: args.sessionId, userId: args.userId } });
    if (owned === 0) throw new AuthError("NOT_FOUND", "Not found: no session of yours has this id.");
    return;
  }
  await db.auditEvent.create({
    data: { actorId: args.userId, action: "auth.session_revoked", target: args.sessionId, ip: args.ip ?? null,
      detail: { userId: args.userId, reason: args.reason } },
  });
}
