// Baseline for the ML Server overhead benchmark: `1+1` through the mlserver provider called
// directly against the same test web node the app uses (URL and login from the environment).
import { createMlServerProvider } from "@/server/kernels/providers/mlserver";

const runs = Number(process.argv[2] ?? 200);
const provider = createMlServerProvider({ url: process.env.MLSERVER_URL!, username: process.env.MLSERVER_USERNAME!, password: process.env.MLSERVER_PASSWORD! });
const { remoteId } = await provider.start({ spec: "r" });
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
await provider.disconnect();
console.log(JSON.stringify(samples));
process.exit(0);
