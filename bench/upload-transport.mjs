// What the browser's transport alone costs, without the app or any checksum: a 256 MiB file-backed
// File PUT to Azurite as 8 MiB Put Blocks, BENCH_LANES (4) at a time, from a plain page, with Blob-slice bodies and with
// ArrayBuffer bodies, and the raw SDK from Node; MB/s and CPU seconds per GiB of Chromium's processes,
// Azurite and the SDK. (ps reports whole CPU seconds: the per-GiB figures are ±4 s.)
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { BlobSASPermissions, BlobServiceClient, generateBlobSASQueryParameters } from "@azure/storage-blob";
import { startAzurite } from "../scripts/azurite.mjs";
import { freePort } from "../test/net.mjs";
import { descendantsCpuSeconds } from "./lib/app-server.mjs";

const MiB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_UPLOAD_BYTES ?? 256 * MiB);
/** Blocks in flight in the page (the app sends 4; Chromium opens at most 6 HTTP/1.1 connections per host). */
const LANES = Number(process.env.BENCH_LANES ?? 4);
const perGiB = (seconds) => ((seconds * 1024 ** 3) / SIZE).toFixed(0);

async function writeFile(path) {
  const out = createWriteStream(path);
  const chunk = Buffer.alloc(4 * MiB, 7);
  for (let written = 0; written < SIZE; written += chunk.length) if (!out.write(chunk)) await new Promise((r) => out.once("drain", r));
  await new Promise((r) => out.end(r));
}

/** In the page: the file's blocks, 4 in flight, as Blob slices or as ArrayBuffers read first. */
async function putBlocks({ url, body, lanes }) {
  const file = document.getElementById("file").files[0];
  const size = 8 * 1024 * 1024;
  const count = Math.ceil(file.size / size);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      const slice = file.slice(i * size, Math.min(file.size, (i + 1) * size));
      const id = encodeURIComponent(btoa(`kb-block-${String(i).padStart(6, "0")}`));
      const answer = await fetch(`${url}&comp=block&blockid=${id}`, { method: "PUT", body: body === "blob" ? slice : await slice.arrayBuffer() });
      if (answer.status !== 201) throw new Error(`Put Block answered ${answer.status}`);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

const path = join(tmpdir(), `kb-bench-transport-${Date.now()}.bin`);
await writeFile(path);
const azurite = await startAzurite({ port: await freePort(), inMemory: true });
const site = createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end('<input type="file" id="file">'));
await new Promise((r) => site.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${site.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
  await service.setProperties({ cors: [{ allowedOrigins: origin, allowedMethods: "PUT,OPTIONS", allowedHeaders: "*", exposedHeaders: "*", maxAgeInSeconds: 3600 }] });
  const container = service.getContainerClient("transport");
  await container.create();
  const page = await browser.newPage();
  await page.goto(origin);
  await page.setInputFiles("#file", path);
  for (const body of process.env.BENCH_BODIES?.split(",") ?? ["blob", "arraybuffer"]) {
    const name = `browser-${body}`;
    const sas = generateBlobSASQueryParameters({ containerName: container.containerName, blobName: name, permissions: BlobSASPermissions.parse("cw"), expiresOn: new Date(Date.now() + 3600_000) }, service.credential);
    const cpu0 = { chromium: descendantsCpuSeconds(/chrom/i), azurite: descendantsCpuSeconds(/azurite/) };
    const t0 = performance.now();
    await page.evaluate(putBlocks, { url: `${container.getBlobClient(name).url}?${sas}`, body, lanes: LANES });
    const seconds = (performance.now() - t0) / 1000;
    console.log(`browser, ${body} bodies x ${LANES}: ${(SIZE / MiB / seconds).toFixed(1)} MB/s; CPU s/GiB Chromium ${perGiB(descendantsCpuSeconds(/chrom/i) - cpu0.chromium)}, Azurite ${perGiB(descendantsCpuSeconds(/azurite/) - cpu0.azurite)}`);
  }
  const cpu0 = { sdk: process.cpuUsage(), azurite: descendantsCpuSeconds(/azurite/) };
  const t0 = performance.now();
  await container.getBlockBlobClient("sdk").uploadFile(path, { blockSize: 8 * MiB, concurrency: 4 });
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0.sdk);
  console.log(`raw SDK from Node: ${(SIZE / MiB / seconds).toFixed(1)} MB/s; CPU s/GiB Node ${perGiB((used.user + used.system) / 1e6)}, Azurite ${perGiB(descendantsCpuSeconds(/azurite/) - cpu0.azurite)}`);
} finally {
  await browser.close();
  site.close();
  await azurite.stop();
  await rm(path, { force: true });
}
