// What a user has stored, for the settings page: provider, public identity and date; never the secret.
import "server-only";
import type { Db } from "@/server/db";

export type CredentialSummary = { provider: string; identity: string; updatedAt: Date };

export async function listCredentials(db: Db, args: { userId: string }): Promise<CredentialSummary[]> {
  return db.providerCredential.findMany({
    where: { userId: args.userId },
    select: { provider: true, identity: true, updatedAt: true },
    orderBy: { provider: "asc" },
  });
}
