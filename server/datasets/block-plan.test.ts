import { describe, expect, it } from "vitest";
import { blockId } from "@/server/contracts/dataset";
import { blockCountOf, blockListMismatch, blockSizeAt, stagedIndices } from "./block-plan";

const layout = { size: 25, blockSize: 10 }; // blocks of 10, 10, 5
const block = (i: number, size = blockSizeAt(i, layout)) => ({ name: blockId(i), size });

describe("block plan", () => {
  it("splits a file into fixed blocks with a short last one", () => {
    expect(blockCountOf(layout)).toBe(3);
    expect([0, 1, 2].map((i) => blockSizeAt(i, layout))).toEqual([10, 10, 5]);
    expect(blockCountOf({ size: 20, blockSize: 10 })).toBe(2);
  });

  it("keeps only staged blocks that are exactly block i of this file", () => {
    const foreign = { name: btoa("something-else-00"), size: 10 };
    expect(stagedIndices([block(2), block(0), foreign, block(1, 9), block(0), { name: blockId(3), size: 5 }], layout)).toEqual([0, 2]);
    expect(stagedIndices([], layout)).toEqual([]);
  });

  it("accepts exactly blockId(0..n-1) in order with the expected sizes", () => {
    expect(blockListMismatch([block(0), block(1), block(2)], layout)).toBeNull();
  });

  it("says what differs in a committed list", () => {
    expect(blockListMismatch([block(0), block(2)], layout)).toBe("block 2 of 3 is missing");
    expect(blockListMismatch([block(1), block(0), block(2)], layout)).toBe("block 1 of 3 is missing");
    expect(blockListMismatch([block(0), block(0), block(2)], layout)).toBe("block 1 of 3 appears out of order");
    expect(blockListMismatch([block(0), block(1)], layout)).toBe("only 2 of 3 blocks were committed");
    expect(blockListMismatch([block(0), block(1), block(2), block(2)], layout)).toBe("4 blocks were committed but the file has 3");
    expect(blockListMismatch([block(0), block(1, 4), block(2)], layout)).toBe("block 2 of 3 has 4 bytes instead of 10");
    expect(blockListMismatch([{ name: "eA==", size: 10 }], layout)).toBe("block 1 of 3 is not a block of this upload");
  });
});
