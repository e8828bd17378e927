// The one place a stored provider secret is decrypted, for the registry to sign in with it.
import "server-only";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { CredentialError } from "@/server/errors";
import type { RemoteProviderId } from "@/server/contracts/credential";
import { openSecret } from "./secret-box";

/** A user's own login: `identity` is the access key or user name, `secret` the decrypted secret. */
export type UserCredential = { identity: string; secret: string; version: number };

export async function readCredential(db: Db, args: { userId: string; provider: RemoteProviderId }): Promise<UserCredential | null> {
  const row = await db.providerCredential.findUnique({
    where: { userId_provider: { userId: args.userId, provider: args.provider } },
    select: { identity: true, secret: true, updatedAt: true },
  });
  if (!row) return null;
  const key = env.credentialsKey;
  if (!key) throw new CredentialError("NOT_CONFIGURED", "Your stored login cannot be used: the server has no CREDENTIALS_KEY. Ask an admin.");
  return { identity: row.identity, secret: openSecret(row.secret, key, args), version: row.updatedAt.getTime() };
}
