import { describe, expect, it } from "vitest";
import { nextKernelCheckMs, SAFETY_CHECK_MS, SHUTDOWN_DUE_CHECK_MS, STARTING_CHECK_MS } from "./kernel-refresh";

const now = Date.parse("2026-12-07T05:00:00Z");
const at = (ms: number) => new Date(now + ms);

describe("nextKernelCheckMs", () => {
  it("follows a starting kernel's phases closely", () => {
    expect(nextKernelCheckMs({ status: "starting", idleShutdownAt: at(3_600_000) }, now)).toBe(STARTING_CHECK_MS);
  });
  it("looks again just after an idle kernel's shutdown time, and often once it is due", () => {
    expect(nextKernelCheckMs({ status: "idle", idleShutdownAt: at(4_000) }, now)).toBe(5_000);
    expect(nextKernelCheckMs({ status: "idle", idleShutdownAt: at(-1) }, now)).toBe(SHUTDOWN_DUE_CHECK_MS);
  });
  it("otherwise checks only slowly (events refresh busy and finished states)", () => {
    expect(nextKernelCheckMs({ status: "idle", idleShutdownAt: at(3_600_000) }, now)).toBe(SAFETY_CHECK_MS);
    expect(nextKernelCheckMs({ status: "busy", idleShutdownAt: at(3_600_000) }, now)).toBe(SAFETY_CHECK_MS);
    expect(nextKernelCheckMs(null, now)).toBe(SAFETY_CHECK_MS);
  });
});
