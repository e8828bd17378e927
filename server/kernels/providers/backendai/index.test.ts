// The provider against a scripted manager: specs, start phases, execution endings, completion.
import { describe, expect, it } from "vitest";
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import type { StartPhase } from "@/server/kernels/types";
import { fakeFetch, type Reply, PINNED } from "./fake-manager";
import { createBackendAIProvider, type BackendAIProviderOptions } from "./index";
import { collectEvents as collect } from "@/test/kernel-events";

const R_IMAGE = "cr.backend.ai/cloud/r-base:4.0";

function fakeManager(replies: Reply[], options: Partial<BackendAIProviderOptions> = { images: { "r-4": { image: R_IMAGE, displayName: "R 4.0 — Backend.AI" } } }) {
  const { fetch, seen } = fakeFetch(replies);
  const provider = createBackendAIProvider({ endpoint: "http://127.0.0.1:8091", accessKey: "AK", secretKey: "SK", fetch, startPollMs: 5, apiVersion: PINNED, ...options });
  const calls = () => seen.map((s) => `${s.method === "POST" && s.headers.get("x-method-override") ? "GET" : s.method} ${s.url.pathname}${s.url.search}`);
  return { provider, seen, calls };
}

const result = (status: string, console: unknown[] = [], extra: Record<string, unknown> = {}) => ({
  status: 200,
  body: { result: { status, runId: "r", exitCode: status === "finished" ? 0 : null, options: null, files: [], console, ...extra } },
});
const notFound = { status: 404, body: { type: "https://api.backend.ai/probs/object-not-found", title: "No such session.", msg: "Session (id=s) does not exist." } };
const fate = (status: string, statusInfo: string | null, statusData = "{}") => ({ status: 200, body: { data: { compute_session: { status, status_info: statusInfo, status_data: statusData } } } });
const created = (status = "PENDING") => ({ status: 201, body: { sessionId: "s-1", sessionName: "kb-1", status, servicePorts: [], created: true } });
const info = (status: string) => ({ status: 200, body: { status, statusInfo: "None", statusData: {} } });

const IMAGES = {
  status: 200,
  body: {
    data: {
      images: [
        { name: "lablup/r-base", tag: "4.2.3", registry: "index.docker.io", architecture: "x86_64", labels: [{ key: "ai.backend.features", value: "query" }, { key: "ai.backend.runtime-type", value: "r" }], resource_limits: [{ key: "cpu", min: "1", max: "4" }, { key: "mem", min: "256m", max: null }] },
        { name: "lablup/r-base", tag: "4.6.1", registry: "index.docker.io", architecture: "x86_64", labels: [{ key: "ai.backend.features", value: "uid-match" }, { key: "ai.backend.runtime-type", value: "app" }], resource_limits: [] },
      ],
    },
  },
};
const SLOTS = { status: 200, body: { cpu: "count", mem: "bytes" } };

