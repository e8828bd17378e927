// Seals users' provider secrets (Backend.AI secret keys, ML Server passwords) with AES-256-GCM,
// bound to their owner and provider so a sealed value copied to another row does not open.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { CredentialError } from "@/server/errors";

const VERSION = "v1";

/** Who a secret belongs to; authenticated with it (GCM additional data), never stored inside. */
export type SecretOwner = { userId: string; provider: string };

export function sealSecret(plaintext: string, key: Buffer, owner: SecretOwner): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(additionalData(owner));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64"))).join(":");
}

export function openSecret(sealed: string, key: Buffer, owner: SecretOwner): string {
  const [version, iv, tag, body] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || body === undefined) {
    throw new CredentialError("UNREADABLE", "A stored credential is in an unknown format; store it again in Settings.");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
    decipher.setAAD(additionalData(owner));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  } catch (cause) {
    // A changed CREDENTIALS_KEY or a tampered row: the secret is unusable, and we say so plainly.
    throw new CredentialError("UNREADABLE", "A stored credential cannot be decrypted (was CREDENTIALS_KEY changed?); store it again in Settings.", { cause });
  }
}

function additionalData(owner: SecretOwner): Buffer {
  return Buffer.from(`kernelbook-credential:${owner.userId}:${owner.provider}`, "utf8");
}
