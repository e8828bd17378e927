// Baseline for the overhead benchmark: `1+1` on the webR provider called directly, in-process.
import { createWebRProvider } from "@/server/kernels/providers/webr";

const runs = Number(process.argv[2] ?? 200);
const provider = createWebRProvider();
const { remoteId } = await provider.start();
for (let i = 0; i < 10; i++) for await (const _ of provider.execute(remoteId, { code: "1+1" })) void _;
const samples: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  for await (const _ of provider.execute(remoteId, { code: "1+1" })) void _;
  samples.push(performance.now() - t0);
}
await provider.shutdown(remoteId);
console.log(JSON.stringify(samples));
process.exit(0);
