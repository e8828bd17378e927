// The signed-in user's own sessions (Settings): list them, sign one out, or sign out everywhere.
import { db } from "@/server/db";
import { listSessions } from "@/server/auth/sessions/list-sessions";
import { revokeOwnSession, revokeUserSessions } from "@/server/auth/sessions/revoke-sessions";
import { ZRevokeSessionInput } from "@/server/contracts/sessions";
import { createRouter, protectedProcedure } from "../trpc";

export const sessionRouter = createRouter({
  list: protectedProcedure.query(({ ctx }) => listSessions(db, { userId: ctx.user.id, currentSessionId: ctx.user.sessionId })),
  revoke: protectedProcedure.input(ZRevokeSessionInput).mutation(({ ctx, input }) =>
    revokeOwnSession(db, { userId: ctx.user.id, sessionId: input.id, reason: "signed_out_remotely", ip: ctx.ip })),
  /** Every session of the user ends, this one included: the browser signs out next. */
  revokeAll: protectedProcedure.mutation(async ({ ctx }) => ({
    ended: await revokeUserSessions(db, { userId: ctx.user.id, reason: "sign_out_everywhere", actorId: ctx.user.id, ip: ctx.ip }),
  })),
});
