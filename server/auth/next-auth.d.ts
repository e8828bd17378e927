// Adds the user's id and role, and the stored session's id (AuthSession), to next-auth's session and token types.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: "USER" | "ADMIN"; name?: string | null; email?: string | null; image?: string | null };
    /** The AuthSession row this cookie belongs to: not a credential, the signed token is. */
    sid?: string;
  }
  interface User {
    role?: "USER" | "ADMIN";
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: "USER" | "ADMIN";
    sid?: string;
  }
}
