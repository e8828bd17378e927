// Reads the signed-in user for server components and the tRPC context.
import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";

export type SessionUser = { id: string; role: "USER" | "ADMIN"; email: string; name: string | null };

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return { id: session.user.id, role: session.user.role, email: session.user.email ?? "", name: session.user.name ?? null };
}

/** For pages: the user, or a redirect to sign-in. */
export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}
