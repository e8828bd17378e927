// MD5 checksums in the browser (hash-wasm: WebAssembly, incremental): per block for Blob's
// Content-MD5 check, and of the whole file, read block by block so it never sits in memory whole.
import { createMD5 } from "hash-wasm";
import { cancelledError, UploadError } from "./upload-error";

/**
 * Whole-file checksums are computed up to this size. Hashing runs at several hundred MB/s, far ahead
 * of the network for a fresh upload, but a resumed upload of a huge file with a few blocks left
 * would wait for it; above this size the checksum is omitted and the server relies on Blob's
 * per-block Content-MD5 checks and the committed size instead.
 */
export const WHOLE_FILE_MD5_MAX_BYTES = 2 * 1024 ** 3;

export type Md5Hasher = { update: (bytes: Uint8Array) => void; digestBase64: () => string };

export async function createHasher(): Promise<Md5Hasher> {
  const md5 = await createMD5();
  md5.init();
  return {
    update: (bytes) => void md5.update(bytes),
    digestBase64: () => toBase64(md5.digest("binary")),
  };
}

/** Base64 MD5 of one block, as Put Block's Content-MD5 header wants it. */
export async function md5Base64(bytes: Uint8Array): Promise<string> {
  const hasher = await createHasher();
  hasher.update(bytes);
  return hasher.digestBase64();
}

/** Base64 MD5 of the whole file, read one block at a time in order; rejects with CANCELLED on abort. */
export async function fileMd5Base64(file: Blob, chunkSize: number, signal: AbortSignal): Promise<string> {
  const hasher = await createHasher();
  for (let start = 0; start < file.size; start += chunkSize) {
    if (signal.aborted) throw cancelledError(signal.reason);
    hasher.update(await readSlice(file, start, Math.min(start + chunkSize, file.size)));
  }
  return hasher.digestBase64();
}

/** The bytes of [start, end) of the file, or UNREADABLE when the browser can no longer read it. */
export async function readSlice(file: Blob, start: number, end: number): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await file.slice(start, end).arrayBuffer());
  } catch (e) {
    throw new UploadError("UNREADABLE", "The file could not be read any more (moved, deleted or changed on disk?): choose it again.", { cause: e });
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
