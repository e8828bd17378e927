// next-auth configuration: email + password (credentials). The JWT cookie carries the user's id and the
// id of a stored session (AuthSession) opened at sign-in and ended by sign-out; it lives 12 hours from
// its last renewal (GET /api/auth/session, which signed-in pages call: components/ui/session-renewal),
// and the stored session ends after 12 idle hours or 14 days at most, whatever the cookie says.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { AuthError } from "@/server/errors";
import { authenticate } from "./authenticate";
import { requestAddress } from "./request-address";
import { revokeOwnSession } from "./sessions/revoke-sessions";
import { SESSION_IDLE_MS } from "./sessions/session-policy";
import { startSession } from "./sessions/start-session";

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === "string" ? value : null;
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_MS / 1000 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, req) => {
        const ip = requestAddress(req.headers);
        const result = await authenticate(db, credentials, { ip });
        // A thrown message reaches the sign-in form as the result's `error` (null is "CredentialsSignin").
        if (result.status === "throttled") throw new Error(result.message);
        if (result.status !== "ok") return null;
        const sessionId = await startSession(db, { userId: result.user.id, userAgent: header(req.headers, "user-agent"), ip });
        return { ...result.user, sessionId };
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user) {
        token.uid = user.id;
        token.role = user.role ?? "USER";
        token.sid = user.sessionId;
      }
      return token;
    },
    session: ({ session, token }) => {
      if (session.user) {
        session.user.id = String(token.uid);
        session.user.role = token.role === "ADMIN" ? "ADMIN" : "USER";
      }
      session.sid = token.sid;
      return session;
    },
  },
  events: {
    // Sign-out ends the stored session, so the cookie is refused even if a copy of it is replayed.
    signOut: async ({ token }) => {
      if (typeof token?.uid === "string" && typeof token.sid === "string") {
        await revokeOwnSession(db, { userId: token.uid, sessionId: token.sid, reason: "sign_out" }).catch((e: unknown) => {
          // Already gone (or never stored): nothing to end. Anything else is a real failure.
          if (!(e instanceof AuthError && e.code === "NOT_FOUND")) throw e;
        });
      }
    },
  },
};
