// Creates an account: hashed password; admin when listed in ADMIN_EMAILS or, with none listed, the first.
// A taken email gets the same answer as a new one (no account enumeration): nothing changes, the attempt
// is audited, and the form's sign-in that follows succeeds only with that account's own password.
import "server-only";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { AuthError } from "@/server/errors";
import { hashPassword } from "@/server/auth/password";
import type { SignUpInput } from "@/server/contracts/auth";
import { checkPassword } from "@/server/contracts/password-policy";

export type SignUpAnswer = { email: string };

export async function signUp(db: Db, input: SignUpInput): Promise<SignUpAnswer> {
  if (!env.ALLOW_SIGNUP) throw new AuthError("SIGNUP_CLOSED", "Sign-up is closed on this server. Ask an administrator for an account.");
  const verdict = await checkPassword({ password: input.password, email: input.email });
  if (!verdict.ok) throw new AuthError("WEAK_PASSWORD", verdict.problem ?? "Choose a stronger password.");
  const passwordHash = await hashPassword(input.password);
  try {
    await db.$transaction(async (tx) => {
      // Serialize account creation so two first sign-ups cannot both become admin.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(727001)`;
      const listed = env.ADMIN_EMAILS.length > 0;
      const isAdmin = listed ? env.ADMIN_EMAILS.includes(input.email) : (await tx.user.count()) === 0;
      const user = await tx.user.create({
        data: { email: input.email, name: input.name || null, passwordHash, role: isAdmin ? "ADMIN" : "USER" },
        select: { id: true, email: true },
      });
      await tx.auditEvent.create({ data: { actorId: user.id, action: "user.sign_up", target: user.email } });
    });
  } catch (e) {
    if (!(e instanceof Error && "code" in e && (e as { code?: string }).code === "P2002")) throw e;
    await db.auditEvent.create({ data: { action: "user.sign_up_taken", target: input.email } });
  }
  return { email: input.email };
}
