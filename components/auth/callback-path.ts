// Where to go after signing in: only a path on this app's own origin, never another site
// (an open redirect would let a phishing link end on the attacker's page after a real sign-in).

const FALLBACK = "/notebooks";

/** `raw` (the callbackUrl parameter) as a same-origin path with query and hash, else /notebooks. */
export function callbackPath(raw: string | null, origin: string): string {
  if (!raw) return FALLBACK;
  // Browsers read "\" as "/" and drop tabs and newlines: "/\evil.example" is "//evil.example".
  if (raw.includes("\\") || /[\u0000-\u001f\u007f]/.test(raw) || raw.startsWith("//")) return FALLBACK;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== new URL(origin).origin) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to a path that starts with "//": protocol-relative again.
  return path.startsWith("//") ? FALLBACK : path;
}
