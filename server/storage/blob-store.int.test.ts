// The Blob store against the Azurite of the global setup: SAS scope and expiry, CORS for the app's
// origin only, per-block MD5 checked by the service, ranged reads, download names.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_URL ??= "http://127.0.0.1:3000";
});

import { md5Base64, putBlock, withQuery } from "@/server/datasets/testing/browser-upload";
import { env } from "@/server/env";
import { blobStore } from "./blob-store";
import { attachmentDisposition } from "./content-disposition";

const appOrigin = () => new URL(env.NEXTAUTH_URL!).origin;
const bytes = new TextEncoder().encode("a,b\n1,2\n");

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

describe("blob store", () => {
  it("creates its container, private", async () => {
    const store = await blobStore();
    expect(await store.container.exists()).toBe(true);
    expect((await store.container.getProperties()).blobPublicAccess).toBeUndefined();
    expect((await fetch(`${store.container.url}?restype=container&comp=list`)).status).not.toBe(200);
  });

  it("gives an upload SAS that writes its one blob only, and cannot read", async () => {
    const store = await blobStore();
    const name = `t/${randomUUID()}`;
    const upload = store.sasUrl(name, { permissions: "cw", ttlMs: 60_000 });
    expect(upload).toContain("sp=cw");
    expect((await fetch(upload, { method: "PUT", body: bytes, headers: { "x-ms-blob-type": "BlockBlob" } })).status).toBe(201);
    expect((await fetch(upload)).status).toBe(403);
    // The same signature on another blob name is refused.
    const other = `${store.container.getBlobClient(`t/${randomUUID()}`).url}?${new URL(upload).search.slice(1)}`;
    expect((await fetch(other, { method: "PUT", body: bytes, headers: { "x-ms-blob-type": "BlockBlob" } })).status).toBe(403);
    // A read SAS reads and cannot write.
    const read = store.sasUrl(name, { permissions: "r", ttlMs: 60_000 });
    expect(await (await fetch(read)).text()).toBe("a,b\n1,2\n");
    expect((await fetch(read, { method: "PUT", body: bytes, headers: { "x-ms-blob-type": "BlockBlob" } })).status).toBe(403);
  });

  it("refuses a SAS after it expired", async () => {
    const store = await blobStore();
    const upload = store.sasUrl(`t/${randomUUID()}`, { permissions: "cw", ttlMs: 1_500 });
    expect((await putBlock(upload, 0, bytes)).status).toBe(201);
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await putBlock(upload, 0, bytes)).status).toBe(403);
  });

  it("lets the service refuse a block whose Content-MD5 does not match", async () => {
    const store = await blobStore();
    const name = `t/${randomUUID()}`;
    const upload = store.sasUrl(name, { permissions: "cw", ttlMs: 60_000 });
    const refused = await putBlock(upload, 0, bytes, { md5: md5Base64(new TextEncoder().encode("other")) });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/md5/i);
    await expect(store.container.getBlockBlobClient(name).getBlockList("all")).rejects.toMatchObject({ statusCode: 404 });
    expect((await putBlock(upload, 0, bytes)).status).toBe(201);
  });

  it("answers a CORS preflight from the app's origin only", async () => {
    const store = await blobStore();
    const upload = store.sasUrl(`t/${randomUUID()}`, { permissions: "cw", ttlMs: 60_000 });
    const preflight = (origin: string) => fetch(withQuery(upload, { comp: "block", blockid: "AAAA" }), {
      method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": "content-md5,content-type" },
    });
    const ok = await preflight(appOrigin());
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe(appOrigin());
    const swapped = appOrigin().includes("127.0.0.1") ? appOrigin().replace("127.0.0.1", "localhost") : appOrigin().replace("localhost", "127.0.0.1");
    for (const origin of ["https://evil.example", swapped]) {
      const refused = await preflight(origin);
      expect(refused.status, origin).toBe(403);
      expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    }
    // The actual PUT from the app's origin exposes the headers the upload client reads.
    const put = await fetch(upload, { method: "PUT", body: bytes, headers: { Origin: appOrigin(), "x-ms-blob-type": "BlockBlob" } });
    expect(put.headers.get("access-control-allow-origin")).toBe(appOrigin());
    expect(put.headers.get("access-control-expose-headers")).toMatch(/etag/);
  });

  it("reads a range, and signs downloads with the display name", async () => {
    const store = await blobStore();
    const name = `t/${randomUUID()}`;
    await store.container.getBlockBlobClient(name).uploadData(Buffer.from("0123456789"));
    expect(await text(await store.openRead(name, { offset: 2, count: 3 }))).toBe("234");
    expect(await text(await store.openRead(name))).toBe("0123456789");
    const res = await fetch(store.sasUrl(name, { permissions: "r", ttlMs: 60_000, downloadAs: "Résumé \"2026\".csv" }));
    expect(res.headers.get("content-disposition")).toBe(attachmentDisposition("Résumé \"2026\".csv"));
    await expect(store.openRead(`t/${randomUUID()}`)).rejects.toMatchObject({ name: "DatasetError", code: "NOT_FOUND" });
  });

  it("is unavailable, with a sentence, when no storage account is configured", async () => {
    const saved = env.storage;
    Object.assign(env, { storage: null });
    try {
      await expect(blobStore()).rejects.toMatchObject({ name: "DatasetError", code: "UNAVAILABLE", message: expect.stringMatching(/^Datasets are not available/) });
    } finally {
      Object.assign(env, { storage: saved });
    }
  });
});