describe("backendai provider: specs and start", () => {
  it("declares its capabilities, and lists the manager's query images with resource choices", async () => {
    const { provider, calls } = fakeManager([IMAGES, SLOTS], {});
    expect(provider.capabilities).toEqual({ streaming: true, interrupt: "best-effort", plots: true, stdin: true });
    const specs = await provider.listSpecs();
    expect(specs.map((s) => [s.name, s.displayName, s.language])).toEqual([["index.docker.io/lablup/r-base:4.2.3", "R 4.2.3 — Backend.AI", "r"]]);
    expect(specs[0]?.resources?.map((r) => [r.key, r.options.map((o) => o.value)])).toEqual([["cpu", ["1", "2", "4"]], ["mem", ["1g", "2g", "4g", "8g", "16g"]]]);
    expect(calls()).toEqual(["POST /admin/gql", "GET /config/resource-slots"]);
    await provider.listSpecs();
    expect(calls()).toHaveLength(2); // cached
  });

  it("starts enqueue-only with the chosen resources, reporting each phase", async () => {
    const { provider, seen, calls } = fakeManager([IMAGES, SLOTS, created(), info("PULLING"), info("PREPARING"), info("RUNNING")], {});
    const phases: StartPhase[] = [];
    const kernel = await provider.start({ spec: "index.docker.io/lablup/r-base:4.2.3", resources: { cpu: "2" }, onPhase: (p) => phases.push(p) });
    expect(kernel).toEqual({ remoteId: "s-1", runtime: "index.docker.io/lablup/r-base:4.2.3" });
    expect(seen[2]?.body).toMatchObject({ image: "index.docker.io/lablup/r-base:4.2.3", architecture: "x86_64", enqueueOnly: true, config: { resources: { cpu: "2", mem: "1g" } } });
    expect(phases.map((p) => p.phase)).toEqual(["Waiting in the cluster queue", "Pulling the image", "Preparing the session"]);
    expect(calls().slice(2)).toEqual(["POST /session", "GET /session/s-1", "GET /session/s-1", "GET /session/s-1"]);
  });

  it("refuses resources the spec does not offer before creating anything", async () => {
    const { provider, calls } = fakeManager([IMAGES, SLOTS], {});
    await expect(provider.start({ resources: { cpu: "8" } })).rejects.toMatchObject({ code: "START_FAILED", message: expect.stringMatching(/8 is not an offered/) });
    expect(calls()).toEqual(["POST /admin/gql", "GET /config/resource-slots"]);
  });

  it("fails a start that ends in ERROR and removes the session", async () => {
    const { provider, calls } = fakeManager([created("ERROR"), { status: 200, body: { stats: {} } }]);
    await expect(provider.start()).rejects.toMatchObject({ code: "START_FAILED" });
    expect(calls()).toEqual(["POST /session", "DELETE /session/s-1?forced=true"]);
  });
});

