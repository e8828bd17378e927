// Dataset upload throughput: a generated 1 GiB file uploaded to Azurite through the browser path
// (the /datasets page in headless Chromium: blocks PUT straight to Blob with a SAS) and with the raw
// SDK (BlockBlobClient.uploadFile) from Node, in the same run; plus the app server's peak RSS while
// the browser uploads (the app never carries the bytes, so it should stay flat), and what one CORS
// preflight costs: every Put Block URL differs (blockid), so Chromium's preflight cache, keyed by the
// whole URL, cannot spare any of them; each block pays one OPTIONS round trip.
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { BlobServiceClient } from "@azure/storage-blob";
import { signedInBrowser } from "./lib/browser.mjs";
import { descendantsCpuSeconds, treeRssMiB } from "./lib/app-server.mjs";

const SIZE = Number(process.env.BENCH_UPLOAD_BYTES ?? 1024 ** 3);
const MiB = 1024 * 1024;

async function writeFile(path, size) {
  const chunk = Buffer.alloc(4 * MiB);
  for (let i = 0; i < chunk.length; i += 4) chunk.writeUInt32LE((i * 2654435761) >>> 0, i);
  const out = createWriteStream(path);
  for (let written = 0; written < size; written += chunk.length) {
    if (!out.write(chunk.subarray(0, Math.min(chunk.length, size - written)))) await new Promise((r) => out.once("drain", r));
  }
  await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
}

/** `hashIn`: "workers" (the app's default), or "page" (no Worker in the page: the old main-thread path). */
async function browserUpload(app, client, path, { hashIn = "workers" } = {}) {
  const { browser, context } = await signedInBrowser(app.url, client);
  try {
    const page = await context.newPage();
    if (hashIn === "page") await page.addInitScript(() => delete globalThis.Worker);
    await page.goto(`${app.url}/datasets`);
    const before = treeRssMiB(app.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssMiB(app.pid))), 200);
    const cpu0 = { browser: descendantsCpuSeconds(/chrom/i), azurite: descendantsCpuSeconds(/azurite/) };
    const t0 = performance.now();
    await page.getByTestId("dataset-file-input").setInputFiles(path);
    // This file's row (a repeated run's earlier datasets are ready already).
    const name = basename(path);
    await page.getByTestId("dataset-row").filter({ has: page.getByTestId("dataset-name").getByText(name, { exact: true }) })
      .and(page.locator('[data-status="ready"]')).waitFor({ timeout: 30 * 60_000 });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const cpu = { client: descendantsCpuSeconds(/chrom/i) - cpu0.browser, azurite: descendantsCpuSeconds(/azurite/) - cpu0.azurite };
    return { seconds, rssBefore: before, rssPeak: peak, cpu };
  } finally {
    await browser.close();
  }
}

async function sdkUpload(connectionString, path) {
  const container = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(`bench-sdk-${Date.now()}`);
  await container.create();
  const blob = container.getBlockBlobClient("upload.bin");
  const cpu0 = { client: process.cpuUsage(), azurite: descendantsCpuSeconds(/azurite/) };
  const t0 = performance.now();
  await blob.uploadFile(path, { blockSize: 8 * MiB, concurrency: 4 });
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0.client);
  const cpu = { client: (used.user + used.system) / 1e6, azurite: descendantsCpuSeconds(/azurite/) - cpu0.azurite };
  await container.delete();
  return { seconds, cpu };
}

/** Median time of a CORS preflight (OPTIONS) for a Put Block URL, as Chromium sends it. */
async function preflightMs(connectionString, origin) {
  const service = BlobServiceClient.fromConnectionString(connectionString);
  const url = `${service.url.replace(/\/$/, "")}/bench/blob?comp=block&blockid=${encodeURIComponent(btoa("kb-block-000001"))}`;
  const samples = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": "content-md5" } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`preflight answered ${res.status}`);
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[samples.length >> 1];
}

export async function benchDatasetUpload(app, client) {
  const path = join(tmpdir(), `kb-bench-upload-${Date.now()}.bin`);
  await writeFile(path, SIZE);
  await writeFile(path.replace(/\.bin$/, "-page.bin"), SIZE);
  try {
    const sdk = await sdkUpload(app.storage, path);
    const browser = await browserUpload(app, client, path);
    const onPage = await browserUpload(app, client, path.replace(/\.bin$/, "-page.bin"), { hashIn: "page" });
    const preflight = await preflightMs(app.storage, new URL(app.url).origin);
    const blocks = Math.ceil(SIZE / (8 * MiB));
    return { bytes: SIZE, sdkMBps: SIZE / MiB / sdk.seconds, browserMBps: SIZE / MiB / browser.seconds, preflightMs: preflight, preflights: blocks + 1,
      pageHashMBps: SIZE / MiB / onPage.seconds, sdkCpu: sdk.cpu, pageHashCpu: onPage.cpu, ...browser };
  } finally {
    await rm(path, { force: true });
    await rm(path.replace(/\.bin$/, "-page.bin"), { force: true });
  }
}
