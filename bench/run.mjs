// `npm run bench`: execution proxy overhead on webR (API vs provider called directly), on
// Jupyter/IRkernel (API vs @jupyterlab/services directly) and on Backend.AI (API vs the backendai
// provider directly, both against the repo's test manager) and on ML Server (likewise, against the
// repo's test web node), dataset upload throughput (browser → Azurite vs the raw SDK), notebook open time in headless
// Chromium for 100 to 2,000 cells with outputs (vs a 1-cell notebook), and webR kernel footprint (through the app, and
// bench/kernel-footprint.mjs). Prints figures; asserts nothing.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { AppClient } from "./lib/app-client.mjs";
import { startApp, treeRssMiB } from "./lib/app-server.mjs";
import { ms, summary } from "./lib/stats.mjs";
import { benchDatasetUpload } from "./dataset-upload.mjs";
import { benchNotebookOpen, printNotebookOpen } from "./notebook-open.mjs";
import { directJupyterSamples } from "./direct-jupyter.mjs";
import { benchKernelFootprint, printKernelFootprint } from "./kernel-footprint.mjs";

const root = resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
/** BENCH_ONLY=overhead: only the webR and Jupyter overhead sections (a quick before/after check). */
const ONLY_OVERHEAD = process.env.BENCH_ONLY === "overhead";

