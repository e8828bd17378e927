// Baseline for the Backend.AI overhead benchmark: `1+1` through the backendai provider called
// directly against the same test manager the app uses (endpoint and keypair from the environment).
import { createBackendAIProvider } from "@/server/kernels/providers/backendai";

const [runsArg, spec] = process.argv.slice(2);
const runs = Number(runsArg ?? 200);
const provider = createBackendAIProvider({
  endpoint: process.env.BACKEND_ENDPOINT!, accessKey: process.env.BACKEND_ACCESS_KEY!, secretKey: process.env.BACKEND_SECRET_KEY!,
});
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
console.log(JSON.stringify(samples));
process.exit(0);
