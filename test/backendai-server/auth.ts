// Why: checks a request's keypair signature exactly as manager 24.09's auth middleware does
// (spec §2): date window, Authorization parsing, string to sign, signing key, constant-time compare.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { parseSignedDate } from "./date";
import { ProblemError } from "./problems";

export type Keypair = { accessKey: string; secretKey: string; active: boolean };
export type SignedRequest = { method: string; rawPath: string; headers: IncomingHttpHeaders; body: Buffer };
export const DATE_WINDOW_MS = 15 * 60_000;

const HASHES: Record<string, string> = {
  sha256: "sha256", sha1: "sha1", md5: "md5", sha224: "sha224", sha384: "sha384", sha512: "sha512",
  sha3_224: "sha3-224", sha3_256: "sha3-256", sha3_384: "sha3-384", sha3_512: "sha3-512",
  blake2b: "blake2b512", blake2s: "blake2s256",
};

const header = (h: IncomingHttpHeaders, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

export function rawDateOf(h: IncomingHttpHeaders): string | undefined {
  return header(h, "date") || header(h, "x-backendai-date") || header(h, "x-sorna-date") || undefined;
}

/** The MIME type aiohttp extracts: parameters dropped, lowercased, octet-stream when absent. */
export function signedContentType(raw: string | undefined): string {
  if (raw === undefined) return "application/octet-stream";
  const mime = raw.split(";")[0].trim().toLowerCase();
  return mime.split("/").length === 2 ? mime : "text/plain";
}

function versionLine(h: IncomingHttpHeaders): string {
  const v = header(h, "x-backendai-version");
  if (v !== undefined) return `x-backendai-version:${v}`;
  const s = header(h, "x-sorna-version");
  if (s !== undefined) return `x-sorna-version:${s}`;
  throw new ProblemError("invalid-auth-params", { msg: "API version missing in request headers" });
}

export function stringToSign(req: SignedRequest, hash: string): string {
  const version = header(req.headers, "x-backendai-version") ?? header(req.headers, "x-sorna-version") ?? "";
  const ctype = signedContentType(header(req.headers, "content-type"));
  const hashBody = version < "v4.20181215" && ctype !== "multipart/form-data";
  const bodyHash = createHash(hash).update(hashBody ? req.body : Buffer.alloc(0)).digest("hex");
  return [
    req.method.toUpperCase(), req.rawPath, rawDateOf(req.headers) ?? "",
    `host:${header(req.headers, "host") ?? ""}`, `content-type:${ctype}`, versionLine(req.headers), bodyHash,
  ].join("\n");
}

export function computeSignature(opts: { secretKey: string; keyDate: string; host: string; text: string; hash: string }): string {
  const kDate = createHmac(opts.hash, Buffer.from(opts.secretKey, "utf8")).update(opts.keyDate, "ascii").digest();
  const kHost = createHmac(opts.hash, kDate).update(opts.host, "utf8").digest();
  return createHmac(opts.hash, kHost).update(opts.text, "utf8").digest("hex");
}

type AuthParams = { hash: string; accessKey: string; signature: string };

export function parseAuthorization(value: string): AuthParams {
  const space = value.indexOf(" ");
  if (space < 0) throw new ProblemError("invalid-auth-params", { msg: "Malformed authorization header" });
  const scheme = value.slice(0, space);
  if (scheme !== "BackendAI" && scheme !== "Sorna")
    throw new ProblemError("invalid-auth-params", { msg: "Invalid authorization type name" });
  const params = new Map<string, string>();
  for (const piece of value.slice(space + 1).split(",")) {
    const eq = piece.indexOf("=");
    // The manager does not guard this case; it surfaces as a 500.
    if (eq < 0) throw new ProblemError("internal-server-error");
    params.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const method = params.get("signMethod");
  const credential = params.get("credential");
  const colon = credential?.indexOf(":") ?? -1;
  if (!method || !credential || colon < 0)
    throw new ProblemError("invalid-auth-params", { msg: "Missing or malformed authorization parameters" });
  const parts = method.split("-").map((p) => p.toLowerCase());
  if (parts.length !== 2) throw new ProblemError("auth-failed", { msg: "Invalid signature" });
  if (parts[0] !== "hmac") throw new ProblemError("invalid-auth-params", { msg: "Unsupported authorization method" });
  const hash = HASHES[parts[1]];
  if (!hash) throw new ProblemError("invalid-auth-params", { msg: "Unsupported authorization hash type" });
  return { hash, accessKey: credential.slice(0, colon), signature: credential.slice(colon + 1) };
}

/** Throws the manager's problem for a bad request; returns the caller's keypair otherwise. */
export function authenticate(req: SignedRequest, lookup: (ak: string) => Keypair | undefined, now = Date.now()): Keypair {
  const raw = rawDateOf(req.headers);
  const date = raw ? parseSignedDate(raw) : null;
  if (!date || Math.abs(date.epochMs - now) >= DATE_WINDOW_MS)
    throw new ProblemError("invalid-auth-params", { msg: "Date/time sync error" });
  const authz = header(req.headers, "authorization");
  if (!authz) throw new ProblemError("auth-failed", { msg: "Unauthorized access" });
  const params = parseAuthorization(authz);
  const keypair = lookup(params.accessKey);
  if (!keypair || !keypair.active) throw new ProblemError("auth-failed", { msg: "Access key not found" });
  const text = stringToSign(req, params.hash);
  const host = header(req.headers, "host") ?? "";
  const expected = computeSignature({ secretKey: keypair.secretKey, keyDate: date.keyDate, host, text, hash: params.hash });
  const given = Buffer.from(params.signature, "utf8");
  const want = Buffer.from(expected, "utf8");
  if (given.length !== want.length || !timingSafeEqual(given, want))
    throw new ProblemError("auth-failed", { msg: "Signature mismatch" });
  return keypair;
}
