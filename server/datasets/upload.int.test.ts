// Uploads through the dataset procedures and Azurite, exactly as the browser does them: full upload,
// resume, verification failures leaving nothing behind, quota, renewal, cancel, refused inputs.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_URL ??= "http://127.0.0.1:3000";
});

import { DATASET_BLOCK_SIZE } from "@/server/contracts/dataset";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { blobStore } from "@/server/storage/blob-store";
import { callerFor } from "@/test/caller";
import { createUser } from "@/test/fixtures";
import { formatBytes } from "./format-bytes";
import { commitBlocks, md5Base64, putBlock, sampleBytes, stageBlocks } from "./testing/browser-upload";
import { uploadFile } from "./testing/upload-file";
import { stagingContainerName } from "./upload-staging";

const TWO_BLOCKS = DATASET_BLOCK_SIZE + 100;

async function blobOf(datasetId: string) {
  const row = await db.dataset.findUnique({ where: { id: datasetId } });
  return { row, blob: row && (await blobStore()).container.getBlockBlobClient(row.blobName) };
}

/** Nothing left in the database or in storage (neither committed blob nor staged blocks). */
async function expectNoTrace(datasetId: string, blobName: string) {
  expect(await db.dataset.findUnique({ where: { id: datasetId } })).toBeNull();
  const blob = (await blobStore()).container.getBlockBlobClient(blobName);
  expect(await blob.exists()).toBe(false);
  await expect(blob.getBlockList("all")).rejects.toMatchObject({ statusCode: 404 });
  expect(await (await blobStore()).containerNamed(stagingContainerName(datasetId)).exists()).toBe(false);
}