describe("backendai provider: execution", () => {
  it("polls with continue until finished, yielding output as it arrives", async () => {
    const { provider, seen } = fakeManager([
      result("continued", [["stdout", "Tick 1\n"]]),
      result("continued", []),
      result("finished", [["stdout", "Tick 3\n"], ["media", ["image/png", "data:image/png;base64,iVBO"]], ["html", "<b>x</b>"]]),
    ]);
    const { events } = await collect(provider.execute("s-1", { code: "f()" }));
    expect(events).toEqual([
      { type: "stream", name: "stdout", text: "Tick 1\n" },
      { type: "stream", name: "stdout", text: "Tick 3\n" },
      { type: "display_data", data: { "image/png": "iVBO" } },
      { type: "display_data", data: { "text/html": "<b>x</b>" } },
    ]);
    const runId = (seen[0]?.body as { runId: string }).runId;
    expect(runId).toMatch(/^[0-9a-f]{16}$/);
    expect(seen.map((s) => { const b = s.body as Record<string, unknown>; return [b.mode, b.code, b.run_id]; })).toEqual([["query", "f()", runId], ["continue", "", runId], ["continue", "", runId]]);
  });

  it("turns a stderr traceback into an error event", async () => {
    const { provider } = fakeManager([result("finished", [["stdout", "a\n"], ["stderr", "Error in f() : boom\n"]])]);
    expect((await collect(provider.execute("s-1", { code: "f()" }))).events.at(-1)).toMatchObject({ type: "error", evalue: "boom" });
  });

  it("asks for input on waiting-input and answers with mode input", async () => {
    const { provider, seen } = fakeManager([result("waiting-input", [["stdout", ">> "]], { options: { is_password: false } }), result("finished", [["stdout", "Hello, Lablup!\n"]])]);
    const events: ExecEvent[] = [];
    for await (const event of provider.execute("s-1", { code: "readline('>> ')" })) {
      events.push(event);
      if (event.type === "input_request") await provider.sendInput?.("s-1", "Lablup");
    }
    expect(events).toEqual([{ type: "input_request", prompt: ">> ", password: false }, { type: "stream", name: "stdout", text: "Hello, Lablup!\n" }]);
    expect(seen[1]?.body).toMatchObject({ mode: "input", code: "Lablup" });
  });

  it("reports exit code 130 on a live session as an interruption", async () => {
    const { provider, calls } = fakeManager([result("finished", [], { exitCode: 130 }), fate("RUNNING", null)]);
    const { events, error } = await collect(provider.execute("s-1", { code: "Sys.sleep(99)" }));
    expect(error).toBeUndefined();
    expect(events).toEqual([expect.objectContaining({ type: "error", ename: "Interrupted" })]);
    expect(calls()).toEqual(["POST /session/s-1", "POST /admin/gql"]);
  });

  it("keeps the output, then explains a session the cluster killed (exit code 130) and throws DEAD", async () => {
    const { provider } = fakeManager([result("continued", [["stdout", "x\n"]]), result("finished", [], { exitCode: 130 }), fate("TERMINATED", "self-terminated", '{"kernel": {"exit_code": 137}}')]);
    const { events, error } = await collect(provider.execute("s-1", { code: "f()" }));
    const message = "The Backend.AI session was terminated by the cluster (out of memory: the kernel was killed).";
    expect(events).toEqual([{ type: "stream", name: "stdout", text: "x\n" }, { type: "error", ename: "SessionTerminated", evalue: message, traceback: [] }]);
    expect(error).toMatchObject({ name: "KernelError", code: "DEAD", message });
  });

  it("explains a session gone mid-run (404) from its recorded reason; an unknown one is NOT_FOUND", async () => {
    const { provider } = fakeManager([result("continued", [["stdout", "x\n"]]), notFound, fate("TERMINATED", "idle-timeout"), notFound]);
    const gone = await collect(provider.execute("s-1", { code: "f()" }));
    expect(gone.events.at(-1)).toMatchObject({ type: "error", evalue: "The Backend.AI session was terminated by the cluster (idle timeout)." });
    expect(gone.error).toMatchObject({ code: "DEAD", message: "The Backend.AI session was terminated by the cluster (idle timeout)." });
    expect((await collect(provider.execute("s-2", { code: "f()" }))).error).toMatchObject({ code: "NOT_FOUND" });
  });

  it("yields what arrived, then reports the exec timeout and throws DEAD", async () => {
    const { provider } = fakeManager([result("exec-timeout", [["stdout", "still running...\n"]])]);
    const { events, error } = await collect(provider.execute("s-1", { code: "repeat {}" }));
    expect(events[0]).toEqual({ type: "stream", name: "stdout", text: "still running...\n" });
    expect(events[1]).toMatchObject({ type: "error", ename: "ExecutionTimeLimit", evalue: expect.stringMatching(/^The run exceeded the session's execution time limit/) });
    expect(error).toMatchObject({ name: "KernelError", code: "DEAD" });
  });

  it("refuses a second run on a busy session and reports busy status", async () => {
    const { provider } = fakeManager([result("continued"), { status: 200, body: { status: "RUNNING" } }, result("finished")]);
    const run = provider.execute("s-1", { code: "f()" })[Symbol.asyncIterator]();
    const first = run.next();
    expect((await collect(provider.execute("s-1", { code: "g()" }))).error).toMatchObject({ code: "BUSY" });
    expect(await provider.status("s-1")).toBe("busy");
    expect(await first).toEqual({ done: true, value: undefined });
    expect(await run.next()).toEqual({ done: true, value: undefined });
  });

  it("interrupts, restarts, shuts down and maps status", async () => {
    const { provider, calls } = fakeManager([{ status: 204 }, { status: 204 }, { status: 200, body: { stats: {} } }, notFound]);
    await provider.interrupt("s-1");
    await provider.restart("s-1");
    await provider.shutdown("s-1");
    await expect(provider.status("s-1")).rejects.toBeInstanceOf(KernelError);
    expect(calls()).toEqual(["POST /session/s-1/interrupt", "PATCH /session/s-1", "DELETE /session/s-1?forced=true", "GET /session/s-1"]);
  });

  it("completes at the cursor and treats an agent timeout as no matches", async () => {
    const timeout = { status: 500, body: { type: "https://api.backend.ai/probs/kernel-execution-failed", title: "t", "agent-details": { type: "https://api.backend.ai/probs/agent-timeout", title: null } } };
    const { provider, seen } = fakeManager([{ status: 200, body: { result: { status: "finished", completions: ["print"] } } }, timeout]);
    expect(await provider.complete?.("s-1", { code: "x <- 1\npri\ny", cursor: 10 })).toEqual({ matches: ["print"], cursorStart: 7, cursorEnd: 10 });
    expect(seen[0]?.body).toEqual({ code: "x <- 1\npri", options: { row: 1, col: 3, line: "pri", post: "\ny" } });
    expect(await provider.complete?.("s-1", { code: "pri", cursor: 3 })).toEqual({ matches: [], cursorStart: 0, cursorEnd: 3 });
  });
});
