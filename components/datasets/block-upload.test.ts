// The browser → Blob upload against a fake Blob service: resume, concurrency, retries, renewal,
// cancel, the commit and the checksums.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { blockId } from "@/server/contracts/dataset";
import type { RetryPolicy } from "./blob-requests";
import { blockBounds, uploadBlocks, type BlockUploadOptions, type UploadProgress } from "./block-upload";
import { UploadError } from "./upload-error";

const BLOCK = 1024;
const URL_1 = "http://blob.test/acct/c/blob?sv=1&sig=first";
const URL_2 = "http://blob.test/acct/c/blob?sv=1&sig=second";

type Call = { url: URL; init: RequestInit };
type Answer = (call: Call) => Promise<Response> | Response;

function fileOf(size: number): Blob {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) % 251;
  return new Blob([bytes]);
}

const md5 = (bytes: Uint8Array) => createHash("md5").update(bytes).digest("base64");
const blockOf = (call: Call) => (call.url.searchParams.get("comp") === "block" ? indexOf(call.url.searchParams.get("blockid")!) : null);
const indexOf = (id: string) => [...Array(100).keys()].find((i) => blockId(i) === id) ?? -1;
const noRetryWait: RetryPolicy = { retries: 3, backoffMs: (a) => 100 * 2 ** a, sleep: async () => undefined };

