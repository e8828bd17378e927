import { describe, expect, it } from "vitest";
import { KernelError } from "@/server/errors";
import { BackendAIClient } from "./client";
import { expectSigned as expectSignedBy, fakeFetch, KEYPAIR, type Reply, type Seen, PINNED } from "./fake-manager";

const NOW = new Date("2024-10-21T05:00:00.000Z");

function fakeManager(replies: Reply[], apiVersion: string = PINNED) {
  const { fetch, seen } = fakeFetch(replies);
  const client = new BackendAIClient({ endpoint: "http://127.0.0.1:8091", ...KEYPAIR, fetch, now: () => NOW, apiVersion });
  return { client, seen };
}

/** Signed as the manager checks it (fake-manager.ts), at the client's clock. */
function expectSigned(request: Seen, contentType = "application/json") {
  expectSignedBy(request, { contentType });
  expect(request.headers.get("x-backendai-date")).toBe("2024-10-21T05:00:00.000Z");
}

const result = (status: string, extra: Record<string, unknown> = {}) => ({
  result: { status, runId: "5facbf2f2697c1b7", exitCode: status === "finished" ? 0 : null, options: null, files: [], console: [], ...extra },
});

describe("BackendAIClient", () => {
  it("creates a session with POST /session and the v8 body", async () => {
    const { client, seen } = fakeManager([{ status: 201, body: { sessionId: "8fa3a1f2", sessionName: "ide-r-01", status: "RUNNING", servicePorts: [], created: true } }]);
    const created = await client.createSession({ name: "ide-r-01", image: "cr.backend.ai/cloud/r-base:4.0", resources: { cpu: "1", mem: "2g" } });
    expect(created).toEqual({ sessionId: "8fa3a1f2", sessionName: "ide-r-01", status: "RUNNING", created: true });
    const [request] = seen;
    if (!request) throw new Error("no request");
    expect(request.method).toBe("POST");
    expect(request.url.pathname).toBe("/session");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(request.headers.get("x-backendai-version")).toBe("v8.20240915");
    expect(request.body).toMatchObject({ name: "ide-r-01", image: "cr.backend.ai/cloud/r-base:4.0", type: "interactive", enqueueOnly: false, maxWaitSeconds: 60, config: { resources: { cpu: "1", mem: "2g" } } });
    expect(request.body).not.toHaveProperty("architecture");
    expectSigned(request);
  });

  it("uses /kernel paths and v4 names when the API version is v4", async () => {
    const { client, seen } = fakeManager([{ status: 201, body: { kernelId: "ide-r-legacy", status: "RUNNING", servicePorts: [], created: true } }, { status: 200, body: result("finished") }], "v4.20190615");
    const created = await client.createSession({ name: "ide-r-legacy", image: "r:3.3-alpine" });
    expect(created.sessionId).toBe("ide-r-legacy");
    await client.execute({ sessionId: created.sessionId, mode: "query", runId: "5facbf2f2697c1b7", code: "1" });
    expect(seen.map((s) => `${s.method} ${s.url.pathname}`)).toEqual(["POST /kernel/create", "POST /kernel/ide-r-legacy"]);
    expect(seen[0]?.body).toMatchObject({ lang: "r:3.3-alpine", clientSessionToken: "ide-r-legacy" });
    expect(seen[0]?.body).not.toHaveProperty("name");
    expect(seen[0]?.headers.get("x-backendai-version")).toBe("v4.20190615");
    for (const request of seen) expectSigned(request);
  });

  it("executes sending both runId and run_id, and parses console items", async () => {
    const console = [["stdout", "Tick 3\n"], ["media", ["image/png", "data:image/png;base64,iVBO"]], ["log", ["info", "t", "l", "m"]], ["html", "<b>x</b>"]];
    const { client, seen } = fakeManager([{ status: 200, body: result("finished", { console }) }]);
    const r = await client.execute({ sessionId: "ide-py-01", mode: "continue", runId: "5facbf2f2697c1b7", code: "" });
    expect(seen[0]?.url.pathname).toBe("/session/ide-py-01");
    expect(seen[0]?.body).toEqual({ mode: "continue", code: "", runId: "5facbf2f2697c1b7", run_id: "5facbf2f2697c1b7", options: {} });
    expect(r.status).toBe("finished");
    expect(r.console).toEqual([
      { kind: "stdout", text: "Tick 3\n" },
      { kind: "media", mime: "image/png", data: "data:image/png;base64,iVBO" },
      { kind: "other", type: "log" },
      { kind: "html", text: "<b>x</b>" },
    ]);
  });

  it("interrupts, restarts, destroys and reads a session with the documented methods", async () => {
    const { client, seen } = fakeManager([{ status: 204 }, { status: 204 }, { status: 200, body: { stats: {} } }, { status: 200, body: { status: "RUNNING", statusInfo: "None", image: "x" } }]);
    await client.interrupt("ide-r-01");
    await client.restart("ide-r-01");
    await client.destroy("ide-r-01", { forced: true });
    expect((await client.getSession("ide-r-01")).status).toBe("RUNNING");
    expect(seen.map((s) => `${s.method} ${s.url.pathname}${s.url.search}`)).toEqual([
      "POST /session/ide-r-01/interrupt", "PATCH /session/ide-r-01", "DELETE /session/ide-r-01?forced=true", "GET /session/ide-r-01",
    ]);
    for (const request of seen) expectSigned(request);
  });

  it("completes with the documented body and accepts both answer shapes", async () => {
    const { client, seen } = fakeManager([{ status: 200, body: { result: { status: "finished", completions: ["print"] } } }, { status: 200, body: { result: ["prod"] } }]);
    const position = { sessionId: "ide-py-01", code: "pri", row: 0, col: 3, line: "pri", post: "" };
    expect(await client.complete(position)).toEqual(["print"]);
    expect(await client.complete(position)).toEqual(["prod"]);
    expect(seen[0]?.url.pathname).toBe("/session/ide-py-01/complete");
    expect(seen[0]?.body).toEqual({ code: "pri", options: { row: 0, col: 3, line: "pri", post: "" } });
  });

  it("maps problem+json answers to KernelError", async () => {
    const { client } = fakeManager([{ status: 404, body: { type: "https://api.backend.ai/probs/object-not-found", title: "No such session.", msg: "Session (id=x) does not exist." } }]);
    await expect(client.getSession("x")).rejects.toMatchObject({ name: "KernelError", code: "NOT_FOUND" });
  });

  it("rejects an answer that does not match the schema", async () => {
    const { client } = fakeManager([{ status: 200, body: { result: { status: "weird" } } }]);
    await expect(client.execute({ sessionId: "s-01", mode: "query", runId: "r", code: "" })).rejects.toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/unexpected answer/) });
  });

  it("times out a request that hangs and reports it without the secret", async () => {
    const fetch = (_: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    const client = new BackendAIClient({ endpoint: "http://127.0.0.1:8091", ...KEYPAIR, fetch, requestTimeoutMs: 20, apiVersion: PINNED });
    const error = await client.interrupt("s-01").then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(KernelError);
    expect((error as KernelError).code).toBe("TIMEOUT");
    expect((error as KernelError).message).not.toContain(KEYPAIR.secretKey);
  });

  it("lets the caller's abort through as the abort reason", async () => {
    const fetch = (_: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    const client = new BackendAIClient({ endpoint: "http://127.0.0.1:8091", ...KEYPAIR, fetch, apiVersion: PINNED });
    const controller = new AbortController();
    const pending = client.getSession("s-01", { signal: controller.signal });
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
  });

  it("lists images over /admin/gql, or the legacy /admin/graphql before v6.20210815", async () => {
    const images = [{ name: "lablup/r-base", tag: "4.2.3", registry: "index.docker.io", labels: [{ key: "ai.backend.features", value: "query" }], resource_limits: [{ key: "mem", min: "256m", max: null }] }];
    const current = fakeManager([{ status: 200, body: { data: { images } } }]);
    expect(await current.client.listImages()).toMatchObject([{ name: "lablup/r-base", resource_limits: [{ key: "mem", min: "256m", max: null }] }]);
    expect(current.seen[0]?.url.pathname).toBe("/admin/gql");
    expect(current.seen[0]?.body).toMatchObject({ query: expect.stringContaining("images(is_installed: $installed)"), variables: { installed: true } });
    const legacy = fakeManager([{ status: 200, body: { images } }], "v6.20200815");
    expect(await legacy.client.listImages()).toHaveLength(1);
    expect(legacy.seen[0]?.url.pathname).toBe("/admin/graphql");
    const refused = fakeManager([{ status: 200, body: { data: null, errors: [{ message: "Cannot query field 'images' on type 'Queries'." }] } }]);
    await expect(refused.client.listImages()).rejects.toMatchObject({ code: "UNAVAILABLE", message: expect.stringContaining("Cannot query field 'images'") });
  });

  it("reads resource slots and a terminated session's fate", async () => {
    const { client } = fakeManager([
      { status: 200, body: { cpu: "count", mem: "bytes", "cuda.device": "count" } },
      { status: 200, body: { data: { compute_session: { status: "TERMINATED", status_info: "idle-timeout", status_data: '{"kernel": {"exit_code": 137}}' } } } },
      { status: 200, body: { data: { compute_session: null } } },
    ]);
    expect(await client.resourceSlots()).toEqual({ cpu: "count", mem: "bytes", "cuda.device": "count" });
    expect(await client.sessionFate("8fa3a1f2")).toEqual({ status: "TERMINATED", statusInfo: "idle-timeout", statusData: { kernel: { exit_code: 137 } } });
    expect(await client.sessionFate("nope")).toBeNull();
  });

  it("says when the connection was refused", async () => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8091"), { code: "ECONNREFUSED" }) });
    const client = new BackendAIClient({ endpoint: "http://127.0.0.1:8091", ...KEYPAIR, fetch: () => Promise.reject(refused) });
    await expect(client.hello()).rejects.toMatchObject({ message: "Cannot reach Backend.AI at http://127.0.0.1:8091: the connection was refused (is the manager running, and is BACKEND_ENDPOINT right?)." });
  });

  it("reports an unreachable manager as UNAVAILABLE", async () => {
    const client = new BackendAIClient({ endpoint: "http://127.0.0.1:8091", ...KEYPAIR, fetch: () => Promise.reject(new TypeError("fetch failed")) });
    await expect(client.hello()).rejects.toMatchObject({ code: "UNAVAILABLE", message: "Cannot reach Backend.AI at http://127.0.0.1:8091." });
  });
});
