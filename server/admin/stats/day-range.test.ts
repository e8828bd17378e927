// The usage report's date range and zero-filled day series.
import { describe, expect, it } from "vitest";
import { fillDays, toDayRange, ZUsageRange } from "./day-range";

describe("toDayRange", () => {
  it("covers both ends, in UTC, with an exclusive end", () => {
    const range = toDayRange({ from: "2024-02-27", to: "2024-03-01" });
    expect(range.days).toEqual(["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]);
    expect(range.start.toISOString()).toBe("2024-02-27T00:00:00.000Z");
    expect(range.end.toISOString()).toBe("2024-03-02T00:00:00.000Z");
  });

  it("is one day when from equals to", () => {
    expect(toDayRange({ from: "2024-01-01", to: "2024-01-01" }).days).toEqual(["2024-01-01"]);
  });

  it("does not shift across a DST change (days are UTC)", () => {
    expect(toDayRange({ from: "2024-03-30", to: "2024-04-01" }).days).toEqual(["2024-03-30", "2024-03-31", "2024-04-01"]);
  });
});

describe("ZUsageRange", () => {
  it("accepts a valid range", () => {
    expect(ZUsageRange.safeParse({ from: "2024-01-01", to: "2024-01-31" }).success).toBe(true);
  });

  it("rejects a reversed range, a range over a year and a malformed date", () => {
    expect(ZUsageRange.safeParse({ from: "2024-02-01", to: "2024-01-31" }).success).toBe(false);
    expect(ZUsageRange.safeParse({ from: "2023-01-01", to: "2024-01-31" }).success).toBe(false);
    expect(ZUsageRange.safeParse({ from: "2024-1-1", to: "2024-01-31" }).success).toBe(false);
  });
});

describe("fillDays", () => {
  const days = ["2024-01-01", "2024-01-02", "2024-01-03"];

  it("fills every day and every key with zeros", () => {
    const series = fillDays(days, [{ day: "2024-01-02", key: "webr", value: 3 }], ["ok", "error"]);
    expect(series.keys).toEqual(["ok", "error", "webr"]);
    expect(series.rows).toEqual([
      { day: "2024-01-01", values: { ok: 0, error: 0, webr: 0 } },
      { day: "2024-01-02", values: { ok: 0, error: 0, webr: 3 } },
      { day: "2024-01-03", values: { ok: 0, error: 0, webr: 0 } },
    ]);
  });

  it("adds points of the same day and key, sorts unlisted keys and ignores days outside the range", () => {
    const series = fillDays(days, [
      { day: "2024-01-01", key: "webr", value: 1 },
      { day: "2024-01-01", key: "webr", value: 2 },
      { day: "2024-01-01", key: "backendai", value: 1.5 },
      { day: "2023-12-31", key: "jupyter", value: 9 },
    ]);
    expect(series.keys).toEqual(["backendai", "jupyter", "webr"]);
    expect(series.rows[0]!.values).toEqual({ backendai: 1.5, jupyter: 0, webr: 3 });
    expect(series.rows.map((r) => r.values.jupyter)).toEqual([0, 0, 0]);
  });

  it("gives an empty series for no points and no keys", () => {
    expect(fillDays(days, [])).toEqual({ keys: [], rows: days.map((day) => ({ day, values: {} })) });
  });
});
