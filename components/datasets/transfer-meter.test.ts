// Upload speed and time left: a moving average over the last seconds, resumed bytes not counted.
import { describe, expect, it } from "vitest";
import { TransferMeter } from "./transfer-meter";

const MB = 1_000_000;

describe("TransferMeter", () => {
  it("knows nothing before the first block finishes", () => {
    const meter = new TransferMeter(100 * MB, 0, 0);
    expect(meter.figures(500)).toEqual({ bytesPerSecond: null, secondsLeft: null });
  });

  it("does not count bytes staged by an earlier attempt as speed", () => {
    const meter = new TransferMeter(100 * MB, 60 * MB, 0);
    meter.record(1_000, 68 * MB);
    const f = meter.figures(1_000);
    expect(f.bytesPerSecond).toBeCloseTo(8 * MB);
    expect(f.secondsLeft).toBeCloseTo(4);
  });

  it("averages over the last three seconds, so an earlier pace fades out", () => {
    const meter = new TransferMeter(200 * MB, 0, 0);
    for (let t = 1; t <= 5; t++) meter.record(t * 1_000, t * 2 * MB); // 2 MB/s
    for (let t = 6; t <= 10; t++) meter.record(t * 1_000, 10 * MB + (t - 5) * 8 * MB); // then 8 MB/s
    const f = meter.figures(10_000);
    expect(f.bytesPerSecond).toBeCloseTo(8 * MB);
    expect(f.secondsLeft).toBeCloseTo((200 - 50) / 8);
  });

  it("shows a stall as slowing down, measured from the last blocks to now", () => {
    const meter = new TransferMeter(100 * MB, 0, 0);
    meter.record(1_000, 8 * MB);
    meter.record(2_000, 16 * MB);
    expect(meter.figures(2_000).bytesPerSecond).toBeCloseTo(8 * MB);
    // Nothing finishes for 8 s: the window holds no block, the last two still give a (falling) speed.
    const later = meter.figures(10_000);
    expect(later.bytesPerSecond).toBeCloseTo((8 * MB) / 9);
    expect(later.secondsLeft).toBeCloseTo(84 / (8 / 9));
  });

  it("says zero seconds left when everything is done", () => {
    const meter = new TransferMeter(10 * MB, 0, 0);
    meter.record(2_000, 10 * MB);
    expect(meter.figures(2_000)).toEqual({ bytesPerSecond: 5 * MB, secondsLeft: 0 });
  });
});
