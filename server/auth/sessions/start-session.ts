// Opens the stored session of one sign-in (the cookie will carry its id), noting the browser and address.
import "server-only";
import type { Db } from "@/server/db";
import { SESSION_MAX_MS } from "./session-policy";

export async function startSession(db: Db, args: { userId: string; userAgent: string | null; ip: string | null }): Promise<string> {
  const now = new Date();
  const row = await db.authSession.create({
    data: {
      userId: args.userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_MS),
      userAgent: args.userAgent?.slice(0, 400) ?? null, ip: args.ip,
    },
    select: { id: true },
  });
  return row.id;
}
