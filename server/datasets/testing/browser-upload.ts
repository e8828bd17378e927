// Test helper: uploads bytes exactly the way the browser client does (raw HTTP on the SAS URL: Put
// Block with Content-MD5 per block, then Put Block List), so integration tests exercise the real path.
import { createHash } from "node:crypto";
import { blockId, DATASET_BLOCK_SIZE } from "@/server/contracts/dataset";

export function md5Base64(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("base64");
}

/** `uploadUrl` with extra query parameters (the SAS is kept). */
export function withQuery(uploadUrl: string, params: Record<string, string>): string {
  const url = new URL(uploadUrl);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

export async function putBlock(uploadUrl: string, index: number, bytes: Uint8Array<ArrayBuffer>, options: { md5?: string } = {}): Promise<Response> {
  return fetch(withQuery(uploadUrl, { comp: "block", blockid: blockId(index) }), {
    method: "PUT", body: bytes, headers: { "Content-MD5": options.md5 ?? md5Base64(bytes) },
  });
}

/** Put Block List with `<Latest>` ids (staged or committed, whichever is newer). */
export async function commitBlocks(uploadUrl: string, indices: number[], options: { contentType?: string; md5?: string } = {}): Promise<Response> {
  const xml = `<?xml version="1.0" encoding="utf-8"?><BlockList>${indices.map((i) => `<Latest>${blockId(i)}</Latest>`).join("")}</BlockList>`;
  return fetch(withQuery(uploadUrl, { comp: "blocklist" }), {
    method: "PUT", body: xml, headers: {
      "Content-Type": "application/xml",
      ...(options.contentType ? { "x-ms-blob-content-type": options.contentType } : {}),
      ...(options.md5 ? { "x-ms-blob-content-md5": options.md5 } : {}),
    },
  });
}

export function blockOf(bytes: Uint8Array<ArrayBuffer>, index: number, blockSize = DATASET_BLOCK_SIZE): Uint8Array<ArrayBuffer> {
  return bytes.subarray(index * blockSize, Math.min(bytes.length, (index + 1) * blockSize));
}

/** Stages `indices` (default all) of `bytes`; throws on any refusal. */
export async function stageBlocks(uploadUrl: string, bytes: Uint8Array<ArrayBuffer>, indices?: number[]): Promise<void> {
  const all = Array.from({ length: Math.ceil(bytes.length / DATASET_BLOCK_SIZE) }, (_, i) => i);
  for (const i of indices ?? all) {
    const res = await putBlock(uploadUrl, i, blockOf(bytes, i));
    if (res.status !== 201) throw new Error(`Put Block ${i} answered ${res.status}: ${await res.text()}`);
  }
}

/** Deterministic, non-repeating-looking bytes of a given length. */
export function sampleBytes(length: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
