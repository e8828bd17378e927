import { afterEach, describe, expect, it, vi } from "vitest";
import { createJupyterProvider } from "./index";
import { createJupyterEndpoints, type JupyterEndpoint } from "./endpoints";

const SPECS = {
  default: "python3",
  kernelspecs: {
    ir: { name: "ir", spec: { display_name: "R", language: "R", argv: ["R", "-e", "IRkernel::main()"] } },
    python3: { name: "python3", spec: { display_name: "Python 3", language: "python" } },
  },
};

type Call = { method: string; url: string };

/** A fetch standing in for servers: a:1 and b:2 answer, c:3 refuses connections, d:4 never answers. */
function fakeServers(calls: Call[] = []): typeof globalThis.fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    calls.push({ method: init?.method ?? "GET", url: url.href });
    if (url.host === "c:3") throw new TypeError("fetch failed");
    if (url.host === "d:4") {
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    }
    if (url.pathname === "/api/kernelspecs") return Response.json(SPECS);
    if (url.pathname.endsWith("/interrupt") || init?.method === "DELETE") return new Response(null, { status: 204 });
    return Response.json({ message: "no such kernel" }, { status: 404 });
  };
}

const endpoint = (name: string, host: string): JupyterEndpoint => ({ name, baseUrl: `http://${host}`, token: "" });
const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("several Jupyter endpoints as one provider", () => {
  it("is the plain Jupyter provider when only one is configured", async () => {
    const single = createJupyterEndpoints([endpoint("local", "a:1")], { fetch: fakeServers() });
    const plain = createJupyterProvider({ baseUrl: "http://a:1", fetch: fakeServers() });
    expect(await single.listSpecs()).toEqual(await plain.listSpecs());
    expect(await single.listSpecs()).toContainEqual({ name: "ir", displayName: "R (IRkernel) — Jupyter", language: "r" });
  });

  it("keeps the first endpoint's names plain, qualifies the others', and labels all", async () => {
    const provider = createJupyterEndpoints([endpoint("local", "a:1"), endpoint("gpu-farm", "b:2")], { fetch: fakeServers() });
    expect(await provider.listSpecs()).toEqual([
      { name: "ir", displayName: "R (IRkernel) — Jupyter (local)", language: "r" },
      { name: "python3", displayName: "Python 3 — Jupyter (local)", language: "python" },
      { name: "1:ir", displayName: "R (IRkernel) — Jupyter (gpu-farm)", language: "r" },
      { name: "1:python3", displayName: "Python 3 — Jupyter (gpu-farm)", language: "python" },
    ]);
  });

  it("lists the endpoints that answer, leaving out one refused and one too slow", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const provider = createJupyterEndpoints(
      [endpoint("refused", "c:3"), endpoint("slow", "d:4"), endpoint("gpu-farm", "b:2")],
      { fetch: fakeServers(), listTimeoutMs: 200 },
    );
    const started = Date.now();
    expect((await provider.listSpecs()).map((s) => s.name)).toEqual(["2:ir", "2:python3"]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringContaining('"refused" is left out of the kernel list: The Jupyter server at http://c:3 cannot be reached.'),
      expect.stringContaining('"slow" is left out of the kernel list: The Jupyter endpoint "slow" did not list its kernels within 0.2 s.'),
    ]);
  });

  it("fails with the first endpoint's error when none answers", async () => {
    const provider = createJupyterEndpoints([endpoint("refused", "c:3"), endpoint("slow", "d:4")], { fetch: fakeServers(), listTimeoutMs: 200 });
    expect(await failureOf(provider.listSpecs())).toMatchObject({ code: "UNAVAILABLE", message: "The Jupyter server at http://c:3 cannot be reached." });
  });

  it("sends each kernel request to the endpoint its id names, with the id that endpoint gave", async () => {
    const calls: Call[] = [];
    const provider = createJupyterEndpoints([endpoint("local", "a:1"), endpoint("gpu-farm", "b:2")], { fetch: fakeServers(calls) });
    await provider.interrupt("1:k-on-b");
    await provider.shutdown("k-on-a");
    expect(calls).toEqual([
      { method: "POST", url: "http://b:2/api/kernels/k-on-b/interrupt" },
      { method: "DELETE", url: "http://a:1/api/kernels/k-on-a" },
    ]);
  });

  it("knows no kernel or spec on an endpoint that is not configured", async () => {
    const calls: Call[] = [];
    const provider = createJupyterEndpoints([endpoint("local", "a:1"), endpoint("gpu-farm", "b:2")], { fetch: fakeServers(calls) });
    const gone = await failureOf(provider.status("2:k"));
    expect(gone).toMatchObject({ code: "NOT_FOUND", message: '"2:k" is a kernel of the Jupyter server at URL 3 of JUPYTER_URL, which lists 2.' });
    expect(await failureOf(provider.start({ spec: "7:ir" }))).toMatchObject({ code: "NOT_FOUND" });
    const events = provider.execute("2:k", { code: "1" })[Symbol.asyncIterator]();
    expect(await failureOf(events.next())).toMatchObject({ code: "NOT_FOUND" });
    expect(calls).toEqual([]);
  });
});
