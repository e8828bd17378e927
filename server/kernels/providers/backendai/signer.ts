// Backend.AI keypair (HMAC) request signing, spec §2: the seven-line string to sign, the signing
// key derived from the secret key, the date and the host, and the headers a signed request carries.
import { createHash, createHmac } from "node:crypto";

/** From this version on, the body is no longer part of the signature (spec §2.4g). */
const BODYLESS_SIGNATURE_SINCE = "v4.20181215";

export type SignInput = {
  method: string;
  /** The raw request target: percent-encoded path plus `?query`, no scheme or host. */
  pathWithQuery: string;
  /** The date header's value, verbatim (it is signed as sent). */
  date: string;
  /** The Host header: `new URL(endpoint).host`, with the port when it is not the default. */
  host: string;
  /** The Content-Type header as sent, or undefined when none is sent. */
  contentType: string | undefined;
  apiVersion: string;
  /** Only hashed for versions before v4.20181215 (and never for multipart bodies). */
  body?: string | Uint8Array;
};

export type Keypair = { accessKey: string; secretKey: string };

/** The MIME type the manager's framework extracts from Content-Type (spec §2.4e). */
export function canonicalContentType(contentType: string | undefined): string {
  if (contentType === undefined) return "application/octet-stream";
  const mime = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  return mime.split("/").length === 2 ? mime : "text/plain";
}

function bodyHash(input: SignInput, mime: string): string {
  const hashed = input.apiVersion >= BODYLESS_SIGNATURE_SINCE || mime === "multipart/form-data" ? "" : (input.body ?? "");
  return createHash("sha256").update(hashed).digest("hex");
}

/** The seven LF-joined lines of spec §2.4, without a trailing newline. */
export function stringToSign(input: SignInput): string {
  const mime = canonicalContentType(input.contentType);
  return [
    input.method.toUpperCase(),
    input.pathWithQuery,
    input.date,
    `host:${input.host}`,
    `content-type:${mime}`,
    `x-backendai-version:${input.apiVersion}`,
    bodyHash(input, mime),
  ].join("\n");
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * YYYYMMDD of the date header in the offset written in it, not converted to UTC (spec §2.5).
 * Accepts ISO 8601 (extended or basic) and RFC 1123; anything else is an error.
 */
export function keyDate(date: string): string {
  const iso = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(date.trim());
  if (iso) return `${iso[1]}${iso[2]}${iso[3]}`;
  const rfc = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(date);
  const month = rfc ? MONTHS.indexOf((rfc[2] ?? "").toLowerCase()) : -1;
  if (rfc && month >= 0) return `${rfc[3]}${String(month + 1).padStart(2, "0")}${(rfc[1] ?? "").padStart(2, "0")}`;
  throw new Error(`Cannot derive a signing date from "${date}".`);
}

function hmac(key: string | Buffer, message: string): Buffer {
  return createHmac("sha256", key).update(message, "utf8").digest();
}

/** Lowercase hex HMAC-SHA256 of the string to sign, keyed by secret → date → host (spec §2.5). */
export function signature(input: SignInput, secretKey: string): string {
  const kDate = hmac(secretKey, keyDate(input.date));
  const kHost = hmac(kDate, input.host);
  return createHmac("sha256", kHost).update(stringToSign(input), "utf8").digest("hex");
}

export function authorizationHeader(input: SignInput, keypair: Keypair): string {
  return `BackendAI signMethod=HMAC-SHA256, credential=${keypair.accessKey}:${signature(input, keypair.secretKey)}`;
}

export type SignedRequestInput = Omit<SignInput, "date"> & { now: Date };

/**
 * The headers of a signed request: X-BackendAI-Date (browsers cannot set Date) as ISO 8601 UTC,
 * X-BackendAI-Version, Authorization, and Content-Type when one is given (multipart callers
 * leave it to fetch, which adds the boundary; the signature only covers the MIME type).
 */
export function signedHeaders(input: SignedRequestInput, keypair: Keypair, options: { sendContentType: boolean }): Record<string, string> {
  const date = input.now.toISOString();
  const headers: Record<string, string> = {
    "X-BackendAI-Date": date,
    "X-BackendAI-Version": input.apiVersion,
    Authorization: authorizationHeader({ ...input, date }, keypair),
  };
  if (options.sendContentType && input.contentType !== undefined) headers["Content-Type"] = input.contentType;
  return headers;
}
