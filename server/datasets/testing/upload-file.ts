// Test helper: a whole upload through the procedures and the SAS, as the browser does it, ending
// with completeUpload; returns the ready dataset.
import type { callerFor } from "@/test/caller";
import { commitBlocks, md5Base64, stageBlocks } from "./browser-upload";

type Api = ReturnType<typeof callerFor>;

export async function uploadFile(api: Api, file: { name: string; bytes: Uint8Array<ArrayBuffer>; contentType?: string; lastModified?: number }) {
  const begun = await api.dataset.beginUpload({
    name: file.name, size: file.bytes.length, contentType: file.contentType, lastModified: file.lastModified ?? Date.now(),
  });
  const missing = Array.from({ length: begun.blockCount }, (_, i) => i).filter((i) => !begun.stagedBlocks.includes(i));
  await stageBlocks(begun.uploadUrl, file.bytes, missing);
  const committed = await commitBlocks(begun.uploadUrl, Array.from({ length: begun.blockCount }, (_, i) => i));
  if (committed.status !== 201) throw new Error(`Put Block List answered ${committed.status}: ${await committed.text()}`);
  return api.dataset.completeUpload({ datasetId: begun.datasetId, md5: md5Base64(file.bytes) });
}
