// Share link tokens: 256 random bits, base64url in the link; the database keeps only their SHA-256,
// so a leaked table (or backup) opens no link.
import { createHash, randomBytes } from "node:crypto";

const TOKEN_BYTES = 32;
/** base64url of 32 bytes: 43 characters, no padding. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newShareToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashShareToken(token) };
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as it may come from a URL: well-formed, or null (not even worth a database read). */
export function parseShareToken(value: string): string | null {
  return TOKEN_SHAPE.test(value) ? value : null;
}
