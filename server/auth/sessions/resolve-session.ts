// The user behind a session cookie, read on every request: one query for the session row joined with
// its user; a revoked, idle or expired session, or a disabled user, admits nobody.
import "server-only";
import type { Db } from "@/server/db";
import { needsTouch, sessionState } from "./session-policy";

export type SessionUser = { id: string; role: "USER" | "ADMIN"; email: string; name: string | null; sessionId: string | null };

type SessionRow = {
  userId: string; revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date; role: string; disabled: boolean; email: string; name: string | null;
};

export async function resolveSession(db: Db, args: { sessionId: string; userId: string; now?: Date }): Promise<SessionUser | null> {
  const now = args.now ?? new Date();
  // One round trip: Prisma without the relationJoins preview would read the user in a second query.
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s."userId", s."revokedAt", s."expiresAt", s."lastSeenAt", u."role"::text AS "role", u."disabled", u."email", u."name"
    FROM "AuthSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${args.sessionId}`;
  const found = rows[0];
  const row = found && { ...found, user: { disabled: found.disabled } };
  if (!row || row.userId !== args.userId || sessionState(row, now) !== "active") return null;
  if (needsTouch(row, now)) {
    // Conditional, so concurrent requests write once and a revocation in between is never undone.
    await db.authSession.updateMany({ where: { id: args.sessionId, revokedAt: null, lastSeenAt: row.lastSeenAt }, data: { lastSeenAt: now } });
  }
  return { id: row.userId, role: row.role === "ADMIN" ? "ADMIN" : "USER", email: row.email, name: row.name, sessionId: args.sessionId };
}
