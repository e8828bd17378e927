import { describe, expect, it } from "vitest";
import { estimateCellHeight } from "./cell-height";

const code = (source: string) => ({ id: "c", kind: "code" as const, source });
const at = new Date(0).toISOString();

describe("estimateCellHeight", () => {
  it("grows with the code's lines and with each output, images and tables most", () => {
    const one = estimateCellHeight(code("x"), undefined);
    const three = estimateCellHeight(code("x\ny\nz"), undefined);
    expect(three - one).toBe(38);
    const stream = estimateCellHeight(code("x"), [{ event: { type: "stream", name: "stdout", text: "a\nb\n" } }]);
    const plot = estimateCellHeight(code("x"), [{ event: { type: "display_data", data: { "image/png": "AA==" } } }]);
    expect(stream).toBeGreaterThan(one);
    expect(plot).toBeGreaterThan(stream + 200);
  });

  it("ignores status events and caps very long text", () => {
    const status = estimateCellHeight(code("x"), [{ event: { type: "status", status: "ok", at } }]);
    expect(status).toBe(estimateCellHeight(code("x"), []));
    const huge = estimateCellHeight(code("x"), [{ event: { type: "stream", name: "stdout", text: "l\n".repeat(10_000) } }]);
    expect(huge).toBeLessThan(1_000);
  });
});
