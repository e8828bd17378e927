import { describe, expect, it } from "vitest";
import { KernelError } from "@/server/errors";
import { JupyterRest } from "./rest";

const TOKEN = "s3cret-token-value";

function restWith(fetch: typeof globalThis.fetch, requestTimeoutMs = 1000) {
  return new JupyterRest({ baseUrl: "http://user:pw@jupyter.example:8888/prefix/", token: TOKEN, fetch, requestTimeoutMs, startTimeoutMs: 2000 });
}

async function failure(promise: Promise<unknown>): Promise<KernelError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KernelError);
  const message = (error as KernelError).message;
  expect(message).not.toContain(TOKEN);
  expect(message).not.toContain("pw@");
  return error as KernelError;
}

const json = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("JupyterRest", () => {
  it("sends the token as a header to the prefixed API and parses the answer", async () => {
    const seen: Request[] = [];
    const rest = restWith(async (input, init) => {
      seen.push(new Request(input, init));
      return json(200, { default: "ir", kernelspecs: { ir: { name: "ir", spec: { display_name: "R", language: "R", argv: [] } } } })();
    });
    const specs = await rest.listSpecs();
    expect(Object.keys(specs.kernelspecs)).toEqual(["ir"]);
    expect(seen[0]?.url).toBe("http://jupyter.example:8888/prefix/api/kernelspecs");
    expect(seen[0]?.headers.get("authorization")).toBe(`token ${TOKEN}`);
    expect(rest.where).toBe("http://jupyter.example:8888/prefix");
  });

  it("reads a refused token as UNAVAILABLE naming the token, never showing it", async () => {
    const error = await failure(restWith(json(403, { message: `bad token ${TOKEN}` })).listSpecs());
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toMatch(/refused.*token/);
  });

  it("maps 404 to NOT_FOUND, server errors to their code with the masked server message", async () => {
    expect((await failure(restWith(json(404, { message: "Kernel does not exist" })).getKernel("k1"))).code).toBe("NOT_FOUND");
    const start = await failure(restWith(json(500, { message: `spawn failed near ${TOKEN}` })).startKernel("ir"));
    expect(start.code).toBe("START_FAILED");
    expect(start.message).toContain("spawn failed near ***");
  });

  it("refuses ids no kernel can have without asking the server", async () => {
    let calls = 0;
    const rest = restWith(async () => (calls++, new Response(null, { status: 204 })));
    expect((await failure(rest.shutdownKernel("../../api/shutdown"))).code).toBe("NOT_FOUND");
    expect(calls).toBe(0);
  });

  it("reports an unreachable server as UNAVAILABLE and a silent one as TIMEOUT", async () => {
    const refused = await failure(restWith(async () => { throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") }); }).listSpecs());
    expect(refused).toMatchObject({ code: "UNAVAILABLE", message: "The Jupyter server at http://jupyter.example:8888/prefix cannot be reached." });
    const hanging: typeof globalThis.fetch = (_input, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    const started = Date.now();
    const timeout = await failure(restWith(hanging, 150).interruptKernel("k1"));
    expect(timeout.code).toBe("TIMEOUT");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("rejects answers that are not JSON or not the expected shape", async () => {
    const html = async () => new Response(`<html>${TOKEN}</html>`, { status: 200 });
    expect((await failure(restWith(html).listSpecs())).code).toBe("UNAVAILABLE");
    expect((await failure(restWith(json(200, { kernelspecs: "no" })).listSpecs())).message).toMatch(/unexpected answer/);
  });
});
