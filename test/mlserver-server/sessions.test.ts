// Why: §2.1–2.6 and §3 against real R (and Python): create/list/close, the blocking execute with
// console-output polled mid-run, inputs/outputs, R errors as success:false, history, cancel,
// lost sessions; every exchange must pass the swagger check.
import { describe, expect, it } from "vitest";
import type { MlServerTestServer } from "./server";
import { serveSuite } from "./suite-server";
import { TestClient } from "./test-client";

let srv: MlServerTestServer;
let c: TestClient;
serveSuite({}, (server, client) => {
  srv = server;
  c = client;
});

async function consoleOf(id: string): Promise<string> {
  const res = await c.call("GET", `/sessions/${id}/console-output`);
  return (res.json as { consoleOutput: string }).consoleOutput;
}

describe("ML Server test server: sessions and execute (§2, §3)", () => {
  it("executes R and answers the spec example's fields exactly", async () => {
    const id = await c.createSession({ name: "ide-session-1", runtimeType: "R" });
    expect(await c.execute(id, "x <- 2 + 3\nprint(x)")).toEqual({ success: true, errorMessage: "", outputParameters: [], consoleOutput: "[1] 5\r\n", changedFiles: [] });
    expect(await c.execute(id, "x * 10")).toMatchObject({ consoleOutput: "[1] 50\r\n" });
    expect((await c.call("GET", `/sessions/${id}/history`)).json).toEqual(["x <- 2 + 3\nprint(x)", "x * 10"]);
    expect(await consoleOf(id)).toBe("[1] 50\r\n");
  });

  it("creates input parameters before the run and returns the requested outputs", async () => {
    const id = await c.createSession({});
    const r = await c.execute(id, "out1 <- x + y\nscores <- data.frame(id = 1:2, score = c(0.83, 0.41))\nv <- c(a, 4)", {
      inputParameters: [{ name: "x", value: 120 }, { name: "y", value: 130 }, { name: "a", value: [1, 2, 3] }],
      outputParameters: ["out1", "scores", "v"],
    });
    expect(r.outputParameters).toEqual([
      { name: "out1", value: 250 },
      { name: "scores", value: { id: [1, 2], score: [0.83, 0.41] } },
      { name: "v", value: [1, 2, 3, 4] },
    ]);
    const df = await c.execute(id, "n <- nrow(d); s <- sum(d$score)", { inputParameters: [{ name: "d", value: { id: [1, 2, 3], score: [1, 2, 3.5] } }], outputParameters: ["n", "s"] });
    expect(df.outputParameters).toEqual([{ name: "n", value: 3 }, { name: "s", value: 6.5 }]);
  });

  it("reports an R error as HTTP 200 with success:false and R's message; output before it stays", async () => {
    const id = await c.createSession({});
    expect(await c.execute(id, 'log("a")')).toEqual({
      success: false, errorMessage: 'Error in log("a") : non-numeric argument to mathematical function\r\n', outputParameters: [], consoleOutput: "", changedFiles: [],
    });
    const r = await c.execute(id, 'cat("before\\n"); warning("careful"); stop("boom"); cat("never")', { outputParameters: ["nothing"] });
    expect(r).toMatchObject({ success: false, errorMessage: "Error: boom\r\n", consoleOutput: "before\r\nWarning message:\r\ncareful\r\n" });
    expect((await c.execute(id, "x y")).errorMessage).toMatch(/^Error: <text>:1:3: unexpected symbol/);
    expect((await c.execute(id, "quit()")).errorMessage).toContain("not available in a remote session");
    expect((await c.execute(id, "1 + 1")).consoleOutput).toBe("[1] 2\r\n");
  });

  it("blocks execute until the run ends while console-output shows the text so far", async () => {
    const id = await c.createSession({});
    const started = Date.now();
    const run = c.execute(id, 'for (i in 1:6) { cat("tick", i, "\\n"); Sys.sleep(0.25) }');
    let seen = "";
    while (!/tick 3/.test(seen)) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await consoleOf(id);
    }
    expect(seen).not.toContain("tick 6");
    const done = await run;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(done.consoleOutput).toBe([1, 2, 3, 4, 5, 6].map((i) => `tick ${i} \r\n`).join(""));
    expect(done.consoleOutput.startsWith(seen)).toBe(true);
  });

  it("cancels a running execution; the session stays usable", async () => {
    const id = await c.createSession({});
    await c.execute(id, "keep <- 42");
    const run = c.execute(id, 'cat("start\\n"); Sys.sleep(30)');
    while (!(await consoleOf(id)).includes("start")) await new Promise((r) => setTimeout(r, 50));
    const cancel = await c.call("POST", `/sessions/${id}/cancel`);
    expect(cancel.status).toBe(200);
    expect(await run).toMatchObject({ success: false, errorMessage: "Execution interrupted\r\n", consoleOutput: "start\r\n" });
    expect((await c.execute(id, "keep")).consoleOutput).toBe("[1] 42\r\n");
  });

  it("closes sessions (plain and force) and answers 404 for unknown ones", async () => {
    const a = await c.createSession({ name: "a" });
    const b = await c.createSession({ name: "b" });
    expect((await c.call("DELETE", `/sessions/${a}`)).status).toBe(200);
    expect((await c.call("DELETE", `/sessions/${b}/force`)).status).toBe(200);
    const ids = ((await c.call("GET", "/sessions")).json as { id: string }[]).map((s) => s.id);
    expect(ids).not.toContain(a);
    expect(ids).not.toContain(b);
    const gone = await c.call("POST", `/sessions/${a}/execute`, { json: { code: "1" } });
    expect(gone).toMatchObject({ status: 404, json: { message: `Session '${a}' not found.` } });
    expect((await c.call("POST", "/sessions/00000000-0000-0000-0000-000000000000/cancel")).status).toBe(404);
    expect((await c.call("DELETE", `/sessions/${a}`)).status).toBe(404);
  });

  it("loses a session mid-run: the execute answers 404, the workspace 410, the list drops it", async () => {
    const id = await c.createSession({});
    const run = c.call("POST", `/sessions/${id}/execute`, { json: { code: "Sys.sleep(30)" } });
    srv.dropSession(id, { afterMs: 300 });
    const res = await run;
    expect(res.status).toBe(404);
    expect(((await c.call("GET", "/sessions")).json as { id: string }[]).map((s) => s.id)).not.toContain(id);
    expect((await c.call("GET", `/sessions/${id}/workspace`)).status).toBe(410);
    expect((await c.call("GET", `/sessions/${id}/console-output`)).status).toBe(404);
  });

  it("runs Python sessions too", async () => {
    const id = await c.createSession({ runtimeType: "Python" });
    expect((await c.call("GET", "/sessions")).json).toContainEqual(expect.objectContaining({ id, runtimeType: "Python" }));
    expect(await c.execute(id, "a = 20\na + 22")).toMatchObject({ success: true, consoleOutput: "42\r\n" });
    const io = await c.execute(id, "total = sum(xs) * k", { inputParameters: [{ name: "xs", value: [7, 3.2, 4.7, 1.4] }, { name: "k", value: 2 }], outputParameters: ["total"] });
    expect(io.outputParameters).toEqual([{ name: "total", value: expect.closeTo(32.6, 9) }]);
    const err = await c.execute(id, "print('x')\n1/0");
    expect(err).toMatchObject({ success: false, consoleOutput: "x\r\n", errorMessage: "ZeroDivisionError: division by zero\r\n" });
  });
});

describe("ML Server test server: status (§2.10) and what it does not implement", () => {
  it("answers 501 for the realtime-service and compute-node operations", async () => {
    expect((await c.call("GET", "/computenodes")).status).toBe(501);
    const form = new FormData();
    form.append("model", new Blob([new Uint8Array([1])]), "model.bin");
    expect((await c.call("POST", "/realtime-services/rt", { body: form })).status).toBe(501);
  });


  it("answers pass with the example's shape", async () => {
    const res = await c.call("GET", "/status");
    expect(res.json).toMatchObject({ statusCode: "pass", components: { backends: { statusCode: "pass" }, database: { statusCode: "pass", components: null } } });
    expect((await c.call("GET", "/status", { token: null })).status).toBe(401);
    // A call without a bearer token is a client bug the check reports (§1.3).
    expect(srv.violations.splice(0)).toEqual(['GET /status: status needs "Authorization: Bearer <access_token>" (§1.3)']);
  });
});
