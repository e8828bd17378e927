// When a shared link stops opening.
import { describe, expect, it } from "vitest";
import { shareLinkState } from "./share-link-state";

describe("shareLinkState", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  it("is revoked over expired, expired at the expiry instant, else active", () => {
    expect(shareLinkState({ revokedAt: now, expiresAt: new Date(0) }, now)).toBe("revoked");
    expect(shareLinkState({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(shareLinkState({ revokedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe("active");
    expect(shareLinkState({ revokedAt: null, expiresAt: null }, now)).toBe("active");
  });
});
