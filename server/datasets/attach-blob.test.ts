import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readWhole, regroup } from "./attach-blob";

const pieces = (...sizes: number[]) => Readable.from(sizes.map((n, i) => Buffer.alloc(n, i + 1)));

async function sizesOf(chunks: AsyncIterable<Uint8Array>): Promise<number[]> {
  const sizes: number[] = [];
  for await (const chunk of chunks) sizes.push(chunk.byteLength);
  return sizes;
}

describe("regroup", () => {
  it("gathers small pieces into chunks of at least the size asked, the rest last", async () => {
    expect(await sizesOf(regroup(pieces(3, 3, 3, 0, 3, 1), 5))).toEqual([6, 6, 1]);
    expect(await sizesOf(regroup(pieces(12, 1), 5))).toEqual([12, 1]);
    expect(await sizesOf(regroup(pieces(), 5))).toEqual([]);
  });

  it("keeps the bytes in order", async () => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of regroup(pieces(2, 2, 2), 4)) chunks.push(chunk);
    expect([...Buffer.concat(chunks)]).toEqual([1, 1, 2, 2, 3, 3]);
  });
});

describe("readWhole", () => {
  it("reads exactly the dataset's size and refuses a short or long blob", async () => {
    expect([...(await readWhole(pieces(2, 1), 3))]).toEqual([1, 1, 2]);
    await expect(readWhole(pieces(2), 3)).rejects.toMatchObject({ code: "STORAGE_FAILED" });
    await expect(readWhole(pieces(2, 2), 3)).rejects.toMatchObject({ code: "STORAGE_FAILED" });
  });
});
