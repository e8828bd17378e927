// The upload figures as the page writes them.
import { describe, expect, it } from "vitest";
import { contentTypeOf, formatSpeed, formatTimeLeft, percentDone } from "./format-upload";

describe("upload figures", () => {
  it("rounds the percentage down and clamps it", () => {
    expect(percentDone(0, 0)).toBe(0);
    expect(percentDone(999, 1000)).toBe(99);
    expect(percentDone(1000, 1000)).toBe(100);
    expect(percentDone(24 * 1024 ** 2, 50 * 1024 ** 2)).toBe(48);
  });

  it("writes speed and time left", () => {
    expect(formatSpeed(null)).toBe("— MB/s");
    expect(formatSpeed(12.5 * 1024 ** 2)).toBe("12.5 MB/s");
    expect(formatTimeLeft(null)).toBe("estimating time left…");
    expect(formatTimeLeft(4.2)).toBe("5 s left");
    expect(formatTimeLeft(125)).toBe("2 min 5 s left");
    expect(formatTimeLeft(3 * 3600 + 61)).toBe("3 h 1 min left");
  });

  it("sends the browser's type, or a generic one when it gives none", () => {
    expect(contentTypeOf({ type: "" })).toBe("application/octet-stream");
    expect(contentTypeOf({ type: "text/csv" })).toBe("text/csv");
  });
});
