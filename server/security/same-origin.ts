// Refuses state-changing requests that another site's page made the browser send (CSRF): a POST,
// PUT, PATCH or DELETE must say it comes from this app's own origin.
//
// What a request without Origin means: every browser the app supports sends `Origin` on every
// non-GET request (same-origin ones included) and `Sec-Fetch-Site` on all requests, so a
// state-changing request carrying neither did not come from a current browser page. It is refused
// too: scripts and tests add one header (`Origin: <app origin>`), and the app then never depends
// on a browser or an extension keeping the header.

export type OriginVerdict =
  | { ok: true }
  | { ok: false; reason: "CROSS_SITE" | "FOREIGN_ORIGIN" | "NO_ORIGIN" };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * The origins this request may come from: the configured public one (NEXTAUTH_URL) and the one the
 * browser addressed (the request's URL and its Host header, which a page on another origin cannot set).
 */
export function ownOrigins(req: Request, publicUrl: string | undefined): Set<string> {
  const url = new URL(req.url);
  const origins = new Set([url.origin]);
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  const host = req.headers.get("host");
  if (host) origins.add(`${url.protocol}//${host}`);
  return origins;
}

export function checkSameOrigin(req: Request, o: { publicUrl: string | undefined }): OriginVerdict {
  if (!isStateChanging(req.method)) return { ok: true };
  const site = req.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return { ok: false, reason: "CROSS_SITE" };
  const origin = req.headers.get("origin");
  if (origin === null) return site === "same-origin" ? { ok: true } : { ok: false, reason: "NO_ORIGIN" };
  return ownOrigins(req, o.publicUrl).has(origin.toLowerCase()) ? { ok: true } : { ok: false, reason: "FOREIGN_ORIGIN" };
}

/** True when the request's media type (before any `;` parameters) is one of `allowed`. */
export function hasContentType(req: Request, allowed: readonly string[]): boolean {
  const type = req.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase() ?? "";
  return allowed.includes(type);
}
