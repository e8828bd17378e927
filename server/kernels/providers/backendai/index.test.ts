import { describe, expect, it } from "vitest";
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import { createBackendAIProvider, sessionState } from "./index";

type Reply = { status: number; body?: unknown };
type Seen = { method: string; path: string; body: Record<string, unknown> | undefined };

function fakeManager(replies: Reply[]) {
  const seen: Seen[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    seen.push({ method: init?.method ?? "GET", path: url.pathname + url.search, body: typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : undefined });
    const reply = replies.shift();
    if (!reply) throw new Error(`unexpected ${init?.method} ${url.pathname}`);
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), { status: reply.status, headers: { "Content-Type": "application/json" } });
  };
  const provider = createBackendAIProvider({ endpoint: "http://127.0.0.1:8091", accessKey: "AK", secretKey: "SK", fetch, startPollMs: 5 });
  return { provider, seen };
}

const result = (status: string, console: unknown[] = [], extra: Record<string, unknown> = {}) => ({
  status: 200,
  body: { result: { status, runId: "r", exitCode: status === "finished" ? 0 : null, options: null, files: [], console, ...extra } },
});
const notFound = { status: 404, body: { type: "https://api.backend.ai/probs/object-not-found", title: "No such session.", msg: "Session (id=s) does not exist." } };

async function collect(iterable: AsyncIterable<ExecEvent>): Promise<ExecEvent[]> {
  const events: ExecEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

describe("backendai provider", () => {
  it("declares its capabilities and specs", async () => {
    const { provider } = fakeManager([]);
    expect(provider.id).toBe("backendai");
    expect(provider.capabilities).toEqual({ streaming: true, interrupt: "best-effort", plots: true, stdin: true });
    expect((await provider.listSpecs())[0]).toMatchObject({ name: "r-4", language: "r" });
  });

  it("starts a session and waits while it is pending", async () => {
    const { provider, seen } = fakeManager([
      { status: 201, body: { sessionId: "s-1", sessionName: "kb-1", status: "PENDING", servicePorts: [], created: true } },
      { status: 200, body: { status: "PREPARING", statusInfo: "None" } },
      { status: 200, body: { status: "RUNNING", statusInfo: "None" } },
    ]);
    expect(await provider.start()).toEqual({ remoteId: "s-1", runtime: "cr.backend.ai/cloud/r-base:4.0" });
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["POST /session", "GET /session/s-1", "GET /session/s-1"]);
  });

  it("fails a start that ends in ERROR", async () => {
    const { provider } = fakeManager([{ status: 201, body: { sessionId: "s-1", status: "ERROR", servicePorts: [], created: true } }]);
    await expect(provider.start()).rejects.toMatchObject({ code: "START_FAILED" });
  });

  it("polls with continue until finished, yielding output as it arrives", async () => {
    const { provider, seen } = fakeManager([
      result("continued", [["stdout", "Tick 1\n"]]),
      result("continued", []),
      result("finished", [["stdout", "Tick 3\n"], ["media", ["image/png", "data:image/png;base64,iVBO"]]]),
    ]);
    const events = await collect(provider.execute("s-1", { code: "f()" }));
    expect(events).toEqual([
      { type: "stream", name: "stdout", text: "Tick 1\n" },
      { type: "stream", name: "stdout", text: "Tick 3\n" },
      { type: "display_data", data: { "image/png": "iVBO" } },
    ]);
    const runId = seen[0]?.body?.runId;
    expect(runId).toMatch(/^[0-9a-f]{16}$/);
    expect(seen.map((s) => [s.body?.mode, s.body?.code, s.body?.run_id])).toEqual([["query", "f()", runId], ["continue", "", runId], ["continue", "", runId]]);
  });

  it("turns a stderr traceback into an error event", async () => {
    const { provider } = fakeManager([result("finished", [["stdout", "a\n"], ["stderr", "Error in f() : boom\n"]])]);
    const events = await collect(provider.execute("s-1", { code: "f()" }));
    expect(events.at(-1)).toMatchObject({ type: "error", evalue: "boom" });
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

  it("reports an interrupted or vanished kernel (exit code 130) as an error event", async () => {
    const { provider } = fakeManager([result("finished", [], { exitCode: 130 })]);
    expect(await collect(provider.execute("s-1", { code: "Sys.sleep(99)" }))).toEqual([expect.objectContaining({ type: "error", ename: "Interrupted" })]);
  });

  it("yields what arrived, then throws TIMEOUT on exec-timeout", async () => {
    const { provider } = fakeManager([result("exec-timeout", [["stdout", "still running...\n"]])]);
    const events: ExecEvent[] = [];
    const error = await (async () => {
      for await (const event of provider.execute("s-1", { code: "repeat {}" })) events.push(event);
    })().then(() => undefined, (e: unknown) => e);
    expect(events).toEqual([{ type: "stream", name: "stdout", text: "still running...\n" }]);
    expect(error).toMatchObject({ name: "KernelError", code: "TIMEOUT" });
  });

  it("reports a session terminated mid-run as DEAD, an unknown one as NOT_FOUND", async () => {
    const { provider } = fakeManager([result("continued", [["stdout", "x\n"]]), notFound, notFound]);
    await expect(collect(provider.execute("s-1", { code: "f()" }))).rejects.toMatchObject({ code: "DEAD" });
    await expect(collect(provider.execute("s-2", { code: "f()" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a second run on a busy session and reports busy status", async () => {
    const { provider } = fakeManager([result("continued"), { status: 200, body: { status: "RUNNING" } }, result("finished")]);
    const run = provider.execute("s-1", { code: "f()" })[Symbol.asyncIterator]();
    const first = run.next();
    await expect(collect(provider.execute("s-1", { code: "g()" }))).rejects.toMatchObject({ code: "BUSY" });
    expect(await provider.status("s-1")).toBe("busy");
    expect(await first).toEqual({ done: true, value: undefined });
    expect(await run.next()).toEqual({ done: true, value: undefined });
  });

  it("interrupts, restarts, shuts down and maps status", async () => {
    const { provider, seen } = fakeManager([{ status: 204 }, { status: 204 }, { status: 200, body: { stats: {} } }, notFound]);
    await provider.interrupt("s-1");
    await provider.restart("s-1");
    await provider.shutdown("s-1");
    await expect(provider.status("s-1")).rejects.toBeInstanceOf(KernelError);
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["POST /session/s-1/interrupt", "PATCH /session/s-1", "DELETE /session/s-1?forced=true", "GET /session/s-1"]);
    expect(sessionState("PULLING")).toBe("starting");
    expect(sessionState("RUNNING_DEGRADED")).toBe("idle");
    expect(sessionState("TERMINATING")).toBe("dead");
  });

  it("completes at the cursor with row, column and line", async () => {
    const { provider, seen } = fakeManager([{ status: 200, body: { result: { status: "finished", completions: ["print"] } } }]);
    const completion = await provider.complete?.("s-1", { code: "x <- 1\npri\ny", cursor: 10 });
    expect(completion).toEqual({ matches: ["print"], cursorStart: 7, cursorEnd: 10 });
    expect(seen[0]?.body).toEqual({ code: "x <- 1\npri", options: { row: 1, col: 3, line: "pri", post: "\ny" } });
  });
});
