// Stores (or replaces) a user's own login to a remote provider, sealed with CREDENTIALS_KEY, after
// the caller checked it works; the audit log records who stored which identity, never the secret.
import "server-only";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { CredentialError } from "@/server/errors";
import type { RemoteProviderId } from "@/server/contracts/credential";
import { sealSecret } from "./secret-box";
import type { CredentialSummary } from "./list-credentials";

export type PlainCredential = { provider: RemoteProviderId; identity: string; secret: string };

export async function saveCredential(db: Db, args: { userId: string; ip?: string | null } & PlainCredential): Promise<CredentialSummary> {
  const key = env.credentialsKey;
  if (!key) throw new CredentialError("NOT_CONFIGURED", "This server cannot store logins: an admin must set CREDENTIALS_KEY.");
  const secret = sealSecret(args.secret, key, { userId: args.userId, provider: args.provider });
  const where = { userId_provider: { userId: args.userId, provider: args.provider } };
  const [saved] = await db.$transaction([
    db.providerCredential.upsert({
      where,
      create: { userId: args.userId, provider: args.provider, identity: args.identity, secret },
      update: { identity: args.identity, secret },
      select: { provider: true, identity: true, updatedAt: true },
    }),
    db.auditEvent.create({ data: { actorId: args.userId, action: "credential.save", target: args.provider, detail: { identity: args.identity }, ip: args.ip ?? null } }),
  ]);
  return saved;
}

/** The identity and secret of a form input, whatever the provider calls them. */
export function plainCredential(input: { provider: "backendai"; accessKey: string; secretKey: string } | { provider: "mlserver"; username: string; password: string }): PlainCredential {
  return input.provider === "backendai"
    ? { provider: input.provider, identity: input.accessKey, secret: input.secretKey }
    : { provider: input.provider, identity: input.username, secret: input.password };
}
