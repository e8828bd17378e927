// Numbers as the usage tab shows them.
import { describe, expect, it } from "vitest";
import { formatCount, formatHours } from "./format-usage";

describe("formatHours", () => {
  it("shows hours to one decimal, small ones to two", () => {
    expect([formatHours(0), formatHours(0.25), formatHours(13), formatHours(1234.56)]).toEqual(["0", "0.25", "13.0", "1,234.6"]);
  });
});

describe("formatCount", () => {
  it("groups thousands", () => {
    expect(formatCount(12345)).toBe("12,345");
  });
});
