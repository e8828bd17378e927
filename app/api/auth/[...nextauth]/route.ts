// next-auth's endpoints (sign-in, sign-out, session, csrf).
import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { guardRoute } from "@/server/security/guard-route";

const handler = NextAuth(authOptions) as (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;
// next-auth posts its forms URL-encoded (its own CSRF token guards them too).
const guarded = guardRoute(handler, { maxBodyBytes: 64 * 1024, contentTypes: ["application/x-www-form-urlencoded"] });
export { guarded as GET, guarded as POST };
