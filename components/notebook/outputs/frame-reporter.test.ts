import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FRAME_CSP, FRAME_MAX_HEIGHT, FRAME_MIN_HEIGHT, FRAME_REPORTER_HASH, FRAME_REPORTER_SCRIPT, reportedHeight } from "./frame-reporter";

describe("frame reporter", () => {
  it("is allowed by the hash the frame's policy names (the script and its hash change together)", () => {
    const hash = createHash("sha256").update(FRAME_REPORTER_SCRIPT, "utf8").digest("base64");
    expect(FRAME_REPORTER_HASH).toBe(`'sha256-${hash}'`);
    expect(FRAME_CSP).toContain(`script-src ${FRAME_REPORTER_HASH};`);
    const scriptSrc = FRAME_CSP.split(";").find((d) => d.trim().startsWith("script-src"));
    expect(scriptSrc?.trim()).toBe(`script-src ${FRAME_REPORTER_HASH}`);
    expect(FRAME_CSP).toMatch(/default-src 'none'/);
    expect(FRAME_CSP).toMatch(/img-src data:;/);
  });

  it("accepts only height reports, clamped to a sane range", () => {
    expect(reportedHeight({ kernelbookFrameHeight: 123.4 })).toBe(123);
    expect(reportedHeight({ kernelbookFrameHeight: -5 })).toBe(FRAME_MIN_HEIGHT);
    expect(reportedHeight({ kernelbookFrameHeight: 1e9 })).toBe(FRAME_MAX_HEIGHT);
    expect(reportedHeight({ kernelbookFrameHeight: Number.NaN })).toBeNull();
    expect(reportedHeight({ kernelbookFrameHeight: "300" })).toBeNull();
    expect(reportedHeight("300")).toBeNull();
    expect(reportedHeight(null)).toBeNull();
  });
});