describe("dataset uploads", () => {
  it("uploads block by block with the SAS, commits, and completes into a verified, ready dataset", async () => {
    const user = await createUser();
    const api = callerFor(user);
    const bytes = sampleBytes(TWO_BLOCKS);
    const begun = await api.dataset.beginUpload({ name: "measurements.bin", size: bytes.length, lastModified: 1_700_000_000_000 });
    expect(begun).toMatchObject({ blockSize: DATASET_BLOCK_SIZE, blockCount: 2, stagedBlocks: [] });
    expect(begun.expiresAt.getTime() - Date.now()).toBeGreaterThan(25 * 60_000);
    const { row } = await blobOf(begun.datasetId);
    expect(row).toMatchObject({ ownerId: user.id, blobName: `users/${user.id}/${begun.datasetId}`, status: "uploading", name: "measurements.bin" });
    expect(new URL(begun.uploadUrl).pathname).toContain(`/upload-${begun.datasetId}/users/${user.id}/${begun.datasetId}`);

    await stageBlocks(begun.uploadUrl, bytes);
    expect((await commitBlocks(begun.uploadUrl, [0, 1])).status).toBe(201);
    const md5 = md5Base64(bytes);
    const done = await api.dataset.completeUpload({ datasetId: begun.datasetId, md5 });
    expect(done).toMatchObject({ id: begun.datasetId, name: "measurements.bin", size: bytes.length, status: "ready", contentType: "application/octet-stream" });
    expect(done.uploadedAt).toBeInstanceOf(Date);

    const { row: ready, blob } = await blobOf(begun.datasetId);
    expect(ready?.md5).toBe(md5);
    const properties = await blob!.getProperties();
    expect(Buffer.from(properties.contentMD5!).toString("base64")).toBe(md5);
    expect(properties.contentLength).toBe(bytes.length);
    // Completing again (a retry after a lost answer) changes nothing.
    expect(await api.dataset.completeUpload({ datasetId: begun.datasetId })).toMatchObject({ status: "ready" });
    expect(await api.dataset.usage()).toEqual({ usedBytes: bytes.length, quotaBytes: env.DATASET_QUOTA_BYTES });
  });

  it("resumes an abandoned upload of the same file: same dataset, the blocks already staged", async () => {
    const api = callerFor(await createUser());
    const bytes = sampleBytes(TWO_BLOCKS, 7);
    const file = { name: "big.csv", size: bytes.length, contentType: "text/csv", lastModified: 1_700_000_000_123 };
    const first = await api.dataset.beginUpload(file);
    await stageBlocks(first.uploadUrl, bytes, [1]);
    // A block with the right id but the wrong size (a broken earlier attempt) does not count.
    expect((await putBlock(first.uploadUrl, 0, bytes.subarray(0, 10))).status).toBe(201);

    const again = await api.dataset.beginUpload(file);
    expect(again).toMatchObject({ datasetId: first.datasetId, blockCount: 2, stagedBlocks: [1] });
    expect(await db.dataset.count({ where: { fileKey: `big.csv\n${bytes.length}\n${file.lastModified}` } })).toBe(1);
    // A different file (another modification time) is a new upload.
    expect((await api.dataset.beginUpload({ ...file, lastModified: 1 })).datasetId).not.toBe(first.datasetId);

    await stageBlocks(again.uploadUrl, bytes, [0]);
    expect((await commitBlocks(again.uploadUrl, [0, 1])).status).toBe(201);
    expect(await api.dataset.completeUpload({ datasetId: first.datasetId, md5: md5Base64(bytes) })).toMatchObject({ status: "ready", size: bytes.length });
  });

  it("refuses a commit with a missing block, and removes the upload entirely", async () => {
    const api = callerFor(await createUser());
    const bytes = sampleBytes(TWO_BLOCKS, 3);
    const begun = await api.dataset.beginUpload({ name: "half.bin", size: bytes.length, lastModified: 5 });
    await stageBlocks(begun.uploadUrl, bytes);
    expect((await commitBlocks(begun.uploadUrl, [0])).status).toBe(201);
    const { row } = await blobOf(begun.datasetId);
    await expect(api.dataset.completeUpload({ datasetId: begun.datasetId })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: "The upload of \"half.bin\" could not be verified: only 1 of 2 blocks were committed. It was removed; upload the file again.",
    });
    await expectNoTrace(begun.datasetId, row!.blobName);
    expect(await api.dataset.list()).toEqual([]);
  });

  it("refuses blocks of the wrong size, and a completion before any commit, leaving no orphan", async () => {
    const api = callerFor(await createUser());
    const bytes = sampleBytes(TWO_BLOCKS, 4);
    const begun = await api.dataset.beginUpload({ name: "short.bin", size: bytes.length, lastModified: 6 });
    await stageBlocks(begun.uploadUrl, bytes, [0]);
    expect((await putBlock(begun.uploadUrl, 1, bytes.subarray(DATASET_BLOCK_SIZE, DATASET_BLOCK_SIZE + 40))).status).toBe(201);
    expect((await commitBlocks(begun.uploadUrl, [0, 1])).status).toBe(201);
    const { row } = await blobOf(begun.datasetId);
    await expect(api.dataset.completeUpload({ datasetId: begun.datasetId })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT", message: expect.stringContaining("block 2 of 2 has 40 bytes instead of 100"),
    });
    await expectNoTrace(begun.datasetId, row!.blobName);

    const staged = await api.dataset.beginUpload({ name: "never-committed.bin", size: 10, lastModified: 7 });
    await stageBlocks(staged.uploadUrl, sampleBytes(10));
    const stagedRow = (await blobOf(staged.datasetId)).row!;
    await expect(api.dataset.completeUpload({ datasetId: staged.datasetId })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT", message: expect.stringContaining("no block list was committed"),
    });
    await expectNoTrace(staged.datasetId, stagedRow.blobName);
  });

  it("refuses a checksum that contradicts the one committed with the file", async () => {
    const api = callerFor(await createUser());
    const bytes = sampleBytes(1000, 5);
    const begun = await api.dataset.beginUpload({ name: "sum.bin", size: bytes.length, lastModified: 8 });
    await stageBlocks(begun.uploadUrl, bytes);
    expect((await commitBlocks(begun.uploadUrl, [0], { md5: md5Base64(bytes) })).status).toBe(201);
    const { row } = await blobOf(begun.datasetId);
    await expect(api.dataset.completeUpload({ datasetId: begun.datasetId, md5: md5Base64(sampleBytes(1000, 6)) })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT", message: expect.stringContaining("the file's MD5 checksum differs from the one stored with it"),
    });
    await expectNoTrace(begun.datasetId, row!.blobName);
  });

  it("refuses an upload beyond the quota before handing out any SAS, counting a resumed upload once", async () => {
    const user = await createUser();
    const api = callerFor(user);
    const quota = env.DATASET_QUOTA_BYTES;
    const big = { name: "most.bin", size: quota - 1000, lastModified: 1 };
    const first = await api.dataset.beginUpload(big);
    expect(first.uploadUrl).toContain("sig=");
    await expect(api.dataset.beginUpload({ name: "more.bin", size: 2000, lastModified: 2 })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: `This upload needs 2 KiB; you have 1000 bytes of ${formatBytes(quota)} left. Delete datasets or ask an admin for more space.`,
    });
    expect(await db.dataset.count({ where: { ownerId: user.id } })).toBe(1);
    // The same file again resumes its upload: its reservation is not counted twice.
    expect((await api.dataset.beginUpload(big)).datasetId).toBe(first.datasetId);
    expect(await api.dataset.usage()).toEqual({ usedBytes: quota - 1000, quotaBytes: quota });
    // Cancelling frees the space.
    await api.dataset.cancelUpload({ datasetId: first.datasetId });
    expect((await api.dataset.usage()).usedBytes).toBe(0);
  });

  it("renews the SAS of an upload in progress, and cancels an upload with its staged blocks", async () => {
    const api = callerFor(await createUser());
    const bytes = sampleBytes(1000, 9);
    const begun = await api.dataset.beginUpload({ name: "renew.bin", size: bytes.length, lastModified: 3 });
    await new Promise((r) => setTimeout(r, 1_100)); // SAS times have a one-second resolution
    const renewed = await api.dataset.renewUpload({ datasetId: begun.datasetId });
    expect(renewed.uploadUrl).not.toBe(begun.uploadUrl);
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(begun.expiresAt.getTime());
    await stageBlocks(renewed.uploadUrl, bytes);
    const { row } = await blobOf(begun.datasetId);
    await api.dataset.cancelUpload({ datasetId: begun.datasetId });
    await expectNoTrace(begun.datasetId, row!.blobName);
    await expect(api.dataset.renewUpload({ datasetId: begun.datasetId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const ready = await uploadFile(api, { name: "done.bin", bytes });
    await expect(api.dataset.renewUpload({ datasetId: ready.id })).rejects.toMatchObject({ code: "CONFLICT", message: "This dataset is already uploaded." });
    await expect(api.dataset.cancelUpload({ datasetId: ready.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses empty files, huge names and control characters with sentences", async () => {
    const api = callerFor(await createUser());
    const cases: [Parameters<typeof api.dataset.beginUpload>[0], string][] = [
      [{ name: "empty.csv", size: 0, lastModified: 1 }, "The file is empty: there is nothing to upload"],
      [{ name: `${"n".repeat(300)}.csv`, size: 10, lastModified: 1 }, "Keep the name under 255 characters"],
      [{ name: "bad\u0000name.csv", size: 10, lastModified: 1 }, "The name contains control characters"],
      [{ name: "   ", size: 10, lastModified: 1 }, "The file has no name"],
      [{ name: "huge.bin", size: DATASET_BLOCK_SIZE * 50_000 + 1, lastModified: 1 }, "The file is larger than a dataset can be"],
    ];
    for (const [input, sentence] of cases) {
      await expect(api.dataset.beginUpload(input)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(sentence) });
    }
    const begun = await api.dataset.beginUpload({ name: "ok.csv", size: 10, lastModified: 1 });
    await expect(api.dataset.completeUpload({ datasetId: begun.datasetId, md5: "not-base64" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await api.dataset.list()).toHaveLength(1);
  });

  it("reaps uploads abandoned for a week, blob and row, and leaves recent ones to resume", async () => {
    const { reapAbandonedUploads, ABANDONED_AFTER_MS } = await import("./reap-abandoned-uploads");
    const user = await createUser();
    const api = callerFor(user);
    const bytes = sampleBytes(100);
    const old = await api.dataset.beginUpload({ name: "old.bin", size: bytes.length, lastModified: 1 });
    const recent = await api.dataset.beginUpload({ name: "recent.bin", size: bytes.length, lastModified: 2 });
    await stageBlocks(old.uploadUrl, bytes, [0]);
    const oldRow = await db.dataset.findUniqueOrThrow({ where: { id: old.datasetId } });
    const later = new Date(Date.now() + ABANDONED_AFTER_MS - 60_000);
    // Not abandoned yet a minute before the week is up (other tests' older rows may be reaped meanwhile).
    await reapAbandonedUploads(db, { now: later });
    expect(await db.dataset.count({ where: { id: { in: [old.datasetId, recent.datasetId] } } })).toBe(2);
    await db.$executeRaw`UPDATE "Dataset" SET "updatedAt" = ${new Date(Date.now() - ABANDONED_AFTER_MS - 60_000)} WHERE "id" = ${old.datasetId}`;
    expect(await reapAbandonedUploads(db)).toBeGreaterThanOrEqual(1);
    await expectNoTrace(old.datasetId, oldRow.blobName);
    expect(await db.dataset.findUnique({ where: { id: recent.datasetId } })).not.toBeNull();
  });
  it("ends the upload grant at completion: the SAS can no longer write the dataset's file, which keeps its verified bytes", async () => {
    const api = callerFor(await createUser());
    const csv = new TextEncoder().encode("a,b\n1,2\n");
    const begun = await api.dataset.beginUpload({ name: "small.csv", size: csv.length, contentType: "text/csv", lastModified: 11 });
    await stageBlocks(begun.uploadUrl, csv);
    expect((await commitBlocks(begun.uploadUrl, [0])).status).toBe(201);
    await api.dataset.completeUpload({ datasetId: begun.datasetId, md5: md5Base64(csv) });

    // The owner tries to swap the verified file for something else with the grant they still hold.
    const html = new TextEncoder().encode(`<html><script>alert(1)</script>${"x".repeat(50)}</html>`);
    const putBlob = await fetch(begun.uploadUrl, { method: "PUT", body: html, headers: { "x-ms-blob-type": "BlockBlob", "Content-Type": "text/html" } });
    expect(putBlob.status).toBeGreaterThanOrEqual(400);
    expect((await putBlock(begun.uploadUrl, 0, html)).status).toBeGreaterThanOrEqual(400);
    expect((await commitBlocks(begun.uploadUrl, [0], { contentType: "text/html" })).status).toBeGreaterThanOrEqual(400);

    const { blob } = await blobOf(begun.datasetId);
    const properties = await blob!.getProperties();
    expect(properties).toMatchObject({ contentLength: csv.length, contentType: "text/csv" });
    expect(Buffer.from(await blob!.downloadToBuffer()).toString()).toBe("a,b\n1,2\n");
    const { url } = await api.dataset.downloadUrl({ datasetId: begun.datasetId });
    expect(await (await fetch(url)).text()).toBe("a,b\n1,2\n");
    expect(await api.dataset.usage()).toMatchObject({ usedBytes: csv.length });
  });

  it("refuses to hand out a dataset whose stored file no longer has the verified length", async () => {
    const api = callerFor(await createUser());
    const ready = await uploadFile(api, { name: "kept.csv", bytes: sampleBytes(300, 12) });
    const { blob } = await blobOf(ready.id);
    await blob!.upload(sampleBytes(900, 13), 900); // changed behind the app's back (account key)
    await expect(api.dataset.downloadUrl({ datasetId: ready.id })).rejects.toMatchObject({
      message: 'The file of "kept.csv" in storage no longer matches the one that was uploaded; delete the dataset and upload it again.',
    });
  });

  it("copies only the staged version that was verified: a blob swapped in after the check is not copied", async () => {
    const { openStaging, promoteStaging, stagingBlob } = await import("./upload-staging");
    const store = await blobStore();
    const row = { id: `swap${Date.now()}`, blobName: `users/nobody/swap-${Date.now()}` };
    await openStaging(store, row);
    const verified = await stagingBlob(store, row).upload(sampleBytes(64, 21), 64);
    await stagingBlob(store, row).upload(sampleBytes(640, 22), 640); // the owner swaps the bytes meanwhile
    await expect(promoteStaging(store, row, { etag: verified.etag! })).rejects.toMatchObject({ statusCode: 412 });
    expect(await store.container.getBlockBlobClient(row.blobName).exists()).toBe(false);
    await store.containerNamed(`upload-${row.id}`).delete();
  });
});
