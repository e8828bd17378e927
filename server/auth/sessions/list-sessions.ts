// The user's active sessions for Settings: when each began and was last seen, its browser (from the
// User-Agent, by bowser) and address, and which one is the caller's own.
import "server-only";
import Bowser from "bowser";
import type { Db } from "@/server/db";
import type { ActiveSession } from "@/server/contracts/sessions";
import { SESSION_IDLE_MS } from "./session-policy";

export function describeBrowser(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const parsed = Bowser.parse(userAgent);
  const browser = [parsed.browser.name, parsed.browser.version?.split(".")[0]].filter(Boolean).join(" ") || "Unknown browser";
  const os = parsed.os.name;
  return os ? `${browser} on ${os}` : browser;
}

export async function listSessions(db: Db, args: { userId: string; currentSessionId: string | null }): Promise<ActiveSession[]> {
  const now = new Date();
  const rows = await db.authSession.findMany({
    where: { userId: args.userId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_MS) } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ip: true },
  });
  return rows.map((r) => ({
    id: r.id, createdAt: r.createdAt, lastSeenAt: r.lastSeenAt, browser: describeBrowser(r.userAgent), ip: r.ip, current: r.id === args.currentSessionId,
  }));
}
