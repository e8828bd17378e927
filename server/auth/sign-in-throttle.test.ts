import { describe, expect, it } from "vitest";
import { EMAIL_RULE, lockedUntil, throttleMessage } from "./sign-in-throttle";

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, 0) + minutes * 60_000);

describe("sign-in throttle", () => {
  it("locks after the limit within the window, for the lock time after the failure that tripped it", () => {
    const fails = [0, 1, 2, 3].map(at);
    expect(lockedUntil(fails, EMAIL_RULE, at(4))).toBeNull();
    const tripped = [...fails, at(4)];
    expect(lockedUntil(tripped, EMAIL_RULE, at(5))).toEqual(at(19));
    expect(lockedUntil(tripped, EMAIL_RULE, at(19))).toBeNull();
  });

  it("does not lock failures spread wider than the window", () => {
    expect(lockedUntil([0, 4, 8, 12, 16].map(at), EMAIL_RULE, at(16))).toBeNull();
  });

  it("says how many minutes are left, rounded up", () => {
    expect(throttleMessage(at(15), at(0.5))).toBe("Too many failed sign-ins: try again in 15 minutes.");
    expect(throttleMessage(at(1), at(0.9))).toBe("Too many failed sign-ins: try again in 1 minute.");
  });
});
