// The Content-Security-Policy of every page, built in one place: scripts only with this request's
// nonce (Next.js stamps it on its own scripts) or a listed hash, nothing remote, no framing.
import { createHash } from "node:crypto";
import { FRAME_REPORTER_SCRIPT } from "@/components/notebook/outputs/frame-reporter";

/**
 * Inline scripts allowed by their sha256 hash, on every page and in the sandboxed HTML-output frames
 * (`<iframe srcdoc>` documents inherit the page's policy). Add the exact text of a fixed inline
 * script here (not user content): its hash is computed at start-up and added to `script-src`.
 * Example: the size reporter inside HTML-output frames.
 */
export const ALLOWED_INLINE_SCRIPTS: readonly string[] = [FRAME_REPORTER_SCRIPT];

/** Hashes of ALLOWED_INLINE_SCRIPTS in CSP source form ('sha256-…'). */
export function inlineScriptHashes(scripts: readonly string[] = ALLOWED_INLINE_SCRIPTS): string[] {
  return scripts.map((s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`);
}

export type PagePolicyOptions = {
  /** Fresh per request, base64; Next.js reads it back from the request's CSP header. */
  nonce: string;
  /** `next dev` needs eval for React's debugging aids; production never does. */
  development: boolean;
  /** Origins the browser may call besides ours (the Blob storage account datasets upload to). */
  connectOrigins: readonly string[];
  /** Served over https: ask the browser to upgrade any http subresource. */
  https: boolean;
};

export function pagePolicy(o: PagePolicyOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic': scripts a trusted script adds (Next's chunks, Monaco's AMD loader) run too;
    // 'self' is only the fallback for browsers without CSP 3.
    // 'wasm-unsafe-eval' compiles WebAssembly only (hash-wasm's MD5 of dataset uploads), never JS.
    "script-src": ["'self'", `'nonce-${o.nonce}'`, "'strict-dynamic'", "'wasm-unsafe-eval'", ...inlineScriptHashes(), ...(o.development ? ["'unsafe-eval'"] : [])],
    // Monaco, recharts and React set inline styles; styles cannot run code, but remote CSS stays out.
    "style-src": ["'self'", "'unsafe-inline'"],
    // No remote hosts: HTML outputs inherit this, so tracking pixels in them do not load.
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...o.connectOrigins],
    // Monaco's language workers.
    "worker-src": ["'self'", "blob:"],
    "frame-src": ["'self'"],
    "media-src": ["'self'", "data:", "blob:"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const text = Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(" ")}`);
  if (o.https) text.push("upgrade-insecure-requests");
  return text.join("; ");
}

/** For API responses and downloads: nothing in them may run or load anything, or be framed. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/** A fresh nonce: 16 random bytes, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
