// Creates an account: hashed password; admin when listed in ADMIN_EMAILS or, with none listed, the first.
import "server-only";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { AuthError } from "@/server/errors";
import { hashPassword } from "@/server/auth/password";
import type { SignUpInput } from "@/server/contracts/auth";

export async function signUp(db: Db, input: SignUpInput): Promise<{ id: string; email: string; role: "USER" | "ADMIN" }> {
  if (!env.ALLOW_SIGNUP) throw new AuthError("SIGNUP_CLOSED", "Sign-up is closed on this server. Ask an administrator for an account.");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      // Serialize account creation so two first sign-ups cannot both become admin.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(727001)`;
      const listed = env.ADMIN_EMAILS.length > 0;
      const isAdmin = listed ? env.ADMIN_EMAILS.includes(input.email) : (await tx.user.count()) === 0;
      const user = await tx.user.create({
        data: { email: input.email, name: input.name || null, passwordHash, role: isAdmin ? "ADMIN" : "USER" },
        select: { id: true, email: true, role: true },
      });
      await tx.auditEvent.create({ data: { actorId: user.id, action: "user.sign_up", target: user.email } });
      return user;
    });
  } catch (e) {
    if (e instanceof Error && "code" in e && (e as { code?: string }).code === "P2002") {
      throw new AuthError("EMAIL_TAKEN", "An account with this email already exists.", { cause: e });
    }
    throw e;
  }
}
