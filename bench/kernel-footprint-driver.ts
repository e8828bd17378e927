// Driver of bench/kernel-footprint.mjs: plays the server (it hosts the webR provider, as the app
// does) and reports, as one JSON line, kernel start-to-idle times, its own RSS and its kernel
// processes' RSS with 0, 1, 5 and N idle kernels, and the CPU of 5 idle kernels over a window.
import { readdirSync, readFileSync } from "node:fs";
import { WebR } from "webr";
import { createWebRProvider } from "@/server/kernels/providers/webr";

const maxKernels = Number(process.argv[2] ?? 20);
const cpuWindowMs = Number(process.argv[3] ?? 60_000);
const TICKS_PER_SECOND = 100;
const provider = createWebRProvider();

const kib = (status: string) => Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
const statFields = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
};
/** The kernel processes: this process's children running the kernel host (not tsx's esbuild). */
const kernelPids = () =>
  readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return Number(statFields(pid)[1]) === process.pid && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("kernel-host.mjs");
      } catch {
        return false;
      }
    });
const cpuTicks = (pid: number) => {
  const f = statFields(pid);
  return Number(f[11]) + Number(f[12]);
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 3_000));

async function snapshot(kernels: number) {
  await settle();
  const pids = kernelPids();
  const rss = pids.map((pid) => kib(readFileSync(`/proc/${pid}/status`, "utf8")) / 1024);
  return {
    kernels,
    serverMiB: process.memoryUsage().rss / 1024 ** 2,
    kernelMiB: rss.length ? rss.reduce((a, b) => a + b, 0) / rss.length : 0,
    kernelMaxMiB: rss.length ? Math.max(...rss) : 0,
    processes: pids.length,
  };
}

/** Baseline: webR started in this process, as kernels were before they had processes of their own. */
async function inProcessStartMs(): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const webR = new WebR({ interactive: false });
    await webR.init();
    await webR.evalRString("R.version$minor");
    samples.push(performance.now() - t0);
    webR.close();
  }
  return samples;
}

const ids: string[] = [];
const startMs: number[] = [];
const rows = [await snapshot(0)];
let cpu: { perKernelPercent: number[]; serverPercent: number } | undefined;
for (const target of [1, 5, maxKernels]) {
  while (ids.length < target) {
    const t0 = performance.now();
    const { remoteId } = await provider.start();
    while ((await provider.status(remoteId)) !== "idle") await new Promise((r) => setTimeout(r, 10));
    startMs.push(performance.now() - t0);
    ids.push(remoteId);
  }
  rows.push(await snapshot(target));
  if (target === 5) {
    const pids = kernelPids();
    const before = pids.map(cpuTicks);
    const server0 = process.cpuUsage();
    await new Promise((r) => setTimeout(r, cpuWindowMs));
    const seconds = cpuWindowMs / 1000;
    const perKernelPercent = pids.map((pid, i) => ((cpuTicks(pid) - before[i]!) / TICKS_PER_SECOND / seconds) * 100);
    const server = process.cpuUsage(server0);
    cpu = { perKernelPercent, serverPercent: ((server.user + server.system) / 1e6 / seconds) * 100 };
  }
}
for (const id of ids) await provider.shutdown(id);
// Last, so that the webR instances it leaves in this process's memory do not count above.
const baselineStartMs = await inProcessStartMs();
console.log(JSON.stringify({ rows, startMs, baselineStartMs, cpu, cpuWindowMs }));
process.exit(0);
