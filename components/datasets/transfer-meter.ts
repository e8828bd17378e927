// Speed and time left of an upload, as a moving average over the last few seconds, so the figures
// follow the network without jumping at every finished block.

export type TransferFigures = {
  /** Bytes per second over the window; null until there is a measurement to go by. */
  bytesPerSecond: number | null;
  /** Seconds until done at that speed; null while the speed is unknown. */
  secondsLeft: number | null;
};

type Sample = { at: number; bytes: number };

export class TransferMeter {
  private readonly samples: Sample[] = [];

  /**
   * `startBytes`: bytes already there when this attempt starts (blocks staged by an earlier one):
   * they count towards done but not towards speed.
   */
  constructor(private readonly total: number, startBytes: number, startedAt: number, private readonly windowMs = 3_000) {
    this.samples.push({ at: startedAt, bytes: startBytes });
  }

  /** Records that `bytes` (in all) are done at time `at` (ms). */
  record(at: number, bytes: number): void {
    this.samples.push({ at, bytes });
    // Keep one sample at or before the window's start: it anchors the average.
    while (this.samples.length > 2 && this.samples[1].at <= at - this.windowMs) this.samples.shift();
  }

  /** Speed and time left as of `now`: from the anchor to now, so a stall shows as slowing down. */
  figures(now: number): TransferFigures {
    const anchor = this.anchorAt(now);
    const latest = this.samples[this.samples.length - 1];
    const elapsed = now - anchor.at;
    const moved = latest.bytes - anchor.bytes;
    if (elapsed <= 0 || moved <= 0) return { bytesPerSecond: null, secondsLeft: null };
    const bytesPerSecond = (moved * 1000) / elapsed;
    return { bytesPerSecond, secondsLeft: Math.max(0, this.total - latest.bytes) / bytesPerSecond };
  }

  /** The last sample at or before the window's start (the first one if none is), but never the latest:
   * with large blocks on a slow link the window may hold no finished block, and the speed then spans two. */
  private anchorAt(now: number): Sample {
    let index = 0;
    for (let i = 0; i < this.samples.length && this.samples[i].at <= now - this.windowMs; i++) index = i;
    if (index === this.samples.length - 1 && index > 0) index--;
    return this.samples[index];
  }
}
