import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes";

describe("formatBytes", () => {
  it("writes sizes with a readable unit", () => {
    expect(formatBytes(840)).toBe("840 B");
    expect(formatBytes(1840)).toBe("1.8 KB");
    expect(formatBytes(120_000_544)).toBe("114 MB");
    expect(formatBytes(5 * 1024 ** 3)).toBe("5 GB");
    expect(formatBytes(3 * 1024 ** 5)).toBe("3072 TB");
  });

  it("shows a dash for an unknown size", () => {
    expect(formatBytes(null)).toBe("—");
    expect(formatBytes(Number.NaN)).toBe("—");
  });
});
