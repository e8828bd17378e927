// The security headers every response carries (pages through proxy.ts, API routes through
// guardRoute), decided in one place.
import { API_POLICY } from "./csp";

export type SecurityHeaderOptions = {
  /** The Content-Security-Policy to send (pagePolicy for documents, API_POLICY otherwise). */
  policy?: string;
  /** Served over https: add HSTS. Browsers ignore HSTS on http, but it is only sent when true. */
  https: boolean;
  /** The share page sends no referrer at all; everything else only its origin to other sites. */
  referrer?: "strict-origin-when-cross-origin" | "no-referrer";
};

/** Powerful browser features the app never uses, off for it and anything it frames. */
export const PERMISSIONS_POLICY = [
  "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()", "serial=()", "hid=()", "bluetooth=()",
  "midi=()", "magnetometer=()", "gyroscope=()", "accelerometer=()", "display-capture=()", "browsing-topics=()",
].join(", ");

export function securityHeaders(o: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": o.policy ?? API_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": o.referrer ?? "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(o.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** Sets the headers on a response, keeping any the route set itself (its own Referrer-Policy). */
export function applySecurityHeaders(headers: Headers, o: SecurityHeaderOptions): void {
  for (const [name, value] of Object.entries(securityHeaders(o))) if (!headers.has(name)) headers.set(name, value);
}
