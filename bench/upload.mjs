// `npm run bench:upload`: only the dataset upload benchmark (browser path vs raw SDK on the same
// Azurite, app server RSS), for quick before/after figures. BENCH_UPLOAD_BYTES sets the file size
// (default 1 GiB); BENCH_UPLOAD_RUNS repeats it (each run uploads a fresh file).
import { AppClient } from "./lib/app-client.mjs";
import { startApp } from "./lib/app-server.mjs";
import { benchDatasetUpload } from "./dataset-upload.mjs";

const RUNS = Number(process.env.BENCH_UPLOAD_RUNS ?? 1);

const app = await startApp({ build: process.argv.includes("--build") });
try {
  const client = new AppClient(app.url);
  await client.signUpAndIn(`bench-${Date.now()}@bench.local`, "quiet-Harbor-ledger-47");
  for (let run = 1; run <= RUNS; run++) {
    const up = await benchDatasetUpload(app, client);
    console.log(`run ${run}: ${(up.bytes / 1024 ** 2).toFixed(0)} MiB; raw SDK ${up.sdkMBps.toFixed(1)} MB/s; browser ${up.browserMBps.toFixed(1)} MB/s `
      + `(${up.seconds.toFixed(1)} s); ratio ${(up.browserMBps / up.sdkMBps).toFixed(2)}x (goal ≥ 0.8x); `
      + `browser hashing on the page's main thread instead (the old path): ${up.pageHashMBps.toFixed(1)} MB/s, ratio ${(up.pageHashMBps / up.sdkMBps).toFixed(2)}x; `
      + `app RSS ${up.rssBefore.toFixed(0)} MiB before, peak ${up.rssPeak.toFixed(0)} MiB; `
      + `${up.preflights} CORS preflights of ${up.preflightMs.toFixed(2)} ms each (median, Node → Azurite)`);
    const perGiB = (s) => (s * 1024 ** 3 / up.bytes).toFixed(1);
    console.log(`  CPU s per GiB, client / Azurite: SDK ${perGiB(up.sdkCpu.client)} / ${perGiB(up.sdkCpu.azurite)}; `
      + `browser (workers) ${perGiB(up.cpu.client)} / ${perGiB(up.cpu.azurite)}; browser (main thread) ${perGiB(up.pageHashCpu.client)} / ${perGiB(up.pageHashCpu.azurite)}`);
  }
} finally {
  await app.stop();
}
