// Notebook open time in headless Chromium, for generated notebooks of 100, 500, 1,000 and 2,000 R
// cells with outputs (streams, HTML tables, plots; imported as .ipynb) and a 1-cell baseline: time to
// the first cell being interactive (rendered, hydrated, a click enters edit mode), to every output on
// screen being drawn, the JS heap and the DOM size. `node bench/notebook-open.mjs [--build]` runs it alone.
import { pathToFileURL } from "node:url";
import { AppClient } from "./lib/app-client.mjs";
import { startApp } from "./lib/app-server.mjs";
import { signedInBrowser } from "./lib/browser.mjs";
import { largeNotebook } from "./lib/large-notebook.mjs";
import { summary } from "./lib/stats.mjs";

const ROUNDS = Number(process.env.BENCH_OPEN_ROUNDS ?? 3);
export const OPEN_SIZES = [100, 500, 1000, 2000];

/** A real PNG drawn by R (webR), as an .ipynb output's base64. */
async function drawPlot(client) {
  const nb = await client.mutation("notebook.create", { title: "bench: plot" });
  const loaded = await client.query("notebook.get", { id: nb.id });
  let png = null;
  let resolveDone;
  const done = new Promise((r) => (resolveDone = r));
  const close = await client.openEventStream(nb.id, loaded.lastEventId, (e) => {
    if (e.event.type === "display_data" && e.event.data["image/png"]) png = e.event.data["image/png"];
    if (e.event.type === "status" && !["queued", "running"].includes(e.event.status)) resolveDone();
  });
  await client.mutation("execution.run", { notebookId: nb.id, cells: [{ cellId: loaded.cells[0].id, source: "plot(cars)" }] });
  await done;
  close();
  await client.mutation("kernel.shutdown", { notebookId: nb.id });
  if (!png) throw new Error("R drew no plot");
  return png;
}

async function importNotebook(client, cells, plotPng) {
  const content = JSON.stringify(largeNotebook({ cells, plotPng }));
  const nb = await client.mutation("notebook.import", { filename: `bench-${cells}.ipynb`, content });
  return nb.id;
}

/** Every output of the cells on screen is drawn: images decoded, HTML frames sized to their content. */
function visibleOutputsDrawn() {
  const main = document.querySelector("main");
  if (!main || !document.querySelector('[data-testid="cell"]')) return false;
  const view = main.getBoundingClientRect();
  for (const cell of document.querySelectorAll('[data-testid="cell"]')) {
    const box = cell.getBoundingClientRect();
    if (box.bottom < view.top || box.top > view.bottom) continue;
    for (const img of cell.querySelectorAll("img")) if (!img.complete || img.naturalWidth === 0) return false;
    if (cell.querySelector('[data-sized="false"]')) return false;
    if (cell.querySelector('[data-testid="output-html-inline"]:empty')) return false;
  }
  return true;
}

async function timeOpen(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const t0 = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  const first = page.locator('[data-testid="cell"]').first();
  // Interactive = a click on the first cell is handled (it enters edit mode); clicks that land
  // before hydration do nothing, so click until one takes.
  for (;;) {
    await first.locator('[data-testid="cell-code"]').click({ timeout: 60_000 });
    if (await first.getAttribute("data-editing", { timeout: 60_000 }) === "true") break;
    if (Date.now() - t0 > 60_000) throw new Error("the first cell never became interactive");
    await page.waitForTimeout(10);
  }
  const interactive = Date.now() - t0;
  await page.waitForFunction(visibleOutputsDrawn, null, { timeout: 60_000, polling: 20 });
  const outputs = Date.now() - t0;
  const t1 = Date.now();
  await first.locator(".monaco-editor").waitFor({ timeout: 60_000 });
  const editor = Date.now() - t1;
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const heapMiB = (metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0) / 1024 ** 2;
  const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);
  await page.close();
  return { interactive, outputs, editor, heapMiB, domNodes };
}

export async function benchNotebookOpen(client, baseUrl) {
  const plotPng = await drawPlot(client);
  const small = await importNotebook(client, 1, plotPng);
  const sizes = [];
  for (const cells of OPEN_SIZES) sizes.push({ cells, id: await importNotebook(client, cells, plotPng) });
  const { browser, context } = await signedInBrowser(baseUrl, client);
  try {
    await timeOpen(context, `${baseUrl}/notebooks/${small}`); // warm the server's route and the browser cache
    const baseline = [];
    for (let i = 0; i < ROUNDS; i++) baseline.push((await timeOpen(context, `${baseUrl}/notebooks/${small}`)).interactive);
    const rows = [];
    for (const { cells, id } of sizes) {
      const runs = [];
      for (let i = 0; i < ROUNDS; i++) runs.push(await timeOpen(context, `${baseUrl}/notebooks/${id}`));
      const pick = (k) => summary(runs.map((r) => r[k]));
      rows.push({ cells, interactive: pick("interactive"), outputs: pick("outputs"), editor: pick("editor"), heapMiB: pick("heapMiB"), domNodes: pick("domNodes") });
    }
    return { small: summary(baseline), rows };
  } finally {
    await browser.close();
  }
}

export function printNotebookOpen(open) {
  console.log(`1-cell notebook (baseline): first cell interactive in ${open.small.median.toFixed(0)} ms (median of ${open.small.n})`);
  console.log("cells | first cell interactive | visible outputs drawn | editor after click | JS heap | DOM elements   (medians)");
  for (const r of open.rows) {
    console.log(`${String(r.cells).padStart(5)} | ${r.interactive.median.toFixed(0).padStart(19)} ms | ${r.outputs.median.toFixed(0).padStart(18)} ms | ${r.editor.median.toFixed(0).padStart(15)} ms | ${r.heapMiB.median.toFixed(1).padStart(5)} MiB | ${r.domNodes.median.toFixed(0).padStart(6)}`);
  }
  const largest = open.rows.at(-1);
  if (largest) console.log(`goal: ${largest.cells} cells interactive < 2000 ms: ${largest.interactive.median < 2000 ? "met" : "NOT met"} (max ${largest.interactive.max.toFixed(0)} ms)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const app = await startApp({ build: process.argv.includes("--build") });
  try {
    const client = new AppClient(app.url);
    await client.signUpAndIn(`bench-open-${Date.now()}@bench.local`, "quiet-Harbor-ledger-47");
    printNotebookOpen(await benchNotebookOpen(client, app.url));
  } finally {
    await app.stop();
  }
}
