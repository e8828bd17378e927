// The checksum worker pool's scheduling, with stand-in workers that answer like md5.worker.ts (the
// real module worker runs in Chromium in e2e/datasets.spec.ts): at most N blocks at once, replies
// matched to their blocks, a worker that fails to load falling back to hashing in the page.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createWorkerHasher, type HashReply, type HashRequest } from "./block-hashers";

const bytes = new Uint8Array(5000).map((_, i) => (i * 7) % 256);
const file = new Blob([bytes]);
const md5 = (from: number, to: number) => createHash("md5").update(bytes.subarray(from, to)).digest("base64");

/** A stand-in Worker: answers each request after `delayMs`, or fails to load. */
class StandIn {
  static busy = 0;
  static peak = 0;
  onmessage: ((event: MessageEvent<HashReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly behaviour: { delayMs: number; fails?: boolean }) {}
  postMessage(request: HashRequest) {
    if (this.behaviour.fails) {
      setTimeout(() => this.onerror?.({ preventDefault: () => undefined } as ErrorEvent), 1);
      return;
    }
    StandIn.peak = Math.max(StandIn.peak, ++StandIn.busy);
    setTimeout(async () => {
      StandIn.busy--;
      const slice = new Uint8Array(await request.file.slice(request.start, request.end).arrayBuffer());
      this.onmessage?.({ data: { id: request.id, md5: createHash("md5").update(slice).digest("base64") } } as MessageEvent<HashReply>);
    }, this.behaviour.delayMs * (1 + (request.id % 3)));
  }
  terminate() {
    this.terminated = true;
  }
}

describe("worker hasher", () => {
  it("hashes many blocks with at most N workers busy, each answer going to its own block", async () => {
    const spawned: StandIn[] = [];
    const hasher = createWorkerHasher({ workers: 3, spawn: () => (spawned.push(new StandIn({ delayMs: 3 })), spawned.at(-1) as unknown as Worker) });
    const ranges = Array.from({ length: 10 }, (_, i) => [i * 500, i * 500 + 500] as const);
    expect(await Promise.all(ranges.map(([a, b]) => hasher.hash(file, a, b)))).toEqual(ranges.map(([a, b]) => md5(a, b)));
    expect(spawned).toHaveLength(3);
    expect(StandIn.peak).toBe(3);
    hasher.close();
    expect(spawned.every((w) => w.terminated)).toBe(true);
    await expect(hasher.hash(file, 0, 10)).rejects.toThrow("The checksum workers were closed.");
  });

  it("hashes in the page when a worker cannot load or cannot be created", async () => {
    const failing = createWorkerHasher({ workers: 2, spawn: () => new StandIn({ delayMs: 1, fails: true }) as unknown as Worker });
    expect(await Promise.all([failing.hash(file, 0, 100), failing.hash(file, 100, 4000)])).toEqual([md5(0, 100), md5(100, 4000)]);
    const refused = createWorkerHasher({ workers: 2, spawn: () => { throw new Error("blocked by CSP"); } });
    expect(await refused.hash(file, 7, 4999)).toBe(md5(7, 4999));
  });
});
