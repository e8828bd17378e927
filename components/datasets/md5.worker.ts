// A module worker that checksums upload blocks off the page's main thread: it reads its own slice
// of the File (posted as a Blob, no copy) and answers the base64 MD5 (block-hashers.ts runs a pool).
import type { HashReply, HashRequest } from "./block-hashers";
import { createHasher, readSlice } from "./md5";
import { UploadError } from "./upload-error";

const scope = self as unknown as { onmessage: ((event: MessageEvent<HashRequest>) => void) | null; postMessage: (reply: HashReply) => void };

scope.onmessage = (event) => {
  const { id, file, start, end } = event.data;
  void hashSlice(file, start, end).then(
    (md5) => scope.postMessage({ id, md5 }),
    (e: unknown) => scope.postMessage({ id, error: e instanceof Error ? e.message : String(e), unreadable: e instanceof UploadError && e.code === "UNREADABLE" }),
  );
};

async function hashSlice(file: Blob, start: number, end: number): Promise<string> {
  const hasher = await createHasher();
  hasher.update(await readSlice(file, start, end));
  return hasher.digestBase64();
}
