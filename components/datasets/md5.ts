// MD5 checksums in the browser (hash-wasm: WebAssembly): per block, for Blob's Content-MD5 check.
import { createMD5 } from "hash-wasm";
import { UploadError } from "./upload-error";

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
