import { describe, expect, it } from "vitest";
import { dayBound, formatDuration } from "./format-admin";

describe("admin formatting", () => {
  it("shows durations compactly", () => {
    expect(formatDuration(42_000)).toBe("42 s");
    expect(formatDuration(5 * 60_000 + 10_000)).toBe("5 min");
    expect(formatDuration(185 * 60_000)).toBe("3 h 05 min");
    expect(formatDuration(50 * 3_600_000)).toBe("2 d 2 h");
  });

  it("turns a day into its local bounds", () => {
    expect(dayBound("2026-03-04", "start")).toEqual(new Date(2026, 2, 4, 0, 0, 0, 0));
    expect(dayBound("2026-03-04", "end")).toEqual(new Date(2026, 2, 4, 23, 59, 59, 999));
    expect(dayBound("", "start")).toBeUndefined();
  });
});
