// The dataset procedures after upload, against real PostgreSQL and Azurite: listing, usage, rename,
// download links, consistent deletion, previews that read at most 64 KiB, and owner scoping.
import { Readable, Transform } from "node:stream";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_URL ??= "http://127.0.0.1:3000";
});

import { db } from "@/server/db";
import { blobStore } from "@/server/storage/blob-store";
import { attachmentDisposition } from "@/server/storage/content-disposition";
import { callerFor } from "@/test/caller";
import { createUser } from "@/test/fixtures";
import { PREVIEW_BYTES } from "./preview-dataset";
import { sampleBytes } from "./testing/browser-upload";
import { uploadFile } from "./testing/upload-file";

const encode = (s: string) => new TextEncoder().encode(s);

describe("dataset procedures", () => {
  it("lists the caller's datasets newest first without storage names, and sums their usage", async () => {
    const api = callerFor(await createUser());
    const a = await uploadFile(api, { name: "a.csv", bytes: encode("x\n1\n"), contentType: "text/csv" });
    const b = await uploadFile(api, { name: "b.png", bytes: sampleBytes(300) });
    const pending = await api.dataset.beginUpload({ name: "c.bin", size: 5000, lastModified: 1 });
    const list = await api.dataset.list();
    expect(list.map((d) => d.id)).toEqual([pending.datasetId, b.id, a.id]);
    expect(list[1]).toEqual({ id: b.id, name: "b.png", size: 300, contentType: "image/png", status: "ready", createdAt: expect.any(Date), uploadedAt: expect.any(Date) });
    expect(list[0]).toMatchObject({ status: "uploading", uploadedAt: null });
    expect(JSON.stringify(list)).not.toMatch(/users\/|http/);
    expect((await api.dataset.usage()).usedBytes).toBe(4 + 300 + 5000);
  });

  it("renames the display name only, and downloads under it with a short read-only link", async () => {
    const api = callerFor(await createUser());
    const bytes = encode("id,value\n1,2\n");
    const d = await uploadFile(api, { name: "raw.csv", bytes });
    const blobName = (await db.dataset.findUniqueOrThrow({ where: { id: d.id } })).blobName;
    expect(await api.dataset.rename({ datasetId: d.id, name: "  Prices ü.csv " })).toMatchObject({ id: d.id, name: "Prices ü.csv" });
    expect((await db.dataset.findUniqueOrThrow({ where: { id: d.id } })).blobName).toBe(blobName);
    await expect(api.dataset.rename({ datasetId: d.id, name: "a\u0007b" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const { url, expiresAt } = await api.dataset.downloadUrl({ datasetId: d.id });
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    expect(new URL(url).searchParams.get("sp")).toBe("r");
    const res = await fetch(url);
    expect(res.headers.get("content-disposition")).toBe(attachmentDisposition("Prices ü.csv"));
    expect(await res.text()).toBe("id,value\n1,2\n");
    expect((await fetch(url, { method: "DELETE" })).status).toBe(403);

    const pending = await api.dataset.beginUpload({ name: "p.csv", size: 9, lastModified: 1 });
    await expect(api.dataset.downloadUrl({ datasetId: pending.datasetId })).rejects.toMatchObject({
      code: "CONFLICT", message: "This dataset is still uploading: finish or cancel the upload first.",
    });
  });

  it("deletes the blob then the row; when storage refuses, keeps the dataset as it was", async () => {
    const api = callerFor(await createUser());
    const d = await uploadFile(api, { name: "keep.csv", bytes: encode("a\n1\n") });
    const { blobName } = await db.dataset.findUniqueOrThrow({ where: { id: d.id } });
    const blob = (await blobStore()).container.getBlockBlobClient(blobName);
    // A lease makes Blob storage refuse the delete (412), as a real outage or lock would.
    const lease = blob.getBlobLeaseClient();
    await lease.acquireLease(-1);
    await expect(api.dataset.delete({ datasetId: d.id })).rejects.toMatchObject({
      code: "BAD_GATEWAY", message: expect.stringContaining("Could not delete \"keep.csv\" (nothing was deleted) in storage"),
    });
    expect((await db.dataset.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("ready");
    expect(await blob.exists()).toBe(true);
    expect((await api.dataset.list()).map((x) => x.status)).toEqual(["ready"]);

    await lease.releaseLease();
    await api.dataset.delete({ datasetId: d.id });
    expect(await db.dataset.findUnique({ where: { id: d.id } })).toBeNull();
    expect(await blob.exists()).toBe(false);
    expect(await db.auditEvent.findMany({ where: { action: "dataset.delete", target: d.id } })).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ name: "keep.csv" }) }),
    ]);
    // A blob already gone is fine: the row still goes.
    const gone = await uploadFile(api, { name: "gone.csv", bytes: encode("a\n") });
    await (await blobStore()).container.getBlobClient((await db.dataset.findUniqueOrThrow({ where: { id: gone.id } })).blobName).delete();
    await api.dataset.delete({ datasetId: gone.id });
    expect(await api.dataset.list()).toEqual([]);
  });

  it("previews a big CSV from one ranged read of at most 64 KiB", async () => {
    const api = callerFor(await createUser());
    const lines = ["id,name,score", ...Array.from({ length: 40_000 }, (_, i) => `${i},"row ${i}",${(i * 7) % 100}`)];
    const bytes = encode(`${lines.join("\n")}\n`);
    expect(bytes.length).toBeGreaterThan(10 * PREVIEW_BYTES);
    const d = await uploadFile(api, { name: "big.csv", bytes, contentType: "text/csv" });

    const store = await blobStore();
    const original = store.openRead.bind(store);
    let streamed = 0;
    const read = vi.spyOn(store, "openRead").mockImplementation(async (name, options) => {
      const counter = new Transform({ transform(chunk: Buffer, _enc, done) { streamed += chunk.length; done(null, chunk); } });
      return (await original(name, options) as Readable).pipe(counter);
    });
    try {
      const preview = await api.dataset.preview({ datasetId: d.id });
      expect(preview).toEqual({
        kind: "table", columns: ["id", "name", "score"], delimiter: ",", truncated: true,
        rows: Array.from({ length: 20 }, (_, i) => [String(i), `row ${i}`, String((i * 7) % 100)]),
      });
      expect(read).toHaveBeenCalledTimes(1);
      expect(read.mock.calls[0][1]).toMatchObject({ offset: 0, count: PREVIEW_BYTES });
      expect(streamed).toBeGreaterThan(0);
      expect(streamed).toBeLessThanOrEqual(PREVIEW_BYTES);
    } finally {
      read.mockRestore();
    }
  });

  it("previews a small TSV whole, an image as a short read link, and nothing for other files", async () => {
    const api = callerFor(await createUser());
    const tsv = await uploadFile(api, { name: "t.tsv", bytes: encode("a\tb\n1\t2,5\n") });
    expect(await api.dataset.preview({ datasetId: tsv.id })).toEqual({ kind: "table", columns: ["a", "b"], rows: [["1", "2,5"]], delimiter: "\t", truncated: false });

    const png = sampleBytes(500, 11);
    const image = await uploadFile(api, { name: "plot.png", bytes: png, contentType: "image/png" });
    const preview = await api.dataset.preview({ datasetId: image.id });
    if (preview.kind !== "image") throw new Error(`expected an image preview, got ${preview.kind}`);
    const expiry = new Date(new URL(preview.url).searchParams.get("se")!).getTime();
    expect(expiry - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    const res = await fetch(preview.url);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);

    const other = await uploadFile(api, { name: "model.rds", bytes: sampleBytes(100) });
    expect(await api.dataset.preview({ datasetId: other.id })).toEqual({ kind: "none" });
  });

  it("answers another user's dataset with not found, for every procedure, and refuses anonymous callers", async () => {
    const alice = callerFor(await createUser());
    const bob = callerFor(await createUser());
    const ready = await uploadFile(alice, { name: "mine.csv", bytes: encode("a\n1\n") });
    const pending = await alice.dataset.beginUpload({ name: "wip.csv", size: 10, lastModified: 1 });
    const attempts = [
      () => bob.dataset.renewUpload({ datasetId: pending.datasetId }),
      () => bob.dataset.completeUpload({ datasetId: pending.datasetId }),
      () => bob.dataset.cancelUpload({ datasetId: pending.datasetId }),
      () => bob.dataset.rename({ datasetId: ready.id, name: "yours" }),
      () => bob.dataset.downloadUrl({ datasetId: ready.id }),
      () => bob.dataset.delete({ datasetId: ready.id }),
      () => bob.dataset.delete({ datasetId: pending.datasetId }),
      () => bob.dataset.preview({ datasetId: ready.id }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND", message: "Dataset not found." });
    expect(await bob.dataset.list()).toEqual([]);
    expect((await bob.dataset.usage()).usedBytes).toBe(0);
    // Bob choosing a file with the same name, size and date starts his own upload, not Alice's.
    expect((await bob.dataset.beginUpload({ name: "wip.csv", size: 10, lastModified: 1 })).datasetId).not.toBe(pending.datasetId);
    expect((await alice.dataset.list()).map((d) => [d.name, d.status])).toEqual([["wip.csv", "uploading"], ["mine.csv", "ready"]]);

    const anonymous = callerFor(null);
    await expect(anonymous.dataset.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.dataset.beginUpload({ name: "x", size: 1, lastModified: 1 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
