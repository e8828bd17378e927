// Forgets a user's own login to a remote provider (their kernels then use the service login, if any).
import "server-only";
import type { Db } from "@/server/db";
import { CredentialError } from "@/server/errors";
import type { RemoteProviderId } from "@/server/contracts/credential";

export async function deleteCredential(db: Db, args: { userId: string; provider: RemoteProviderId; ip?: string | null }): Promise<void> {
  const { count } = await db.providerCredential.deleteMany({ where: { userId: args.userId, provider: args.provider } });
  if (count === 0) throw new CredentialError("NOT_FOUND", "You have no stored login for this provider.");
  await db.auditEvent.create({ data: { actorId: args.userId, action: "credential.delete", target: args.provider, ip: args.ip ?? null } });
}
