// Baseline for the Jupyter overhead benchmark: `1+1` sent with @jupyterlab/services straight to
// an IRkernel on the same Jupyter server (done = execute_reply received and the kernel idle again).
import { KernelManager, ServerConnection } from "@jupyterlab/services";
import WebSocket from "ws";

export async function directJupyterSamples({ url, token, runs }) {
  const serverSettings = ServerConnection.makeSettings({
    baseUrl: `${url}/`, wsUrl: `${url.replace(/^http/, "ws")}/`, token, appendToken: true, WebSocket, fetch,
  });
  const manager = new KernelManager({ serverSettings });
  await manager.ready;
  const kernel = await manager.startNew({ name: "ir" });
  const once = async () => {
    const future = kernel.requestExecute({ code: "1+1" });
    await future.done; // resolves after the reply and the idle status for this request
  };
  try {
    for (let i = 0; i < 10; i++) await once();
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await once();
      samples.push(performance.now() - t0);
    }
    return samples;
  } finally {
    await kernel.shutdown().catch(() => {});
    manager.dispose();
  }
}