async function overheadThroughApi(client, kernel) {
  const nb = await client.mutation("notebook.create", { title: `bench: overhead ${kernel?.provider ?? "webr"}` });
  if (kernel) await client.mutation("kernel.choose", { notebookId: nb.id, ...kernel });
  const loaded = await client.query("notebook.get", { id: nb.id });
  const cellId = loaded.cells[0].id;
  const waiting = new Map();
  const close = await client.openEventStream(nb.id, loaded.lastEventId, (e) => {
    if (e.event.type === "status" && !["queued", "running"].includes(e.event.status)) waiting.get(e.executionId)?.(e.event.status);
  });
  const runOnce = async () => {
    const t0 = performance.now();
    let resolveDone;
    const done = new Promise((r) => (resolveDone = r));
    const { executions } = await client.mutation("execution.run", { notebookId: nb.id, cells: [{ cellId, source: "1+1" }] });
    waiting.set(executions[0].id, resolveDone);
    const status = await done;
    if (status !== "ok") throw new Error(`run ended ${status}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < 10; i++) await runOnce(); // warm-up, includes the kernel start
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(await runOnce());
  close();
  await client.mutation("kernel.shutdown", { notebookId: nb.id });
  return summary(samples);
}

function overheadDirect(script = "bench/direct-webr.ts", args = [], env = {}) {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, String(RUNS), ...args], {
    cwd: root, encoding: "utf8", env: { ...process.env, NODE_ENV: "production", ...env },
  });
  if (r.status !== 0) throw new Error(`direct benchmark failed: ${r.stderr}`);
  return summary(JSON.parse(r.stdout.trim().split("\n").at(-1)));
}

async function kernelFootprint(client, pid) {
  const settle = () => new Promise((r) => setTimeout(r, 1500));
  await settle();
  const rows = [{ kernels: 0, rssMiB: treeRssMiB(pid) }];
  const startTimes = [];
  for (let i = 1; i <= 5; i++) {
    const nb = await client.mutation("notebook.create", { title: `bench: kernel ${i}` });
    const t0 = performance.now();
    await client.mutation("kernel.start", { notebookId: nb.id });
    while ((await client.query("kernel.get", { notebookId: nb.id }))?.status !== "idle") await new Promise((r) => setTimeout(r, 20));
    startTimes.push(performance.now() - t0);
    if (i === 1 || i === 5) { await settle(); rows.push({ kernels: i, rssMiB: treeRssMiB(pid) }); }
  }
  return { rows, start: summary(startTimes) };
}

async function main() {
  const app = await startApp({ build: process.argv.includes("--build") });
  try {
    const client = new AppClient(app.url);
    const email = `bench-${Date.now()}@bench.local`;
    await client.signUpAndIn(email, "quiet-Harbor-ledger-47");

    console.log(`\n== Execution proxy overhead: \`1+1\` x ${RUNS}`);
    const api = await overheadThroughApi(client);
    const direct = overheadDirect();
    console.log(`through the API (mutation until the subscription reports done): median ${ms(api.median)}, p95 ${ms(api.p95)}`);
    console.log(`webR provider called directly, same machine:                    median ${ms(direct.median)}, p95 ${ms(direct.p95)}`);
    console.log(`overhead: median ${ms(api.median - direct.median)} (goal ≤ 2 ms), p95 ${ms(api.p95 - direct.p95)} (goal ≤ 10 ms), ratio ${(api.median / direct.median).toFixed(2)}x`);

    console.log(`\n== Jupyter proxy overhead (IRkernel on a local jupyter-server): \`1+1\` x ${RUNS}`);
    const japi = await overheadThroughApi(client, { provider: "jupyter", spec: "ir" });
    const jdirect = summary(await directJupyterSamples({ url: app.jupyter.url, token: app.jupyter.token, runs: RUNS }));
    console.log(`through the API:                                    median ${ms(japi.median)}, p95 ${ms(japi.p95)}`);
    console.log(`@jupyterlab/services straight to the same server:   median ${ms(jdirect.median)}, p95 ${ms(jdirect.p95)}`);
    console.log(`overhead: median ${ms(japi.median - jdirect.median)} (goal ≤ 2 ms), p95 ${ms(japi.p95 - jdirect.p95)}, ratio ${(japi.median / jdirect.median).toFixed(2)}x`);

    if (ONLY_OVERHEAD) return;
    console.log(`\n== Backend.AI proxy overhead (R on the repo's test manager): \`1+1\` x ${RUNS}`);
    const specs = await client.query("kernel.specs");
    const rSpec = specs.find((l) => l.provider === "backendai" && l.available)?.specs.find((s) => s.language === "r");
    if (!rSpec) throw new Error("the Backend.AI test manager offered no R image");
    const bapi = await overheadThroughApi(client, { provider: "backendai", spec: rSpec.name });
    const bdirect = overheadDirect("bench/direct-remote.ts", ["backendai", rSpec.name], app.backendai);
    console.log(`through the API:                                    median ${ms(bapi.median)}, p95 ${ms(bapi.p95)}`);
    console.log(`backendai provider called directly, same manager:   median ${ms(bdirect.median)}, p95 ${ms(bdirect.p95)}`);
    console.log(`overhead: median ${ms(bapi.median - bdirect.median)} (goal ≤ 2 ms), p95 ${ms(bapi.p95 - bdirect.p95)}, ratio ${(bapi.median / bdirect.median).toFixed(2)}x`);

    console.log(`\n== ML Server proxy overhead (R on the repo's test web node): \`1+1\` x ${RUNS}`);
    const mapi = await overheadThroughApi(client, { provider: "mlserver", spec: "r" });
    const mdirect = overheadDirect("bench/direct-remote.ts", ["mlserver", "r"], app.mlserver);
    console.log(`through the API:                                    median ${ms(mapi.median)}, p95 ${ms(mapi.p95)}`);
    console.log(`mlserver provider called directly, same web node:   median ${ms(mdirect.median)}, p95 ${ms(mdirect.p95)}`);
    console.log(`overhead: median ${ms(mapi.median - mdirect.median)} (goal ≤ 2 ms), p95 ${ms(mapi.p95 - mdirect.p95)}, ratio ${(mapi.median / mdirect.median).toFixed(2)}x`);

    console.log("\n== Kernel footprint (webR)");
    const fp = await kernelFootprint(client, app.pid);
    for (const r of fp.rows) console.log(`server RSS with ${r.kernels} idle kernel(s): ${r.rssMiB.toFixed(0)} MiB`);
    console.log(`per extra kernel: ${((fp.rows[2].rssMiB - fp.rows[0].rssMiB) / 5).toFixed(0)} MiB; start to idle: median ${ms(fp.start.median)}, max ${ms(fp.start.max)}`);

    console.log("\n== Kernel footprint (webR, one OS process per kernel, provider hosted by a bare Node process)");
    printKernelFootprint(benchKernelFootprint());

    console.log("\n== Notebook open in headless Chromium");
    printNotebookOpen(await benchNotebookOpen(client, app.url));

    console.log("\n== Dataset upload to Azurite (generated file)");
    const up = await benchDatasetUpload(app, client);
    console.log(`raw SDK (BlockBlobClient.uploadFile, 8 MiB blocks x 4) from Node: ${up.sdkMBps.toFixed(1)} MB/s`);
    console.log(`browser path (/datasets in headless Chromium, SAS blocks x 4):    ${up.browserMBps.toFixed(1)} MB/s for ${(up.bytes / 1024 ** 3).toFixed(2)} GiB in ${up.seconds.toFixed(1)} s`);
    console.log(`ratio browser/SDK: ${(up.browserMBps / up.sdkMBps).toFixed(2)}x (goal ≥ 0.8x); app server RSS ${up.rssBefore.toFixed(0)} MiB before, peak ${up.rssPeak.toFixed(0)} MiB during the upload`);
    console.log(`browser path hashing on the page's main thread (no Web Workers, the old path): ${up.pageHashMBps.toFixed(1)} MB/s, ratio ${(up.pageHashMBps / up.sdkMBps).toFixed(2)}x`);
    console.log(`CORS preflights: ${up.preflights} (one per Put Block URL; none can be cached), ${up.preflightMs.toFixed(2)} ms each (median)`);
  } finally {
    await app.stop();
  }
}

await main();
