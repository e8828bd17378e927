// next-auth configuration: email + password (credentials) with JWT sessions carrying id and role.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { authenticate } from "./authenticate";
import { clientIp } from "./sign-in-throttle";

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, req) => {
        const result = await authenticate(db, credentials, { ip: clientIp(req.headers) });
        // A thrown message reaches the sign-in form as the result's `error` (null is "CredentialsSignin").
        if (result.status === "throttled") throw new Error(result.message);
        return result.status === "ok" ? result.user : null;
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role?: "USER" | "ADMIN" }).role ?? "USER";
      }
      return token;
    },
    session: ({ session, token }) => {
      if (session.user) {
        session.user.id = String(token.uid);
        session.user.role = token.role === "ADMIN" ? "ADMIN" : "USER";
      }
      return session;
    },
  },
};
