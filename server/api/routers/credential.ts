// A user's own logins to remote kernel providers (Backend.AI keypair, ML Server account): list
// (identities only), save after checking them on the provider, delete. Secrets never come back.
import { db } from "@/server/db";
import { env } from "@/server/env";
import { ZCredentialRef, ZSaveCredentialInput } from "@/server/contracts/credential";
import { deleteCredential } from "@/server/credentials/delete-credential";
import { listCredentials } from "@/server/credentials/list-credentials";
import { plainCredential, saveCredential } from "@/server/credentials/save-credential";
import { checkLogin } from "@/server/kernels/check-login";
import { dropUserProvider, remoteProviderSettings } from "@/server/kernels/registry";
import { createRouter, protectedProcedure } from "../trpc";

export const credentialRouter = createRouter({
  list: protectedProcedure.query(async ({ ctx }) => ({
    /** The remote providers this server offers, and whether a shared login covers users without their own. */
    providers: remoteProviderSettings(),
    canStore: env.credentialsKey !== null,
    credentials: await listCredentials(db, { userId: ctx.user.id }),
  })),
  save: protectedProcedure.input(ZSaveCredentialInput).mutation(async ({ ctx, input }) => {
    const plain = plainCredential(input);
    await checkLogin(plain.provider, { identity: plain.identity, secret: plain.secret });
    const saved = await saveCredential(db, { userId: ctx.user.id, ip: ctx.ip, ...plain });
    await dropUserProvider(plain.provider, ctx.user.id);
    return saved;
  }),
  delete: protectedProcedure.input(ZCredentialRef).mutation(async ({ ctx, input }) => {
    await deleteCredential(db, { userId: ctx.user.id, provider: input.provider, ip: ctx.ip });
    await dropUserProvider(input.provider, ctx.user.id);
  }),
});
