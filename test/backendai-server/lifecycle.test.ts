// Why: the test manager's start phases, cluster-side terminations (exec timeout, idle timeout,
// OOM, admin kill), completion (spec §5.5) and HTML console items (spec §5.3), against real kernels.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startBackendAiTestServer, type BackendAiTestServer } from "./server";
import { client, field, stdout } from "./test-client";

let srv: BackendAiTestServer;
beforeAll(async () => {
  // A long flush window keeps a `continue` waiting while a kill lands (the kill tests below).
  srv = await startBackendAiTestServer({ flushMs: 800 });
});
afterAll(async () => {
  await srv.close();
});

const { call, admin, exec, runToEnd } = client(() => srv);
const statusOf = async (name: string) => z.object({ status: z.string() }).parse((await call("GET", `/session/${name}`)).body).status;

async function sessionById(id: unknown) {
  const query = "query($id: UUID!) { compute_session(id: $id) { status status_info status_data } }";
  const res = await call("POST", "/admin/gql", { query, variables: { id } });
  return z.object({ data: z.object({ compute_session: z.object({ status: z.string(), status_info: z.string().nullable(), status_data: z.string() }) }) }).parse(res.body).data.compute_session;
}

describe("start phases", () => {
  it("walks PENDING → SCHEDULED → PULLING → PREPARING → RUNNING, holding each phase as configured", async () => {
    await admin("/faults", { phaseMs: { PENDING: 100, SCHEDULED: 100, PULLING: 100, PREPARING: 100 } });
    const created = await call("POST", "/session", { name: "phase-01", image: "R", enqueueOnly: true });
    await admin("/faults", { phaseMs: {} });
    expect(created).toMatchObject({ status: 201, body: { status: "PENDING", servicePorts: [] } });
    await expect.poll(() => statusOf("phase-01"), { timeout: 10_000 }).toBe("RUNNING");
    const query = "query($id: UUID!) { compute_session(id: $id) { status_history } }";
    const res = await call("POST", "/admin/gql", { query, variables: { id: field(created, "sessionId") } });
    const history = JSON.parse(z.object({ data: z.object({ compute_session: z.object({ status_history: z.string() }) }) }).parse(res.body).data.compute_session.status_history) as Record<string, string>;
    expect(Object.keys(history)).toEqual(["PENDING", "SCHEDULED", "PULLING", "PREPARING", "RUNNING"]);
    const times = Object.values(history).map((t) => Date.parse(t));
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(95);
  });
});

describe("sessions ended by the cluster", () => {
  it("exec-timeout: the run answers with the output so far, then the session is terminated", async () => {
    const id = field(await call("POST", "/session", { name: "exec-to-01", image: "R" }), "sessionId");
    srv.faults.execTimeoutMs = 600;
    const run = await runToEnd("exec-to-01", 'cat("still running...\\n"); Sys.sleep(30)');
    srv.faults.execTimeoutMs = 0;
    expect(run.statuses.at(-1)).toBe("exec-timeout");
    expect(run.exitCode).toBeNull();
    expect(stdout(run.console)).toBe("still running...\n");
    await expect.poll(() => sessionById(id)).toMatchObject({ status: "TERMINATED", status_info: "exec-timeout" });
    expect(field(await call("POST", "/session/exec-to-01", { mode: "query", code: "1", runId: null }), "title")).toBe("No such session.");
  });

  it.each([
    ["idle-timeout", "idle-timeout", {}],
    ["oom-killed", "self-terminated", { kernel: { exit_code: 137 } }],
    ["admin-kill", "force-terminated", {}],
  ] as const)("%s: a run in flight finishes with exit code 130 and status_info %s", async (reason, info, data) => {
    const name = `kill-${reason}`;
    const id = field(await call("POST", "/session", { name, image: "python" }), "sessionId");
    const first = exec(await call("POST", `/session/${name}`, { mode: "query", code: "import time\nprint('before', flush=True)\ntime.sleep(30)", runId: "k1" }));
    expect(first.console).toEqual([["stdout", "before\n"]]);
    const [polled, killed] = await Promise.all([
      call("POST", `/session/${name}`, { mode: "continue", code: "", runId: "k1" }),
      admin(`/sessions/${name}/kill`, { reason, afterMs: 300 }),
    ]);
    expect(killed).toBe(204);
    expect(exec(polled)).toMatchObject({ status: "finished", exitCode: 130, console: [] });
    const s = await sessionById(id);
    expect(s).toMatchObject({ status: "TERMINATED", status_info: info });
    expect(JSON.parse(s.status_data)).toEqual(data);
  });

  it("an app-only image has no query mode", async () => {
    await call("POST", "/session", { name: "app-only-01", image: "lablup/r-base:4.6.1" });
    const res = await call("POST", "/session/app-only-01", { mode: "query", code: "1", runId: null });
    expect(res).toMatchObject({ status: 500, body: { type: "https://api.backend.ai/probs/kernel-execution-failed" } });
  });
});

describe("completion and HTML", () => {
  const complete = (name: string, line: string) =>
    call("POST", `/session/${name}/complete`, { code: line, options: { row: 0, col: line.length, line, post: "" } });
  const completions = (r: { body: unknown }) => z.object({ result: z.object({ status: z.literal("finished"), completions: z.array(z.string()) }) }).parse(r.body).result.completions;

  it("completes with R's own completer in the session, silently", async () => {
    await call("POST", "/session", { name: "comp-r-01", image: "R" });
    await runToEnd("comp-r-01", "my_data <- list(alpha = 1, beta = 2)");
    expect(completions(await complete("comp-r-01", "my_da"))).toEqual(["my_data"]);
    expect(completions(await complete("comp-r-01", "my_data$al"))).toEqual(["my_data$alpha"]);
    expect(completions(await complete("comp-r-01", "Sys.tim"))).toContain("Sys.time");
    expect(completions(await complete("comp-r-01", "zzzqqq"))).toEqual([]);
    expect((await runToEnd("comp-r-01", "1")).console).toEqual([["stdout", "[1] 1\n"]]);
  });

  it("completes Python names and shows _repr_html_ objects as html items", async () => {
    await call("POST", "/session", { name: "comp-py-01", image: "python" });
    await runToEnd("comp-py-01", "class Table:\n    def _repr_html_(self):\n        return '<table><tr><td>1</td></tr></table>'\nvalue_one = 1");
    expect(completions(await complete("comp-py-01", "value_o"))).toEqual(["value_one"]);
    const shown = await runToEnd("comp-py-01", "print('x')\nTable()");
    expect(shown.console).toEqual([["stdout", "x\n"], ["html", "<table><tr><td>1</td></tr></table>"]]);
  });

  it("times out like the agent when the fault is on", async () => {
    await admin("/faults", { completeTimeout: true });
    const res = await complete("comp-r-01", "pri");
    await admin("/faults", { completeTimeout: false });
    expect(res).toMatchObject({
      status: 500,
      body: { type: "https://api.backend.ai/probs/kernel-execution-failed", "agent-details": { type: "https://api.backend.ai/probs/agent-timeout", title: null } },
    });
  });
});
