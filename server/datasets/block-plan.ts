// Block arithmetic of an upload: block i of a file covers [i * blockSize, (i + 1) * blockSize) and
// has the id blockId(i). Decides which staged blocks a resumed upload may keep and whether a
// committed block list is exactly the file the upload declared.
import { blockId } from "@/server/contracts/dataset";

export type BlockInfo = { name: string; size: number };
export type FileLayout = { size: number; blockSize: number };

export function blockCountOf({ size, blockSize }: FileLayout): number {
  return Math.ceil(size / blockSize);
}

export function blockSizeAt(index: number, { size, blockSize }: FileLayout): number {
  return Math.min(blockSize, size - index * blockSize);
}

/** Indices of blocks already in storage that are exactly block i of this file (sorted, unique). */
export function stagedIndices(blocks: BlockInfo[], layout: FileLayout): number[] {
  const count = blockCountOf(layout);
  const indexOf = new Map(Array.from({ length: count }, (_, i) => [blockId(i), i] as const));
  const found = new Set<number>();
  for (const block of blocks) {
    const i = indexOf.get(block.name);
    if (i !== undefined && block.size === blockSizeAt(i, layout)) found.add(i);
  }
  return [...found].sort((a, b) => a - b);
}

/** Null when `committed` is blockId(0..n-1) in order with the right sizes; else what differs, as a phrase. */
export function blockListMismatch(committed: BlockInfo[], layout: FileLayout): string | null {
  const count = blockCountOf(layout);
  const indexOf = new Map(Array.from({ length: count }, (_, i) => [blockId(i), i] as const));
  for (let i = 0; i < Math.min(count, committed.length); i++) {
    if (committed[i].name !== blockId(i)) {
      const found = indexOf.get(committed[i].name);
      if (found === undefined) return `block ${i + 1} of ${count} is not a block of this upload`;
      return found > i ? `block ${i + 1} of ${count} is missing` : `block ${found + 1} of ${count} appears out of order`;
    }
    const expected = blockSizeAt(i, layout);
    if (committed[i].size !== expected) return `block ${i + 1} of ${count} has ${committed[i].size} bytes instead of ${expected}`;
  }
  if (committed.length < count) return `only ${committed.length} of ${count} blocks were committed`;
  if (committed.length > count) return `${committed.length} blocks were committed but the file has ${count}`;
  return null;
}