function harness(size: number, answer: Answer = () => new Response(null, { status: 201 }), extra: Partial<BlockUploadOptions> = {}) {
  const calls: Call[] = [];
  const progress: UploadProgress[] = [];
  const completed: (string | undefined)[] = [];
  const file = fileOf(size);
  const controller = new AbortController();
  const options: BlockUploadOptions = {
    file,
    target: { uploadUrl: URL_1, blockSize: BLOCK, blockCount: Math.ceil(size / BLOCK), stagedBlocks: [] },
    contentType: "text/csv",
    signal: controller.signal,
    onProgress: (p) => progress.push(p),
    renewUrl: async () => URL_2,
    complete: async (sum) => void completed.push(sum),
    fetch: async (input, init) => {
      const call = { url: new URL(input), init };
      calls.push(call);
      return answer(call);
    },
    retry: noRetryWait,
    tickMs: 0,
    ...extra,
  };
  const blockCalls = () => calls.filter((c) => blockOf(c) !== null);
  return { calls, blockCalls, progress, completed, file, controller, options };
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

describe("uploadBlocks", () => {
  it("stages only the missing blocks, each with its MD5, then commits all of them and completes", async () => {
    const h = harness(10 * BLOCK - 100);
    h.options.target.stagedBlocks = [0, 2, 5];
    await uploadBlocks(h.options);

    const sent = h.blockCalls().map(blockOf).sort((a, b) => a! - b!);
    expect(sent).toEqual([1, 3, 4, 6, 7, 8, 9]);
    const whole = await bytesOf(h.file);
    for (const call of h.blockCalls()) {
      const i = blockOf(call)!;
      const body = call.init.body as Blob;
      expect(body).toBeInstanceOf(Blob);
      expect(body.size).toBe(i === 9 ? BLOCK - 100 : BLOCK);
      expect((call.init.headers as Record<string, string>)["Content-MD5"]).toBe(md5(whole.subarray(i * BLOCK, i * BLOCK + body.size)));
      expect(call.init.method).toBe("PUT");
      expect(call.url.searchParams.get("sig")).toBe("first");
    }
    const commit = h.calls.at(-1)!;
    expect(commit.url.searchParams.get("comp")).toBe("blocklist");
    expect((commit.init.headers as Record<string, string>)["x-ms-blob-content-type"]).toBe("text/csv");
    expect(String(commit.init.body).match(/<Latest>/g)).toHaveLength(10);
    expect(h.completed).toEqual([undefined]);

    expect(h.progress[0]).toMatchObject({ phase: "uploading", loaded: 3 * BLOCK, resumedBytes: 3 * BLOCK, total: 10 * BLOCK - 100 });
    expect(h.progress.at(-1)).toMatchObject({ phase: "verifying", loaded: 10 * BLOCK - 100 });
    expect(h.progress.map((p) => p.loaded)).toEqual([...h.progress.map((p) => p.loaded)].sort((a, b) => a - b));
  });

  it("only commits and completes when every block was staged before", async () => {
    const h = harness(3 * BLOCK);
    h.options.target.stagedBlocks = [0, 1, 2];
    await uploadBlocks(h.options);
    expect(h.blockCalls()).toHaveLength(0);
    expect(h.calls).toHaveLength(1);
    expect(h.completed).toHaveLength(1);
  });

  it("keeps at most four blocks in flight, in block order", async () => {
    let inFlight = 0;
    let most = 0;
    const h = harness(12 * BLOCK, async (call) => {
      if (blockOf(call) === null) return new Response(null, { status: 201 });
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      return new Response(null, { status: 201 });
    });
    await uploadBlocks(h.options);
    expect(most).toBe(4);
    expect(h.blockCalls().map(blockOf).slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(h.blockCalls()).toHaveLength(12);
  });

  it("retries a failed block up to three times with growing pauses", async () => {
    const failures = new Map([[1, 3]]);
    const pauses: number[] = [];
    const h = harness(3 * BLOCK, (call) => {
      const i = blockOf(call);
      const left = i === null ? 0 : (failures.get(i) ?? 0);
      if (left > 0) {
        failures.set(i!, left - 1);
        if (left === 2) throw new TypeError("Failed to fetch");
        return new Response("<Error><Code>ServerBusy</Code></Error>", { status: 503 });
      }
      return new Response(null, { status: 201 });
    }, { retry: { ...noRetryWait, sleep: async (ms) => void pauses.push(ms) } });
    await uploadBlocks(h.options);
    expect(h.blockCalls().filter((c) => blockOf(c) === 1)).toHaveLength(4);
    expect(pauses).toEqual([100, 200, 400]);
    expect(h.completed).toHaveLength(1);
  });

  it("gives up after three retries, stops the other blocks and neither commits nor completes", async () => {
    const h = harness(8 * BLOCK, (call) => {
      if (blockOf(call) === 0) throw new TypeError("Failed to fetch");
      return new Response(null, { status: 201 });
    });
    const failure = await uploadBlocks(h.options).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UploadError);
    expect((failure as UploadError).code).toBe("NETWORK");
    expect(h.blockCalls().filter((c) => blockOf(c) === 0)).toHaveLength(4);
    expect(h.calls.some((c) => c.url.searchParams.get("comp") === "blocklist")).toBe(false);
    expect(h.completed).toHaveLength(0);
  });

  it("does not retry a refusal: a checksum mismatch says the file changed", async () => {
    const h = harness(2 * BLOCK, (call) => (blockOf(call) === 1
      ? new Response("<?xml version=\"1.0\"?><Error><Code>Md5Mismatch</Code><Message>The MD5 value specified in the request did not match.</Message></Error>", { status: 400 })
      : new Response(null, { status: 201 })));
    const failure = (await uploadBlocks(h.options).catch((e: unknown) => e)) as UploadError;
    expect(failure.code).toBe("REFUSED");
    expect(failure.message).toMatch(/may have changed/);
    expect(h.blockCalls().filter((c) => blockOf(c) === 1)).toHaveLength(1);
  });

  it("renews an expired link once for all blocks in flight, and retries them with the new one", async () => {
    let renewals = 0;
    const h = harness(6 * BLOCK, (call) => new Response(null, { status: call.url.searchParams.get("sig") === "first" ? 403 : 201 }), {
      renewUrl: async () => {
        renewals++;
        await new Promise((r) => setTimeout(r, 5));
        return URL_2;
      },
    });
    await uploadBlocks(h.options);
    expect(renewals).toBe(1);
    const fresh = h.calls.filter((c) => c.url.searchParams.get("sig") === "second");
    expect(fresh.filter((c) => blockOf(c) !== null).map(blockOf).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(fresh.at(-1)!.url.searchParams.get("comp")).toBe("blocklist");
    expect(h.completed).toHaveLength(1);
  });

  it("fails with ACCESS_DENIED when storage still answers 403 after the renewal", async () => {
    const h = harness(BLOCK, () => new Response("<Error><Code>AuthenticationFailed</Code></Error>", { status: 403 }));
    const failure = (await uploadBlocks(h.options).catch((e: unknown) => e)) as UploadError;
    expect(failure.code).toBe("ACCESS_DENIED");
    expect(h.calls).toHaveLength(2);
  });

  it("cancels: the requests in flight are aborted, no new block starts, nothing is committed", async () => {
    const h = harness(20 * BLOCK, (call) => new Promise<Response>((resolve, reject) => {
      const signal = call.init.signal!;
      const timer = setTimeout(() => resolve(new Response(null, { status: 201 })), 20);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(new DOMException("aborted", "AbortError"));
      });
    }));
    const running = uploadBlocks(h.options);
    await new Promise((r) => setTimeout(r, 30));
    h.controller.abort();
    const failure = (await running.catch((e: unknown) => e)) as UploadError;
    expect(failure.code).toBe("CANCELLED");
    const started = h.blockCalls().length;
    expect(started).toBeGreaterThan(0);
    expect(started).toBeLessThan(20);
    await new Promise((r) => setTimeout(r, 40));
    expect(h.blockCalls()).toHaveLength(started);
    expect(h.calls.some((c) => c.url.searchParams.get("comp") === "blocklist")).toBe(false);
    expect(h.completed).toHaveLength(0);
  });

  it("refuses a plan that does not cover the file", async () => {
    expect(() => blockBounds(3 * BLOCK + 1, { blockSize: BLOCK, blockCount: 3 })).toThrow(/does not match/);
    expect(blockBounds(2 * BLOCK + 1, { blockSize: BLOCK, blockCount: 3 })).toEqual([[0, BLOCK], [BLOCK, 2 * BLOCK], [2 * BLOCK, 2 * BLOCK + 1]]);
  });
});
