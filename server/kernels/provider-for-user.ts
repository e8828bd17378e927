// Which provider instance acts for a user: their own Backend.AI keypair / ML Server login when
// they stored one (so the cluster's per-keypair policies apply), else the shared one.
import "server-only";
import type { Db } from "@/server/db";
import { readCredential } from "@/server/credentials/read-credential";
import { getProvider, getUserProvider, isRemoteProvider } from "./registry";
import type { KernelProvider, ProviderId } from "./types";

export async function providerForUser(db: Db, args: { userId: string; provider: ProviderId }): Promise<KernelProvider> {
  if (!isRemoteProvider(args.provider)) return getProvider(args.provider);
  const credential = await readCredential(db, { userId: args.userId, provider: args.provider });
  if (!credential) return getProvider(args.provider);
  return getUserProvider(args.provider, { userId: args.userId, version: credential.version, login: { identity: credential.identity, secret: credential.secret } });
}
