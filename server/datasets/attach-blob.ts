// Reading a dataset's blob for a kernel: as a stream regrouped into chunks of a few MiB (a Jupyter
// PUT or a few webR writes each), so a multi-GB file is never in memory at once, or whole for
// providers whose upload takes one buffer (sizes already capped by attach-plan.ts).
import { DatasetError } from "@/server/errors";

/** Bytes per chunk handed to a provider's writeFile. */
export const STREAM_CHUNK_BYTES = 4 * 1024 * 1024;

type ByteSource = AsyncIterable<Uint8Array | string>;

/** The source's bytes in chunks of at least `chunkBytes` (the last may be shorter). */
export async function* regroup(source: ByteSource, chunkBytes: number): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for await (const piece of source) {
    const bytes = typeof piece === "string" ? Buffer.from(piece) : piece;
    if (bytes.byteLength === 0) continue;
    pending.push(bytes);
    pendingBytes += bytes.byteLength;
    if (pendingBytes >= chunkBytes) {
      yield Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}

/** The whole source, which must hold exactly `size` bytes (DatasetError STORAGE_FAILED otherwise). */
export async function readWhole(source: ByteSource, size: number): Promise<Uint8Array> {
  const whole = new Uint8Array(size);
  let at = 0;
  for await (const piece of source) {
    const bytes = typeof piece === "string" ? Buffer.from(piece) : piece;
    if (at + bytes.byteLength > size) throw shortOrLong(size, at + bytes.byteLength);
    whole.set(bytes, at);
    at += bytes.byteLength;
  }
  if (at !== size) throw shortOrLong(size, at);
  return whole;
}

function shortOrLong(size: number, got: number): DatasetError {
  const what = got > size ? "more" : "fewer";
  return new DatasetError("STORAGE_FAILED", `Storage gave ${what} bytes than the dataset holds (${size}): try attaching it again.`);
}
