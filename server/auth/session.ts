// Reads the signed-in user for server components and the tRPC context: the token names the user,
// the database says whether they are still enabled and what their role is now.
import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/server/db";
import { authOptions } from "./options";

export type SessionUser = { id: string; role: "USER" | "ADMIN"; email: string; name: string | null };

/** The session's user; null without a session, or once an admin disabled (or removed) the account. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const current = await db.user.findUnique({ where: { id: session.user.id }, select: { role: true, disabled: true } });
  if (!current || current.disabled) return null;
  return { id: session.user.id, role: current.role, email: session.user.email ?? "", name: session.user.name ?? null };
}

/** For pages: the user, or a redirect to sign-in. */
export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}
