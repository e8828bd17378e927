import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CredentialError } from "@/server/errors";
import { openSecret, sealSecret } from "./secret-box";

const key = randomBytes(32);
const owner = { userId: "u1", provider: "backendai" };

describe("sealSecret / openSecret", () => {
  it("round-trips, and the sealed text contains no trace of the secret", () => {
    const sealed = sealSecret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", key, owner);
    expect(sealed).not.toContain("wJalr");
    expect(sealed.split(":")).toHaveLength(4);
    expect(openSecret(sealed, key, owner)).toBe("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  });

  it("uses a fresh IV each time", () => {
    expect(sealSecret("same", key, owner)).not.toBe(sealSecret("same", key, owner));
  });

  it("refuses another key, another owner, another provider and tampering", () => {
    const sealed = sealSecret("s3cret", key, owner);
    const fails = (f: () => string) => expect(f).toThrow(CredentialError);
    fails(() => openSecret(sealed, randomBytes(32), owner));
    fails(() => openSecret(sealed, key, { ...owner, userId: "u2" }));
    fails(() => openSecret(sealed, key, { ...owner, provider: "mlserver" }));
    const [v, iv, tag, body] = sealed.split(":");
    const flipped = Buffer.from(body!, "base64");
    flipped[0]! ^= 1;
    fails(() => openSecret([v, iv, tag, flipped.toString("base64")].join(":"), key, owner));
    fails(() => openSecret("garbage", key, owner));
  });
});
