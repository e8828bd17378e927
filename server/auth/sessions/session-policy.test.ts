// The session lifetime rule: revoked beats everything, then a disabled owner, the absolute end, idleness.
import { describe, expect, it } from "vitest";
import { SESSION_IDLE_MS, needsTouch, sessionState } from "./session-policy";

const now = new Date("2026-12-07T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const later = (ms: number) => new Date(now.getTime() + ms);
const row = (over: Partial<Parameters<typeof sessionState>[0]> = {}) =>
  ({ revokedAt: null, expiresAt: later(60_000), lastSeenAt: ago(1000), user: { disabled: false }, ...over });

describe("sessionState", () => {
  it("is active while fresh, enabled, unrevoked and before its end", () => expect(sessionState(row(), now)).toBe("active"));
  it("is revoked once revoked, whatever else holds", () => expect(sessionState(row({ revokedAt: ago(1), user: { disabled: true } }), now)).toBe("revoked"));
  it("is disabled with its owner", () => expect(sessionState(row({ user: { disabled: true } }), now)).toBe("disabled"));
  it("is expired at its absolute end even when just seen", () => expect(sessionState(row({ expiresAt: now }), now)).toBe("expired"));
  it("is idle after 12 hours unseen, active a minute before", () => {
    expect(sessionState(row({ lastSeenAt: ago(SESSION_IDLE_MS) }), now)).toBe("idle");
    expect(sessionState(row({ lastSeenAt: ago(SESSION_IDLE_MS - 60_000) }), now)).toBe("active");
  });
  it("touches lastSeenAt only every five minutes", () => {
    expect(needsTouch({ lastSeenAt: ago(60_000) }, now)).toBe(false);
    expect(needsTouch({ lastSeenAt: ago(5 * 60_000) }, now)).toBe(true);
  });
});
