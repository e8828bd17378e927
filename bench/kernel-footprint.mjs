// `node bench/kernel-footprint.mjs [maxKernels=20] [cpuWindowMs=60000]` (also part of `npm run
// bench`): the embedded webR kernel's footprint, one OS process per kernel. Start to idle, RSS of
// each kernel process and of the server with 0, 1, 5 and 20 idle kernels, CPU of 5 idle kernels.
// Prints figures; asserts nothing. Needs about 0.5 GB of memory per kernel.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { ms, summary } from "./lib/stats.mjs";

const root = resolve(import.meta.dirname, "..");

export function benchKernelFootprint({ maxKernels = 20, cpuWindowMs = 60_000 } = {}) {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/kernel-footprint-driver.ts", String(maxKernels), String(cpuWindowMs)], {
    cwd: root, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" }, maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`kernel footprint benchmark failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1));
}

export function printKernelFootprint(result) {
  const start = summary(result.startMs);
  console.log(`kernel start to idle (${start.n} kernels, one after another): median ${ms(start.median)}, p95 ${ms(start.p95)}, max ${ms(start.max)}`);
  const base = summary(result.baselineStartMs);
  console.log(`baseline, webR started inside the server process as before (same moment, same machine): median ${ms(base.median)} (${base.n} runs)`);
  for (const row of result.rows) {
    const kernels = row.kernels === 0 ? "" : `; each kernel process ${row.kernelMiB.toFixed(0)} MiB on average (max ${row.kernelMaxMiB.toFixed(0)})`;
    console.log(`${String(row.kernels).padStart(2)} idle kernel(s): server process RSS ${row.serverMiB.toFixed(0)} MiB${kernels}`);
  }
  if (result.cpu) {
    const per = result.cpu.perKernelPercent;
    const mean = per.reduce((a, b) => a + b, 0) / per.length;
    console.log(`CPU of 5 idle kernels over ${result.cpuWindowMs / 1000} s: ${mean.toFixed(2)} % of a core per kernel on average (max ${Math.max(...per).toFixed(2)} %; goal < 1 %); server process ${result.cpu.serverPercent.toFixed(2)} %`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [maxKernels, cpuWindowMs] = process.argv.slice(2).map(Number);
  console.log("== Kernel footprint (webR, one process per kernel)");
  printKernelFootprint(benchKernelFootprint({ maxKernels: maxKernels || 20, cpuWindowMs: cpuWindowMs || 60_000 }));
}
