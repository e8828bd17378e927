// The backendai provider when things go wrong, against the Backend.AI test server: sessions the
// cluster ends mid-run, exec timeouts, a manager that is down or slow, bad keys, quotas, queues
// and clock skew. Each failure must end with a sentence the user can act on.
import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import type { StartPhase } from "@/server/kernels/types";
import { startBackendAiTestServer, type BackendAiTestServer } from "@/test/backendai-server/server";
import { client as testClient } from "@/test/backendai-server/test-client";
import { createBackendAIProvider, type BackendAIProviderOptions } from "./index";

let srv: BackendAiTestServer;
beforeAll(async () => {
  srv = await startBackendAiTestServer({ flushMs: 200 });
});
afterAll(() => srv.close());
afterEach(() => {
  Object.assign(srv.faults, { delayMs: 0, refuseCreation: null, completeTimeout: false, execTimeoutMs: 0, phaseMs: {} });
});

const provider = (options: Partial<BackendAIProviderOptions> = {}) =>
  createBackendAIProvider({ endpoint: srv.endpoint, accessKey: srv.accessKey, secretKey: srv.secretKey, startPollMs: 20, ...options });

/** Runs code; `onEvent` may act (e.g. kill the session) once output has arrived. */
async function run(p: ReturnType<typeof provider>, remoteId: string, code: string, onEvent: (e: ExecEvent) => void = () => {}) {
  const events: ExecEvent[] = [];
  try {
    for await (const event of p.execute(remoteId, { code })) {
      events.push(event);
      onEvent(event);
    }
    return { events, error: undefined };
  } catch (error) {
    return { events, error };
  }
}

describe("sessions ended by the cluster", () => {
  it.each([
    ["idle-timeout", "The Backend.AI session was terminated by the cluster (idle timeout)."],
    ["oom-killed", "The Backend.AI session was terminated by the cluster (out of memory: the kernel was killed)."],
    ["admin-kill", "The Backend.AI session was terminated by an administrator."],
  ] as const)("%s mid-run: the output before it is kept, then the reason, then DEAD", async (reason, message) => {
    const p = provider();
    const { remoteId } = await p.start();
    const result = await run(p, remoteId, 'cat("before\\n"); Sys.sleep(30); cat("after\\n")', (e) => {
      if (e.type === "stream") srv.killSession(remoteId, { reason });
    });
    expect(result.events).toEqual([{ type: "stream", name: "stdout", text: "before\n" }, { type: "error", ename: "SessionTerminated", evalue: message, traceback: [] }]);
    expect(result.error).toMatchObject({ name: "KernelError", code: "DEAD", message });
    await expect(p.status(remoteId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("exec timeout: the output so far, then the time limit, then DEAD", async () => {
    const p = provider();
    const { remoteId } = await p.start();
    srv.faults.execTimeoutMs = 500;
    const result = await run(p, remoteId, 'cat("tick\\n"); Sys.sleep(30)');
    expect(result.events[0]).toEqual({ type: "stream", name: "stdout", text: "tick\n" });
    expect(result.events[1]).toMatchObject({ type: "error", ename: "ExecutionTimeLimit", evalue: "The run exceeded the session's execution time limit; Backend.AI terminated the session." });
    expect(result.error).toMatchObject({ code: "DEAD" });
  });
});

describe("the manager itself", () => {
  it("down: connection refused, said as such", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const address = s.address();
        s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    const p = provider({ endpoint: `http://127.0.0.1:${port}` });
    await expect(p.listSpecs()).rejects.toMatchObject({
      code: "UNAVAILABLE", message: `Cannot reach Backend.AI at http://127.0.0.1:${port}: the connection was refused (is the manager running, and is BACKEND_ENDPOINT right?).`,
    });
  });

  it("slow: each request has a time limit", async () => {
    srv.faults.delayMs = 1_000;
    const started = Date.now();
    await expect(provider({ requestTimeoutMs: 150 }).listSpecs()).rejects.toMatchObject({ code: "TIMEOUT", message: expect.stringMatching(/did not answer the request to list its (images|resource slots) within 0\.2 s/) });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("a wrong secret key: 401, and the message names the keys to check", async () => {
    const error = await provider({ secretKey: "not-the-secret" }).listSpecs().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KernelError);
    expect(error).toMatchObject({ code: "UNAUTHORIZED", message: "Backend.AI refused the access key or its signature; check the access key and secret key." });
    expect(String((error as KernelError).cause)).toContain("401");
  });

  it("a clock more than 15 minutes off is reported as clock skew", async () => {
    const p = provider({ now: () => new Date(Date.now() - 16 * 60_000) });
    await expect(p.listSpecs()).rejects.toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/clock differs from the manager's by more than 15 minutes/) });
  });
});

describe("quotas and queues", () => {
  it("quota exceeded: the start fails with the resource limit sentence", async () => {
    srv.faults.refuseCreation = "quota-exceeded";
    await expect(provider().start()).rejects.toMatchObject({ code: "START_FAILED", message: expect.stringMatching(/resource limit/) });
  });

  it("too many sessions: the start waits in the queue with the scheduler's reason, times out and cancels", async () => {
    srv.faults.refuseCreation = "concurrency-limit";
    const phases: StartPhase[] = [];
    const error = await provider({ startTimeoutMs: 300 }).start({ onPhase: (ph) => phases.push(ph) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TIMEOUT", message: "The Backend.AI session did not start within 0.3 s (still PENDING: You cannot run more than 1 concurrent sessions)." });
    expect(phases).toEqual([
      { phase: "Waiting in the cluster queue", detail: "PENDING" },
      { phase: "Waiting in the cluster queue", detail: "PENDING: You cannot run more than 1 concurrent sessions" },
    ]);
    const query = "{ compute_session_list(status: \"PENDING\") { total_count } }";
    expect((await testClient(() => srv).call("POST", "/admin/gql", { query })).body).toEqual({ data: { compute_session_list: { total_count: 0 } } });
  });

  it("completion that never answers gives no matches", async () => {
    const p = provider();
    const { remoteId } = await p.start();
    srv.faults.completeTimeout = true;
    expect(await p.complete?.(remoteId, { code: "pri", cursor: 3 })).toEqual({ matches: [], cursorStart: 0, cursorEnd: 3 });
    await p.shutdown(remoteId);
  });
});
