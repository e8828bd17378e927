import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { KernelError } from "@/server/errors";
import type { KernelProvider } from "@/server/kernels/types";
import type { BlobStore } from "@/server/storage/blob-store";
import { streamInto, type CopyJob } from "./attach-copy";

vi.mock("./attach-exclusive", () => ({ withKernelToItself: vi.fn() })); // not used by streamInto

function jobWith(source: Readable, writeFile: KernelProvider["writeFile"]): CopyJob {
  const store = { openRead: async () => source } as unknown as BlobStore;
  const provider = { id: "webr", writeFile } as unknown as KernelProvider;
  return { store, blobName: "users/u/d", size: 6, path: "datasets/x.csv", kernel: { provider, remoteId: "k" }, signal: new AbortController().signal };
}

async function drain(chunks: AsyncIterable<Uint8Array>): Promise<number> {
  let total = 0;
  for await (const chunk of chunks) total += chunk.byteLength;
  return total;
}

describe("streamInto", () => {
  it("hands the provider the blob's bytes, regrouped", async () => {
    const seen: number[] = [];
    await streamInto(jobWith(Readable.from([Buffer.from("abc"), Buffer.from("def")]), async (_id, file) => {
      seen.push(file.size, await drain(file.chunks));
    }));
    expect(seen).toEqual([6, 6]);
  });

  it("reports a storage stream that breaks mid-way as STORAGE_FAILED", async () => {
    const broken = new Readable({ read() {} });
    broken.push(Buffer.from("abc"));
    setTimeout(() => broken.destroy(new Error("socket hang up")), 10);
    const failure = streamInto(jobWith(broken, async (_id, file) => void (await drain(file.chunks))));
    await expect(failure).rejects.toMatchObject({ name: "DatasetError", code: "STORAGE_FAILED" });
  });

  it("passes the provider's refusal on and closes the stream it never read", async () => {
    const source = Readable.from([Buffer.from("abcdef")]);
    const busy = new KernelError("BUSY", "The kernel is running a cell.");
    await expect(streamInto(jobWith(source, async () => { throw busy; }))).rejects.toBe(busy);
    expect(source.destroyed).toBe(true);
  });
});
