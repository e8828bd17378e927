// Two real Debian jupyter-servers (with IRkernel) behind one "jupyter" provider: the shared contract
// on the second endpoint (qualified names and ids), then the specs each endpoint offers, where
// kernels really start, routing of interrupt and shutdown, an endpoint going away, and one endpoint.
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ExecEvent } from "@/server/contracts/outputs";
import { startJupyterServer, type JupyterTestServer } from "@/test/jupyter-server.mjs";
import { runProviderContract } from "../../contract";
import type { KernelProvider, StartOptions } from "../../types";
import { createJupyterEndpoints } from "./endpoints";
import { runCode as run } from "@/test/kernel-events";

const [local, farm] = await Promise.all([startJupyterServer(), startJupyterServer()]);
afterAll(() => Promise.all([local.stop(), farm.stop()]));

const both = () => createJupyterEndpoints([
  { name: "local", baseUrl: local.url, token: local.token },
  { name: "gpu-farm", baseUrl: farm.url, token: farm.token },
]);

/** The provider with `start()` defaulting to the second endpoint's IRkernel, for the contract. */
function onSecondEndpoint(provider: KernelProvider): KernelProvider {
  return new Proxy(provider, {
    get: (target, key, receiver) =>
      key === "start" ? (options: StartOptions = {}) => target.start({ spec: "1:ir", ...options }) : Reflect.get(target, key, receiver),
  });
}

const ZKernels = z.array(z.object({ id: z.string() }));
async function kernelsOn(server: JupyterTestServer): Promise<string[]> {
  const response = await fetch(`${server.url}/api/kernels`, { headers: { Authorization: `token ${server.token}` }, signal: AbortSignal.timeout(5000) });
  return ZKernels.parse(await response.json()).map((k) => k.id);
}

const plain = (events: ExecEvent[]) => events.map((e) => (e.type === "execute_result" ? (e.data["text/plain"] ?? "") : "")).join("\n");
const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

runProviderContract("jupyter, second of two endpoints", () => onSecondEndpoint(both()));

describe("two Jupyter endpoints", () => {
  const provider = both();

  it("offers each endpoint's IRkernel under its own name and label", async () => {
    const specs = await provider.listSpecs();
    expect(specs).toContainEqual({ name: "ir", displayName: "R (IRkernel) — Jupyter (local)", language: "r" });
    expect(specs).toContainEqual({ name: "1:ir", displayName: "R (IRkernel) — Jupyter (gpu-farm)", language: "r" });
  });

  it("starts the second endpoint's spec on the second server, and a plain spec on the first", async () => {
    const onFarm = await provider.start({ spec: "1:ir" });
    const onLocal = await provider.start({ spec: "ir" });
    try {
      expect(onFarm.remoteId).toMatch(/^1:/);
      expect(onFarm.runtime).toMatch(/^R 4\.\d+\.\d+ \(IRkernel\)$/);
      expect(plain(await run(provider, onFarm.remoteId, "1+1"))).toBe("[1] 2");
      expect(await kernelsOn(farm)).toEqual([onFarm.remoteId.slice(2)]);
      expect(await kernelsOn(local)).toEqual([onLocal.remoteId]);
      expect(await provider.status(onLocal.remoteId)).toBe("idle");
    } finally {
      await provider.shutdown(onFarm.remoteId);
      await provider.shutdown(onLocal.remoteId);
    }
    expect(await kernelsOn(farm)).toEqual([]);
    expect(await kernelsOn(local)).toEqual([]);
  });

  it("interrupts and shuts down the kernel on the endpoint its id names", async () => {
    const { remoteId } = await provider.start({ spec: "1:ir" });
    const events: ExecEvent[] = [];
    const running = (async () => {
      for await (const event of provider.execute(remoteId, { code: 'cat("sleeping\\n"); Sys.sleep(30)' })) events.push(event);
    })();
    while (!events.length) await new Promise((resolve) => setTimeout(resolve, 50));
    const interruptedAt = Date.now();
    await provider.interrupt(remoteId);
    await running;
    expect(Date.now() - interruptedAt).toBeLessThan(5000);
    expect(events.at(-1)).toMatchObject({ type: "error", ename: "Interrupted" });

    await provider.shutdown(remoteId);
    expect(await kernelsOn(farm)).toEqual([]);
    expect(await failureOf(provider.status(remoteId))).toMatchObject({ code: "NOT_FOUND" });
    // The same id without its prefix names a kernel of the first server, which has none such.
    expect(await failureOf(provider.status(remoteId.slice(2)))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps today's names and ids with a single endpoint", async () => {
    const single = createJupyterEndpoints([{ name: "local", baseUrl: local.url, token: local.token }]);
    expect(await single.listSpecs()).toContainEqual({ name: "ir", displayName: "R (IRkernel) — Jupyter", language: "r" });
    const { remoteId } = await single.start();
    try {
      expect(await kernelsOn(local)).toEqual([remoteId]);
    } finally {
      await single.shutdown(remoteId);
    }
  });
});

// Last: it stops the first server.
describe("an endpoint that goes away", () => {
  it("leaves the other endpoint's specs listed", async () => {
    await local.stop();
    const specs = await both().listSpecs();
    expect(specs.length).toBeGreaterThan(0);
    expect(specs.every((s) => s.name.startsWith("1:") && s.displayName.endsWith("(gpu-farm)"))).toBe(true);
    expect(specs).toContainEqual({ name: "1:ir", displayName: "R (IRkernel) — Jupyter (gpu-farm)", language: "r" });
  });
});
