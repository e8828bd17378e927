// Shared result links (#7): thin wrappers over server/sharing, every one scoped to the caller.
// The public page does not come through here: it reads by token hash in server/sharing.
import { db } from "@/server/db";
import { ZCreateShareInput, ZListSharesInput, ZRevokeShareInput } from "@/server/sharing/contract";
import { createShareLink } from "@/server/sharing/create-share-link";
import { listShareLinks } from "@/server/sharing/list-share-links";
import { revokeShareLink } from "@/server/sharing/revoke-share-link";
import { createRouter, protectedProcedure } from "../trpc";

export const shareRouter = createRouter({
  create: protectedProcedure.input(ZCreateShareInput).mutation(({ ctx, input }) => createShareLink(db, { userId: ctx.user.id, ...input, ip: ctx.ip })),
  list: protectedProcedure.input(ZListSharesInput).query(({ ctx, input }) => listShareLinks(db, { userId: ctx.user.id, notebookId: input?.notebookId })),
  revoke: protectedProcedure.input(ZRevokeShareInput).mutation(({ ctx, input }) => revokeShareLink(db, { userId: ctx.user.id, id: input.id, ip: ctx.ip })),
});
