// Dates shown on shared pages: the same text on the server and in every browser.
import { describe, expect, it } from "vitest";
import { formatUtc } from "./format-utc";

describe("formatUtc", () => {
  it("writes minutes in UTC whatever the input form", () => {
    expect(formatUtc(new Date("2026-11-21T14:03:59.999Z"))).toBe("2026-11-21 14:03 UTC");
    expect(formatUtc("2026-01-02T03:04:05+02:00")).toBe("2026-01-02 01:04 UTC");
  });
});
