// Baseline for the remote-provider overhead benchmarks: `1+1` through the backendai or mlserver
// provider called directly, against the same test server the app uses (settings from the
// environment, as the app reads them).
import type { KernelProvider } from "@/server/kernels/types";
import { createBackendAIProvider } from "@/server/kernels/providers/backendai";
import { createMlServerProvider } from "@/server/kernels/providers/mlserver";

const [runsArg, which, spec] = process.argv.slice(2);
const runs = Number(runsArg ?? 200);
const e = process.env;
const provider: KernelProvider = which === "backendai"
  ? createBackendAIProvider({ endpoint: e.BACKEND_ENDPOINT!, accessKey: e.BACKEND_ACCESS_KEY!, secretKey: e.BACKEND_SECRET_KEY! })
  : createMlServerProvider({ url: e.MLSERVER_URL!, username: e.MLSERVER_USERNAME!, password: e.MLSERVER_PASSWORD! });
const { remoteId } = await provider.start({ spec });
const once = async () => {
  for await (const _ of provider.execute(remoteId, { code: "1+1" })) void _;
};
for (let i = 0; i < 10; i++) await once();
const samples: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  await once();
  samples.push(performance.now() - t0);
}
await provider.shutdown(remoteId);
await provider.disconnect?.();
console.log(JSON.stringify(samples));
process.exit(0);
