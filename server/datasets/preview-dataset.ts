// A peek at a ready dataset for its page: the first rows of a CSV/TSV (from one ranged read of at
// most 64 KiB, never the whole file) or a short-lived link to show an image; nothing for other files.
import "server-only";
import type { Db } from "@/server/db";
import { blobStore } from "@/server/storage/blob-store";
import { storageFailure } from "@/server/storage/storage-failure";
import { previewKindOf } from "./content-kind";
import { findOwnedDataset } from "./dataset-row";
import { parseTablePreview, type TablePreview } from "./table-preview";

export const PREVIEW_BYTES = 64 * 1024;
export const IMAGE_SAS_TTL_MS = 5 * 60_000;
const READ_TIMEOUT_MS = 30_000;

export type DatasetPreview = TablePreview | { kind: "image"; url: string } | { kind: "none" };

export async function previewDataset(db: Db, args: { userId: string; datasetId: string }): Promise<DatasetPreview> {
  const row = await findOwnedDataset(db, { ...args, status: "ready" });
  const kind = previewKindOf(row.name, row.contentType);
  switch (kind) {
    case "none":
      return { kind: "none" };
    case "image":
      return { kind: "image", url: (await blobStore()).sasUrl(row.blobName, { permissions: "r", ttlMs: IMAGE_SAS_TTL_MS }) };
    case "csv":
    case "tsv": {
      const size = Number(row.size);
      const count = Math.min(PREVIEW_BYTES, size);
      const stream = await (await blobStore()).openRead(row.blobName, { offset: 0, count, signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
      const bytes = await readAtMost(stream, count).catch((e: unknown) => {
        throw storageFailure("read the start of the dataset", e);
      });
      return parseTablePreview(bytes, { wholeFile: count === size, delimiter: kind === "tsv" ? "\t" : undefined });
    }
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** The stream's bytes, stopping (and closing it) at `limit` whatever the server sends. */
async function readAtMost(stream: NodeJS.ReadableStream, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk);
    chunks.push(buffer.subarray(0, limit - total));
    total += Math.min(buffer.length, limit - total);
    if (total >= limit) break;
  }
  return new Uint8Array(Buffer.concat(chunks));
}
