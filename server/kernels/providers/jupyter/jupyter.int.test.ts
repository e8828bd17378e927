// The jupyter provider against a real Debian jupyter-server with IRkernel: the shared contract,
// then what is specific to Jupyter (value bundles, kernel death, stdin, completion, help, the
// environment pane, files, authentication and reachability errors).
import { afterAll, describe, expect, it } from "vitest";
import { sharedKernel } from "@/test/shared-kernel";
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import { startJupyterServer } from "@/test/jupyter-server.mjs";
import { runProviderContract } from "../../contract";
import type { KernelProvider } from "../../types";
import { createJupyterProvider } from "./index";

const server = await startJupyterServer();
afterAll(() => server.stop());

const connect = () => createJupyterProvider({ baseUrl: server.url, token: server.token });

runProviderContract("jupyter", connect);

describe("jupyter provider", () => {
  const provider: KernelProvider = connect();
  const kernel = sharedKernel(provider);
  const { run } = kernel;
  const stdout = (events: ExecEvent[]) => events.map((e) => (e.type === "stream" && e.name === "stdout" ? e.text : "")).join("");
  const plain = (events: ExecEvent[]) => events.map((e) => (e.type === "execute_result" ? (e.data["text/plain"] ?? "") : "")).join("\n");
  const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

  it("offers IRkernel's spec and reports its runtime", async () => {
    expect(await provider.listSpecs()).toContainEqual({ name: "ir", displayName: "R (IRkernel) — Jupyter", language: "r" });
    const started = await provider.start({ spec: "ir" });
    await provider.shutdown(started.remoteId);
    expect(started.runtime).toMatch(/^R 4\.\d+\.\d+ \(IRkernel\)$/);
    expect(await failureOf(provider.start({ spec: "no-such-spec" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives a value as one execute_result with IRkernel's whole MIME bundle", async () => {
    const events = await run("1+1");
    expect(events).toEqual([{ type: "execute_result", data: expect.objectContaining({ "text/plain": "[1] 2", "text/html": "2" }) }]);
    expect(await run("x <- 1; invisible(2)")).toEqual([]);
    expect(stdout(await run('print("p"); cat("c\\n")'))).toBe('[1] "p"\nc\n');
  });

  it("streams each top-level expression's output as it ends", async () => {
    const arrivals: { text: string; at: number }[] = [];
    for await (const event of provider.execute(kernel.id, { code: 'cat("tick 1\\n")\nSys.sleep(1)\ncat("tick 2\\n")' })) {
      if (event.type === "stream") arrivals.push({ text: event.text, at: Date.now() });
    }
    expect(arrivals.map((a) => a.text)).toEqual(["tick 1\n", "tick 2\n"]);
    expect(arrivals[1]!.at - arrivals[0]!.at).toBeGreaterThan(800);
  });

  it("reports message() on stderr; an error ends the cell at its line and the kernel goes on", async () => {
    const noted = await run('message("note to self")');
    expect(noted).toEqual([{ type: "stream", name: "stderr", text: expect.stringContaining("note to self") }]);
    const events = await run('cat("before\\n")\nstop("boom")\ncat("after\\n")');
    expect(events.filter((e) => e.type === "error")).toHaveLength(1);
    expect(stdout(events)).toBe("before\n");
    expect(plain(await run("1+1"))).toBe("[1] 2");
  });

  it("keeps an error's traceback lines as the kernel sent them", async () => {
    const [error] = await run('f <- function() stop("deep"); g <- function() f(); g()');
    expect(error).toMatchObject({ type: "error", evalue: expect.stringContaining("deep") });
    expect(error?.type === "error" && error.traceback).toEqual(expect.arrayContaining(["1. g()"]));
  });

  it("refuses a second cell while one runs (BUSY); an interrupt ends it with an Interrupted error", async () => {
    const events: ExecEvent[] = [];
    const first = (async () => {
      for await (const event of provider.execute(kernel.id, { code: 'cat("sleeping\\n"); Sys.sleep(30)' })) events.push(event);
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await failureOf(run("1"))).toMatchObject({ code: "BUSY" });
    const interruptedAt = Date.now();
    await provider.interrupt(kernel.id);
    await first;
    expect(Date.now() - interruptedAt).toBeLessThan(5000);
    expect(events.at(-1)).toEqual({ type: "error", ename: "Interrupted", evalue: "Execution interrupted", traceback: [] });
    expect(plain(await run("1+1"))).toBe("[1] 2");
  });

  it("asks for input (stdin) and goes on with the answer", async () => {
    expect(await failureOf(provider.sendInput!(kernel.id, "nobody asked"))).toMatchObject({ code: "NOT_FOUND" });
    const events: ExecEvent[] = [];
    for await (const event of provider.execute(kernel.id, { code: 'name <- readline("Name? "); cat("Hello,", name, "\\n")' })) {
      events.push(event);
      if (event.type === "input_request") await provider.sendInput!(kernel.id, "Ada");
    }
    expect(events[0]).toEqual({ type: "input_request", prompt: "Name? ", password: false });
    expect(stdout(events)).toBe("Hello, Ada \n");
  });

  it("completes names and data frame columns, with editor (UTF-16) offsets", async () => {
    const names = await provider.complete!(kernel.id, { code: "summ", cursor: 4 });
    expect(names.matches).toContain("summary");
    expect([names.cursorStart, names.cursorEnd]).toEqual([0, 4]);
    await run("df <- data.frame(alpha = 1, beta = 2)");
    const columns = await provider.complete!(kernel.id, { code: "df$", cursor: 3 });
    expect(columns.matches.join(" ")).toMatch(/alpha/);
    expect(columns.matches.join(" ")).toMatch(/beta/);
    const code = '"😀"; summ';
    const after = await provider.complete!(kernel.id, { code, cursor: code.length });
    expect(after.matches).toContain("summary");
    expect(code.slice(after.cursorStart, after.cursorEnd)).toBe("summ");
  });

  it("finds help as plain text, and says when there is none", async () => {
    const help = await provider.inspect!(kernel.id, { code: "summary", cursor: 7 });
    expect(help.found).toBe(true);
    const text = help.found ? help.text : "";
    expect(text).toContain("Object Summaries");
    expect(text).not.toMatch(/[\u0008\u001b]/);
    expect(await provider.inspect!(kernel.id, { code: "no_such_thing_here", cursor: 5 })).toEqual({ found: false });
  });

  it("lists the workspace fast, without changing it or printing anything", async () => {
    await provider.restart(kernel.id);
    await run("x <- 1:10; big <- data.frame(a = seq_len(1e7)); words <- as.character(seq_len(2e6))");
    const before = await run("ls(all.names = TRUE)");
    await run('"marker"');
    const started = Date.now();
    const listed = await provider.variables!(kernel.id);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1500);
    expect(listed.map((v) => v.name)).toEqual(["big", "words", "x"]);
    expect(listed).toContainEqual({ name: "x", type: "integer", shape: "length 10", sizeBytes: expect.any(Number), preview: "1 2 3 4 5 6 ..." });
    const big = listed.find((v) => v.name === "big");
    expect(big).toMatchObject({ type: "data.frame", shape: "10000000 x 1", preview: "a" });
    expect(big?.sizeBytes).toBeGreaterThan(4e7 * 0.9);
    expect(listed.find((v) => v.name === "words")).toMatchObject({ type: "character", shape: "length 2000000", preview: '"1" "2" "3" "4" "5" "6" ...' });
    // Nothing printed, assigned or counted: .Last.value is still the cell's value, ls() unchanged.
    expect(await run(".Last.value")).toEqual([{ type: "execute_result", data: expect.objectContaining({ "text/plain": '[1] "marker"' }) }]);
    expect(await run("ls(all.names = TRUE)")).toEqual(before);
  });

  it("reports DEAD after the output printed before the process was killed; restart brings it back", async () => {
    const pid = Number(/^\[1\] (\d+)$/.exec(plain(await run("dead_marker <- 1; Sys.getpid()")))?.[1]);
    expect(pid).toBeGreaterThan(0);
    const events: ExecEvent[] = [];
    let killedAt = 0;
    const error = await failureOf((async () => {
      for await (const event of provider.execute(kernel.id, { code: 'cat("before\\n"); Sys.sleep(10); cat("after\\n")' })) {
        events.push(event);
        if (!killedAt && stdout(events).includes("before")) {
          killedAt = Date.now();
          process.kill(pid, "SIGKILL");
        }
      }
    })());
    expect(error).toBeInstanceOf(KernelError);
    expect(error).toMatchObject({ code: "DEAD", message: expect.stringMatching(/died/) });
    expect(Date.now() - killedAt).toBeLessThan(8000);
    expect(stdout(events)).toBe("before\n");
    expect(await provider.status(kernel.id)).toBe("dead");
    expect(await failureOf(run("1"))).toMatchObject({ code: "DEAD" });
    await provider.restart(kernel.id);
    expect(await provider.status(kernel.id)).toBe("idle");
    expect(plain(await run('exists("dead_marker")'))).toBe("[1] FALSE");
  });

  it("works with a kernel another provider instance started (ids survive the process)", async () => {
    const other = connect();
    const { remoteId } = await other.start();
    expect(plain(await (async () => {
      const events: ExecEvent[] = [];
      for await (const event of connect().execute(remoteId, { code: "40 + 2" })) events.push(event);
      return events;
    })())).toBe("[1] 42");
    await other.shutdown(remoteId);
    expect(await failureOf(connect().status(remoteId))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("explains a wrong token and an unreachable server without showing the token", async () => {
    const wrong = createJupyterProvider({ baseUrl: server.url, token: "wrong-token-0123456789" });
    for (const attempt of [() => wrong.listSpecs(), () => wrong.start()]) {
      const error = await failureOf(attempt());
      expect(error).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/token/) });
      expect((error as Error).message).not.toContain("wrong-token-0123456789");
      expect((error as Error).message).not.toContain(server.token);
    }
    const nowhere = createJupyterProvider({ baseUrl: "http://127.0.0.1:9", token: server.token });
    const error = await failureOf(nowhere.start());
    expect(error).toMatchObject({ code: "UNAVAILABLE", message: "The Jupyter server at http://127.0.0.1:9 cannot be reached." });
  });

  it("works on the kernel's working directory through the contents API, both ways", async () => {
    const files = { list: provider.listFiles!.bind(provider), get: provider.downloadFile!.bind(provider), put: provider.uploadFile!.bind(provider) };
    await run('writeLines("from R", "made-by-r.txt"); dir.create("made-by-r", showWarnings = FALSE)');
    const listed = await files.list(kernel.id, ".");
    expect(listed).toContainEqual({ name: "made-by-r.txt", size: 7, isDirectory: false, modifiedAt: expect.any(String) });
    expect(listed).toContainEqual(expect.objectContaining({ name: "made-by-r", isDirectory: true, size: 0 }));
    expect(new TextDecoder().decode(await files.get(kernel.id, "./made-by-r.txt"))).toBe("from R\n");
    await files.put(kernel.id, { path: "deep/er/empty.txt", data: new Uint8Array(0) });
    expect(stdout(await run('cat(file.exists("deep/er/empty.txt"), file.size("deep/er/empty.txt"))'))).toBe("TRUE 0");
    expect(await failureOf(files.list(kernel.id, "nowhere"))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(files.get(kernel.id, "nowhere.txt"))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(files.put(kernel.id, { path: "../outside.txt", data: new Uint8Array(1) }))).toMatchObject({ code: "INVALID" });
  });

  it("knows no kernel by an id the server does not have", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await failureOf(provider.status(unknown))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(provider.variables!(unknown))).toMatchObject({ code: "NOT_FOUND" });
  });
});
