// The user behind a session cookie, read on every request: one query for the session row joined with
// its user; a revoked, idle or expired session, or a disabled user, admits nobody.
import "server-only";
import type { Db } from "@/server/db";
import { needsTouch, sessionState } from "./session-policy";

export type SessionUser = { id: string; role: "USER" | "ADMIN"; email: string; name: string | null; sessionId: string | null };

export async function resolveSession(db: Db, args: { sessionId: string; userId: string; now?: Date }): Promise<SessionUser | null> {
  const now = args.now ?? new Date();
  const row = await db.authSession.findUnique({
    where: { id: args.sessionId },
    select: {
      userId: true, revokedAt: true, expiresAt: true, lastSeenAt: true,
      user: { select: { role: true, disabled: true, email: true, name: true } },
    },
  });
  if (!row || row.userId !== args.userId || sessionState(row, now) !== "active") return null;
  if (needsTouch(row, now)) {
    // Conditional, so concurrent requests write once and a revocation in between is never undone.
    await db.authSession.updateMany({ where: { id: args.sessionId, revokedAt: null, lastSeenAt: row.lastSeenAt }, data: { lastSeenAt: now } });
  }
  return { id: row.userId, role: row.user.role, email: row.user.email, name: row.user.name, sessionId: args.sessionId };
}
