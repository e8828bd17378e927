import { describe, expect, it } from "vitest";
import { formatDuration, formatRelative, formatTimeLeft } from "./format";

describe("format", () => {
  it("formats durations", () => {
    expect(formatDuration(0)).toBe("0.0 s");
    expect(formatDuration(1234)).toBe("1.2 s");
    expect(formatDuration(59_999)).toBe("59.9 s");
    expect(formatDuration(125_000)).toBe("2 min 05 s");
    expect(formatDuration(3_720_000)).toBe("1 h 02 min");
  });

  it("formats relative times", () => {
    const now = 1_000_000_000;
    expect(formatRelative(now - 10_000, now)).toBe("just now");
    expect(formatRelative(now - 5 * 60_000, now)).toBe("5 min ago");
    expect(formatRelative(now - 3 * 3_600_000, now)).toBe("3 h ago");
    expect(formatRelative(now - 30 * 3_600_000, now)).toBe("yesterday");
    expect(formatRelative(now - 72 * 3_600_000, now)).toBe("3 days ago");
  });

  it("formats time left, null when past", () => {
    const now = 0;
    expect(formatTimeLeft(59 * 60_000 - 500, now)).toBe("58 min");
    expect(formatTimeLeft(60 * 60_000, now)).toBe("60 min");
    expect(formatTimeLeft(45_000, now)).toBe("45 s");
    expect(formatTimeLeft(130 * 60_000, now)).toBe("2 h 10 min");
    expect(formatTimeLeft(-1, now)).toBeNull();
  });
});
