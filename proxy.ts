// Runs before every page (not /api: route handlers go through guardRoute, and a proxy would make
// Next.js buffer their bodies): a fresh CSP nonce per request, the policy and the security headers.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/server/env";
import { blobOrigin } from "@/server/security/blob-origin";
import { newNonce, pagePolicy } from "@/server/security/csp";
import { applySecurityHeaders } from "@/server/security/headers";

const storageOrigin = blobOrigin(env.storage);

export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const https = request.nextUrl.protocol === "https:" || (env.NEXTAUTH_URL?.startsWith("https:") ?? false);
  const policy = pagePolicy({ nonce, development: env.NODE_ENV === "development", connectOrigins: storageOrigin ? [storageOrigin] : [], https });
  // Next.js reads the nonce from the request's CSP header and stamps it on its scripts; the root
  // layout reads x-nonce for its own inline script.
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  const shared = request.nextUrl.pathname.startsWith("/share/");
  applySecurityHeaders(response.headers, { policy, https, referrer: shared ? "no-referrer" : "strict-origin-when-cross-origin" });
  return response;
}

export const config = {
  matcher: [
    // Everything but the API (guardRoute), Next's static files and Monaco's (no CSP on scripts and
    // workers: a worker would take the policy of its script's response).
    "/((?!api/|_next/static/|_next/image|monaco/|favicon.ico).*)",
  ],
};
