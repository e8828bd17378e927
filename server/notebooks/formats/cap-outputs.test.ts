// The output cap on imported outputs: whole outputs up to the limit, one marker, errors always kept.
import { describe, expect, it } from "vitest";
import type { ExecEvent } from "@/server/contracts/outputs";
import { capOutputs } from "./cap-outputs";

describe("capOutputs", () => {
  it("keeps everything under the limit", () => {
    const outputs: ExecEvent[] = [{ type: "stream", name: "stdout", text: "a" }];
    expect(capOutputs(outputs, 1000)).toEqual(outputs);
  });

  it("cuts at the limit with one marker and still keeps the error", () => {
    const big: ExecEvent = { type: "stream", name: "stdout", text: "x".repeat(600) };
    const error: ExecEvent = { type: "error", ename: "E", evalue: "boom", traceback: [] };
    expect(capOutputs([big, big, big, error], 1000)).toEqual([big, { type: "truncated", limitBytes: 1000 }, error]);
  });
});
