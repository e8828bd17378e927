// Why: drives the Backend.AI test manager over HTTP with its own tiny signer (spec §2), against
// real R and Python kernels: auth rejections, lifecycle, execute/continue/input, plots, faults.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startBackendAiTestServer, type BackendAiTestServer } from "./server";
import { client, field, stderr, stdout } from "./test-client";

let srv: BackendAiTestServer;
beforeAll(async () => {
  srv = await startBackendAiTestServer({ flushMs: 400 });
});
afterAll(async () => {
  await srv.close();
});

const { call, admin, exec, runToEnd } = client(() => srv);

describe("backend.ai test server over HTTP", () => {
  it("answers the version probe and rejects bad requests like 24.09", async () => {
    const hello = await fetch(`${srv.endpoint}/`);
    expect(hello.headers.get("server")).toBe("BackendAI");
    expect(await hello.json()).toEqual({ version: "v8.20240915", manager: "24.09.0" });
    expect(field(await call("GET", "/no/such/path"), "type")).toMatch(/url-not-found$/);
    const badVersion = await call("GET", "/session/x", undefined, { mutate: (h) => (h["X-BackendAI-Version"] = "v9.20250722") });
    expect(badVersion).toMatchObject({ status: 400, body: { msg: "Unsupported API version." } });
    const skewed = await call("GET", "/session/xxxx", undefined, { date: new Date(Date.now() - 16 * 60_000) });
    expect(skewed).toMatchObject({ status: 400, body: { type: "https://api.backend.ai/probs/invalid-auth-params" } });
    const wrongKey = await call("GET", "/session/xxxx", undefined, { keys: [srv.accessKey, "nope"] });
    expect(wrongKey).toMatchObject({ status: 401, body: { type: "https://api.backend.ai/probs/auth-failed", title: "Credential/signature mismatch.", msg: "Signature mismatch" } });
    const tampered = await call("GET", "/session/xxxx", undefined, { mutate: (h) => (h["Content-Type"] = "text/plain") });
    expect(tampered.status).toBe(401);
    const missing = await call("GET", "/session/xxxx");
    expect(missing).toMatchObject({ status: 404, body: { type: "https://api.backend.ai/probs/object-not-found", title: "No such session.", msg: "Session (id=xxxx) does not exist." } });
  });

  it("runs an R session: lifecycle, stdout, persistence, plots, errors and input", async () => {
    const created = await call("POST", "/session", { name: "ide-r-01", image: "lablup/r-base:4.2.3", maxWaitSeconds: 60 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ sessionName: "ide-r-01", status: "RUNNING", created: true });
    const reused = await call("POST", "/session", { name: "ide-r-01", image: "lablup/r-base:4.2.3" });
    expect(reused.body).toMatchObject({ sessionId: field(created, "sessionId"), created: false });
    expect((await call("GET", "/session/ide-r-01")).body).toMatchObject({ status: "RUNNING", image: "index.docker.io/lablup/r-base:4.2.3" });

    expect(await runToEnd("ide-r-01", "1+1")).toMatchObject({ exitCode: 0, console: [["stdout", "[1] 2\n"]] });
    await runToEnd("ide-r-01", "x <- 41");
    expect(stdout((await runToEnd("ide-r-01", "x + 1")).console)).toBe("[1] 42\n");

    const plot = await runToEnd("ide-r-01", "plot(1:10)");
    const media = plot.console.find((i) => i[0] === "media") as [string, [string, string]];
    expect(media[1][0]).toBe("image/png");
    expect(media[1][1]).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);

    const err = await runToEnd("ide-r-01", 'cat("before\\n"); stop("boom")');
    expect(err.exitCode).toBe(0); // spec 5.4: query mode on Jupyter-backed runtimes
    expect(stdout(err.console)).toBe("before\n");
    expect(stderr(err.console)).toContain("boom");

    const asked = await runToEnd("ide-r-01", 'n <- readline("name? "); cat("Hello,", n, "\\n")', ["Lablup"]);
    expect(asked.statuses).toContain("waiting-input");
    expect(stdout(asked.console)).toBe("name? Hello, Lablup \n");

    const slow = await runToEnd("ide-r-01", 'cat("tick\\n"); Sys.sleep(1); cat("tock\\n")');
    expect(slow.statuses[0]).toBe("continued");
    expect(stdout(slow.console)).toBe("tick\ntock\n");

    expect((await call("PATCH", "/session/ide-r-01")).status).toBe(204);
    expect(stderr((await runToEnd("ide-r-01", "x")).console)).toContain("not found");

    const destroyed = await call("DELETE", "/session/ide-r-01");
    expect(destroyed).toMatchObject({ status: 200, body: { stats: { status: "terminated" } } });
    expect((await call("GET", "/session/ide-r-01")).status).toBe(404);
  });

  it("runs Python images and the Microsoft R Open alias", async () => {
    expect(field(await call("POST", "/session", { name: "ide-py-01", image: "lablup/python-cntk:2.7-py36" }), "status")).toBe("RUNNING");
    expect(await runToEnd("ide-py-01", "a = 20\na + 22")).toMatchObject({ exitCode: 0, console: [["stdout", "42\n"]] });
    const asked = await runToEnd("ide-py-01", "name = input('>> ')\nprint(f'Hello, {name}!')", ["Lablup"]);
    expect(stdout(asked.console)).toBe(">> Hello, Lablup!\n");
    expect(field(await call("POST", "/session", { name: "ide-mro-01", image: "lablup/kernel-r:mro-3.4.2-ubuntu" }), "status")).toBe("RUNNING");
    expect(stdout((await runToEnd("ide-mro-01", "1+1")).console)).toBe("[1] 2\n");
  });

  it("kills a session mid-run: the run finishes with 130 and the session is TERMINATED with the reason", async () => {
    const id = field(await call("POST", "/session", { name: "ide-kill-01", image: "R" }), "sessionId");
    const first = await call("POST", "/session/ide-kill-01", { mode: "query", code: "Sys.sleep(30)", runId: "r1", run_id: "r1" });
    expect(exec(first).status).toBe("continued");
    const [polled, killed] = await Promise.all([
      call("POST", "/session/ide-kill-01", { mode: "continue", code: "", runId: "r1" }),
      admin("/sessions/ide-kill-01/kill", { afterMs: 50, reason: "idle-timeout" }),
    ]);
    expect(killed).toBe(204);
    expect(field(polled, "result")).toEqual({ status: "finished", runId: "r1", exitCode: 130, options: {}, files: [], console: [] });
    expect((await call("GET", "/session/ide-kill-01")).status).toBe(404);
    const query = "query($status: String) { compute_session_list(limit: 10, offset: 0, status: $status) { items { name status } total_count } }";
    const list = await call("POST", "/admin/gql", { query, variables: { status: "TERMINATED" } });
    const ZList = z.object({ data: z.object({ compute_session_list: z.object({ items: z.array(z.object({ name: z.string(), status: z.literal("TERMINATED") })) }) }) });
    expect(ZList.parse(list.body).data.compute_session_list.items.map((s) => s.name)).toContain("ide-kill-01");
    const one = await call("POST", "/admin/gql", { query: "query($id: UUID!) { compute_session(id: $id) { status status_info status_data } }", variables: { id } });
    expect(one.body).toEqual({ data: { compute_session: { status: "TERMINATED", status_info: "idle-timeout", status_data: "{}" } } });
  });

  it("switches on creation refusals, unknown images and keypair expiry", async () => {
    expect(await admin("/faults", { refuseCreation: "quota-exceeded" })).toBe(200);
    expect(await call("POST", "/session", { name: "ide-q-01", image: "R" })).toMatchObject({ status: 412, body: { type: "https://api.backend.ai/probs/quota-exceeded" } });
    await admin("/faults", { refuseCreation: "concurrency-limit" });
    expect(field(await call("POST", "/session", { name: "ide-q-02", image: "R", maxWaitSeconds: 1 }), "status")).toBe("TIMEOUT");
    expect((await call("GET", "/session/ide-q-02")).body).toMatchObject({ status: "PENDING", statusInfo: "predicate-checks-failed" });
    await admin("/faults", { refuseCreation: null });
    expect(field(await call("POST", "/session", { name: "ide-q-03", image: "nope/nothing:1" }), "title")).toBe("No such environment image.");
    expect((await fetch(`${srv.endpoint}/_test/faults`, { method: "POST", body: "{}" })).status).toBe(404);
    srv.expireKeypair(srv.accessKey);
    expect(await call("GET", "/session/ide-q-02")).toMatchObject({ status: 401, body: { msg: "Access key not found" } });
  });
});
