// Share tokens: 256 bits from the CSPRNG, only their SHA-256 stored, and the URL shape checked before any read.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashShareToken, newShareToken, parseShareToken } from "./share-token";

describe("share tokens", () => {
  it("are 32 random bytes in base64url, hashed with SHA-256", () => {
    const tokens = Array.from({ length: 2000 }, () => newShareToken());
    expect(new Set(tokens.map((t) => t.token)).size).toBe(2000);
    for (const { token, tokenHash } of tokens.slice(0, 20)) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
      expect(hashShareToken(token)).toBe(tokenHash);
    }
  });

  it("spread their bits evenly (no constant or biased bytes)", () => {
    const bytes = Array.from({ length: 500 }, () => Buffer.from(newShareToken().token, "base64url"));
    const ones = bytes.reduce((n, b) => n + [...b].reduce((m, byte) => m + byte.toString(2).split("1").length - 1, 0), 0);
    const ratio = ones / (500 * 256);
    expect(ratio).toBeGreaterThan(0.48);
    expect(ratio).toBeLessThan(0.52);
  });

  it("parse only the 43-character base64url shape", () => {
    const { token } = newShareToken();
    expect(parseShareToken(token)).toBe(token);
    for (const bad of ["", "abc", `${token}x`, `${token.slice(0, 42)}=`, `${token.slice(0, 42)}/`]) expect(parseShareToken(bad)).toBeNull();
  });
});
