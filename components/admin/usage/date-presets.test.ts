// The usage tab's date ranges.
import { describe, expect, it } from "vitest";
import { presetRange, rangeProblem, shortDay } from "./date-presets";

describe("presetRange", () => {
  const today = new Date("2024-03-05T23:30:00Z");

  it("ends today and includes it", () => {
    expect(presetRange(7, today)).toEqual({ from: "2024-02-28", to: "2024-03-05" });
    expect(presetRange(1, today)).toEqual({ from: "2024-03-05", to: "2024-03-05" });
  });

  it("counts 30 and 90 days across month ends (UTC)", () => {
    expect(presetRange(30, today)).toEqual({ from: "2024-02-05", to: "2024-03-05" });
    expect(presetRange(90, today)).toEqual({ from: "2023-12-07", to: "2024-03-05" });
  });
});

describe("rangeProblem", () => {
  it("accepts a valid range", () => {
    expect(rangeProblem({ from: "2024-01-01", to: "2024-01-01" })).toBeNull();
  });

  it("explains a missing, reversed or too long range", () => {
    expect(rangeProblem({ from: "", to: "2024-01-01" })).toBe("Choose both dates.");
    expect(rangeProblem({ from: "2024-01-02", to: "2024-01-01" })).toMatch(/on or before/);
    expect(rangeProblem({ from: "2023-01-01", to: "2024-01-02" })).toMatch(/at most 366/);
  });
});

describe("shortDay", () => {
  it("labels a UTC day", () => {
    expect(shortDay("2024-03-05")).toBe("5 Mar");
  });
});
