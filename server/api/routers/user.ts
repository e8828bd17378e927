// Account procedures: sign-up (public; sign-in itself goes through next-auth), password change, who am I.
import { db } from "@/server/db";
import { env } from "@/server/env";
import { ZSignUpInput } from "@/server/contracts/auth";
import { ZChangePasswordInput } from "@/server/contracts/sessions";
import { changePassword } from "@/server/users/change-password";
import { signUp } from "@/server/users/sign-up";
import { createRouter, protectedProcedure, publicProcedure } from "../trpc";

export const userRouter = createRouter({
  signUp: publicProcedure.input(ZSignUpInput).mutation(({ input }) => signUp(db, input)),
  signUpOpen: publicProcedure.query(() => env.ALLOW_SIGNUP),
  changePassword: protectedProcedure.input(ZChangePasswordInput).mutation(({ ctx, input }) =>
    changePassword(db, { ...input, userId: ctx.user.id, sessionId: ctx.user.sessionId, ip: ctx.ip })),
  me: protectedProcedure.query(({ ctx }) => ({ id: ctx.user.id, email: ctx.user.email, name: ctx.user.name, role: ctx.user.role })),
});
