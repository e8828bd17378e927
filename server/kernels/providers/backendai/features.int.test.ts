// The backendai provider's optional features against the Backend.AI test server with real R and
// Python behind it: catalogue specs and resources, start phases, files with both agent
// generations' upload rules, completion and HTML output.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KernelProvider, StartPhase } from "@/server/kernels/types";
import { startBackendAiTestServer, type BackendAiTestServer } from "@/test/backendai-server/server";
import { client as testClient, field } from "@/test/backendai-server/test-client";
import { createBackendAIProvider } from "./index";
import { runCode as run, streamText as text } from "@/test/kernel-events";

let cpu: BackendAiTestServer;
let gpu: BackendAiTestServer;
const provider = (srv: BackendAiTestServer): KernelProvider =>
  createBackendAIProvider({ endpoint: srv.endpoint, accessKey: srv.accessKey, secretKey: srv.secretKey, startPollMs: 20 });

beforeAll(async () => {
  [cpu, gpu] = await Promise.all([startBackendAiTestServer({ flushMs: 200 }), startBackendAiTestServer({ flushMs: 200, gpu: true })]);
});
afterAll(async () => {
  await Promise.all([cpu.close(), gpu.close()]);
});


describe("specs from the manager's catalogue", () => {
  it("offers the query images with people's names and resource choices within their limits", async () => {
    const specs = await provider(cpu).listSpecs();
    expect(specs.map((s) => [s.displayName, s.language])).toEqual([
      ["R 4.2.3 — Backend.AI", "r"], ["Microsoft R Open 3.4.2 — Backend.AI", "r"], ["Python 3.6 + CNTK 2.7 — Backend.AI", "python"],
    ]);
    const mro = specs[1];
    expect(mro?.resources?.map((c) => [c.key, c.options.map((o) => o.value), c.default])).toEqual([["cpu", ["1", "2", "4"], "1"], ["mem", ["1g", "2g", "4g", "8g"], "1g"]]);
    expect(mro?.description).toMatch(/^lablup\/kernel-r:mro-3.4.2-ubuntu from index.docker.io/);
  });

  it("offers the CUDA image with a GPU choice on a GPU cluster and runs it with a GPU", async () => {
    const p = provider(gpu);
    const cuda = (await p.listSpecs()).find((s) => s.displayName === "Python 3.6 + CNTK 2.7 (CUDA 9) — Backend.AI");
    expect(cuda?.resources?.find((c) => c.key === "cuda.device")?.options.map((o) => o.value)).toEqual(["1", "2"]);
    const kernel = await p.start({ spec: cuda?.name, resources: { "cuda.device": "2", mem: "2g" } });
    const info = await testClient(() => gpu).call("GET", `/session/${kernel.remoteId}`);
    expect(field(info, "occupiedSlots")).toBe("{'cpu': '1', 'mem': '2147483648', 'cuda.device': '2'}");
    expect(text(await run(p, kernel.remoteId, "6 * 7"))).toBe("42\n");
    await p.shutdown(kernel.remoteId);
  });
});

describe("start", () => {
  it("sends the chosen resources and reports the start phases in order", async () => {
    const p = provider(cpu);
    const spec = (await p.listSpecs())[0];
    cpu.faults.phaseMs = { PENDING: 300, SCHEDULED: 300, PULLING: 300, PREPARING: 300 };
    const phases: StartPhase[] = [];
    const kernel = await p.start({ spec: spec?.name, resources: { cpu: "2", mem: "4g" }, onPhase: (ph) => phases.push(ph) });
    cpu.faults.phaseMs = {};
    const order = ["Waiting in the cluster queue", "Scheduled on an agent", "Pulling the image", "Preparing the session"];
    const seen = phases.map((ph) => ph.phase);
    expect(seen[0]).toBe(order[0]);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual(order.filter((o) => seen.includes(o)));
    expect(phases[0]?.detail).toBe("PENDING");
    const info = await testClient(() => cpu).call("GET", `/session/${kernel.remoteId}`);
    expect(field(info, "occupiedSlots")).toBe("{'cpu': '2', 'mem': '4294967296'}");
    await p.shutdown(kernel.remoteId);
  });
});

describe("files, completion and HTML", () => {
  let r: KernelProvider;
  let rId = "";
  beforeAll(async () => {
    r = provider(cpu);
    rId = (await r.start()).remoteId;
  });
  afterAll(() => r.shutdown(rId));

  it.each(["24.09", "23.09", "25.8"] as const)("uploads with relative names to a %s agent, R reads them, and they list and download", async (version) => {
    cpu.faults.agentVersion = version;
    const dir = `in-${version.replace(".", "")}`;
    await r.uploadFile?.(rId, { path: `${dir}/data.csv`, data: new TextEncoder().encode("a,b\n1,2\n3,4\n") });
    expect(text(await run(r, rId, `cat(sum(read.csv("${dir}/data.csv")$b))`))).toBe("6");
    const listed = await r.listFiles?.(rId, dir);
    expect(listed).toEqual([{ name: "data.csv", size: 12, isDirectory: false, modifiedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    expect(new TextDecoder().decode(await r.downloadFile?.(rId, `${dir}/data.csv`))).toBe("a,b\n1,2\n3,4\n");
  });

  it("round-trips binary files R writes, and reports missing ones and the size limit clearly", async () => {
    await run(r, rId, 'dir.create("out"); writeBin(as.raw(c(0, 255, 10, 13)), "out/b.bin")');
    expect(await r.downloadFile?.(rId, "out/b.bin")).toEqual(new Uint8Array([0, 255, 10, 13]));
    expect((await r.listFiles?.(rId, "."))?.find((f) => f.name === "out")).toMatchObject({ isDirectory: true });
    await expect(r.downloadFile?.(rId, "out/none.bin")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(r.listFiles?.(rId, "nowhere")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(r.uploadFile?.(rId, { path: "big.bin", data: new Uint8Array(1024 * 1024) })).rejects.toThrow(/under 1 MiB each \(its per-file upload limit\)/);
  });

  it("completes with R's completer, replacing whole tokens", async () => {
    await run(r, rId, "my_data <- list(alpha = 1, beta = 2)");
    expect(await r.complete?.(rId, { code: "x <- my_da", cursor: 10 })).toEqual({ matches: ["my_data"], cursorStart: 5, cursorEnd: 10 });
    expect(await r.complete?.(rId, { code: "my_data$be", cursor: 10 })).toEqual({ matches: ["my_data$beta"], cursorStart: 0, cursorEnd: 10 });
  });

  it("shows Python objects with _repr_html_ as HTML", async () => {
    const p = provider(cpu);
    const spec = (await p.listSpecs()).find((s) => s.language === "python");
    const kernel = await p.start({ spec: spec?.name });
    const events = await run(p, kernel.remoteId, "class T:\n    def _repr_html_(self):\n        return '<i>hi</i>'\nT()");
    expect(events).toEqual([{ type: "display_data", data: { "text/html": "<i>hi</i>" } }]);
    await p.shutdown(kernel.remoteId);
  });
});
