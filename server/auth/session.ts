// Reads the signed-in user for server components, route handlers and the tRPC context: the cookie names
// a stored session (AuthSession); the database says whether it still stands and what the user's role is now.
import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/server/db";
import { authOptions } from "./options";
import { resolveSession, type SessionUser } from "./sessions/resolve-session";

export type { SessionUser };

/** The session's user; null without a session, once it was revoked, idle or expired, or the account disabled. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  // A cookie from before stored sessions (no sid) is refused: signing in again gives a revocable one.
  if (!session?.user?.id || !session.sid) return null;
  return resolveSession(db, { sessionId: session.sid, userId: session.user.id });
}

/** For pages: the user, or a redirect to sign-in. */
export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}
