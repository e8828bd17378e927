// After an integration test file: stops the kernels the app started in this process and the bus.
import { bus } from "@/server/executions/bus";
import { liveKernels } from "@/server/kernels/live-kernels";

export async function stopLiveKernels(): Promise<void> {
  for (const k of [...liveKernels.values()]) {
    const remoteId = await k.ready.catch(() => null);
    if (remoteId) await k.provider.shutdown(remoteId).catch(() => {});
  }
  liveKernels.clear();
  await bus.close();
}
