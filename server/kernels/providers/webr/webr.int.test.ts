// The webR provider against real embedded R: the shared contract, then what is specific to webR
// (exact event shapes, a clean workspace, plots, interrupt safety, worker death, files vs cells).
import { describe, expect, it } from "vitest";
import { sharedKernel } from "@/test/shared-kernel";
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import { runProviderContract } from "../../contract";
import type { KernelProvider } from "../../types";
import { createWebRProvider } from "./index";

runProviderContract("webr", () => createWebRProvider());

describe("webr provider", () => {
  const provider: KernelProvider = createWebRProvider();
  const kernel = sharedKernel(provider);
  const { run } = kernel;
  const stdout = (events: ExecEvent[]) =>
    events.map((e) => (e.type === "stream" && e.name === "stdout" ? e.text : "")).join("");

  it("reports the R version and one spec", async () => {
    const started = await provider.start();
    await provider.shutdown(started.remoteId);
    expect(started.runtime).toMatch(/^R 4\.\d+\.\d+ \(webR 0\.6\.0\)$/);
    expect(await provider.listSpecs()).toEqual([{ name: "r", displayName: expect.stringMatching(/^R 4\.\d+ — embedded webR$/), language: "r" }]);
  });

  it("gives visible values as execute_result text and print() output as stdout", async () => {
    expect(await run("1+1")).toEqual([{ type: "execute_result", data: { "text/plain": "[1] 2" } }]);
    expect(await run("x <- 1; invisible(2)")).toEqual([]);
    const frame = await run("head(cars, 3)");
    expect(frame).toMatchObject([{ type: "execute_result", data: { "text/plain": "  speed dist\n1     4    2\n2     4   10\n3     7    4" } }]);
    expect(stdout(await run("print(head(cars, 3))"))).toBe("  speed dist\n1     4    2\n2     4   10\n3     7    4\n");
  });

  it("streams the lines of a single slow loop while it runs, and cat() to stderr()", async () => {
    const arrivals: { text: string; at: number }[] = [];
    for await (const e of provider.execute(kernel.id, { code: 'for (i in 1:4) { cat("tick", i, "\\n"); Sys.sleep(0.3) }\ncat("err\\n", file = stderr())' })) {
      if (e.type === "stream") arrivals.push({ text: e.text, at: Date.now() });
    }
    const first = arrivals.find((a) => a.text.includes("tick 1"));
    const last = arrivals.find((a) => a.text.includes("tick 4"));
    expect(first && last && last.at - first.at).toBeGreaterThan(600);
    expect(arrivals.at(-1)?.text).toContain("err");
  });

  it("keeps warnings, messages, partial lines and errors distinct and in order", async () => {
    const events = await run('cat("a"); message("m"); warning("w"); cat("b\\n"); stop("e")');
    expect(events).toEqual([
      { type: "stream", name: "stdout", text: "a" },
      { type: "message", text: "m\n" },
      { type: "warning", text: "w" },
      { type: "stream", name: "stdout", text: "b\n" },
      { type: "error", ename: "Error", evalue: "e", traceback: ["Error: e"] },
    ]);
  });

  it("reports parse errors and tracebacks the way the R console words them", async () => {
    const [parse] = await run("1 +* 2");
    expect(parse).toMatchObject({ type: "error", ename: "Error", evalue: expect.stringContaining("unexpected '*'") });
    const [nested] = await run('f <- function() stop("deep"); g <- function() f(); g()');
    expect(nested).toEqual({
      type: "error",
      ename: "Error",
      evalue: "deep",
      traceback: ["Error in f() : deep", "", "Traceback:", "1. g()", "2. f()", '3. stop("deep")'],
    });
  });

  it("autoprints with print methods defined in the workspace, and reports their errors", async () => {
    const [shown] = await run('print.money <- function(x, ...) cat("$", unclass(x), "\\n", sep = ""); structure(5, class = "money")');
    expect(shown).toEqual({ type: "execute_result", data: { "text/plain": "$5" } });
    const [failed] = await run('print.bad <- function(x, ...) stop("cannot show"); structure(1, class = "bad")');
    expect(failed).toMatchObject({ type: "error", evalue: "cannot show" });
  });

  it("survives runaway recursion with a shortened traceback", async () => {
    const [error] = await run("f <- function(n) f(n + 1); f(1)");
    expect(error).toMatchObject({ type: "error", ename: "Error", evalue: expect.stringContaining("nested too deeply") });
    const traceback = error?.type === "error" ? error.traceback : [];
    expect(traceback).toContain("1. f(1)");
    expect(traceback.some((line) => /^\.\.\. \d+ more \.\.\.$/.test(line))).toBe(true);
    expect(traceback.length).toBeLessThan(30);
    expect(await run("1+1")).toEqual([{ type: "execute_result", data: { "text/plain": "[1] 2" } }]);
  });

  it("passes any code text through to R unchanged", async () => {
    const code = String.raw`s <- "say \"hi\" \\ done"  # é ✓` + "\u0001\t\r\n" + String.raw`cat(s, "\n")`;
    expect(stdout(await run(code))).toBe('say "hi" \\ done \n');
    expect(await run("x <- '\u0000'")).toMatchObject([{ type: "error", evalue: expect.stringContaining("NUL") }]);
  });

  it("delivers a 5000-line output complete and in order", async () => {
    const text = stdout(await run('for (i in 1:5000) cat("line", i, "\\n")'));
    const expected = Array.from({ length: 5000 }, (_, i) => `line ${i + 1} \n`).join("");
    expect(text).toBe(expected);
  });

  it("leaves nothing in the workspace or on the search path", async () => {
    await provider.restart(kernel.id);
    await run('plot(1); message("m"); warning("w"); 1+1; stop("x")');
    const [listing] = await run("ls(globalenv(), all.names = TRUE)");
    expect(listing).toEqual({ type: "execute_result", data: { "text/plain": "character(0)" } });
    const [search] = await run("search()");
    expect(search?.type === "execute_result" && search.data["text/plain"]).not.toMatch(/kernelbook/i);
  });

  it("sends each plot page, none without a plot, and closes its device after the cell", async () => {
    // A page is sent when the next one starts; the last one when the cell ends, after its result.
    const pages = (await run("for (i in 1:3) plot(i); 1")).map((e) => e.type);
    expect(pages).toEqual(["display_data", "display_data", "execute_result", "display_data"]);
    expect(await run("x <- 1")).toEqual([]);
    const [device] = await run("names(dev.cur())");
    expect(device).toEqual({ type: "execute_result", data: { "text/plain": '[1] "null device"' } });
    expect((await run('plot(1); stop("after the plot")')).map((e) => e.type)).toEqual(["display_data", "error"]);
  });

  it("interrupts with an Interrupted error and stays usable", async () => {
    const pending = run("Sys.sleep(100)");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await provider.interrupt(kernel.id);
    expect(await pending).toEqual([{ type: "error", ename: "Interrupted", evalue: "Execution interrupted", traceback: ["Execution interrupted"] }]);
    expect(await run("1+1")).toEqual([{ type: "execute_result", data: { "text/plain": "[1] 2" } }]);
  });

  it("never lets an interrupt leak into a later cell", async () => {
    await provider.interrupt(kernel.id); // idle: nothing to interrupt
    for (let i = 0; i < 10; i++) {
      const quick = run("y <- 1");
      await provider.interrupt(kernel.id); // races the end of the cell
      await quick;
      expect(await run("Sys.sleep(0.1); 2")).toEqual([{ type: "execute_result", data: { "text/plain": "[1] 2" } }]);
    }
  });

  it("refuses a second execution while one runs (BUSY), and an abort only stops the waiting", async () => {
    const controller = new AbortController();
    const first = run('Sys.sleep(1); cat("done\\n")', controller.signal);
    await expect(run("1")).rejects.toMatchObject({ code: "BUSY" });
    controller.abort();
    await expect(first).rejects.toThrow();
    expect(await provider.status(kernel.id)).toBe("busy");
    const deadline = Date.now() + 10_000;
    while ((await provider.status(kernel.id)) === "busy" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await provider.status(kernel.id)).toBe("idle");
  });

  it("keeps files and cells apart: file work during a cell is BUSY, a cell during a write waits for it", async () => {
    const files = { list: provider.listFiles!.bind(provider), write: provider.writeFile!.bind(provider) };
    const sleeping = run("Sys.sleep(1)");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(files.list(kernel.id, ".")).rejects.toMatchObject({ code: "BUSY" });
    await sleeping;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const chunks = (async function* () {
      yield new TextEncoder().encode("a,b\n");
      await gate;
      yield new TextEncoder().encode("1,2\n");
    })();
    const writing = files.write(kernel.id, { path: "gated/x.csv", size: 8, chunks });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await provider.status(kernel.id)).toBe("busy");
    const reading = run('cat(nrow(read.csv("gated/x.csv")))');
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await writing;
    expect(stdout(await reading)).toBe("1");
    expect(await files.list(kernel.id, "gated")).toEqual([{ name: "x.csv", size: 8, isDirectory: false, modifiedAt: expect.stringMatching(/Z$/) }]);
    await expect(files.list(kernel.id, "nowhere")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(files.list(kernel.id, "../etc")).rejects.toMatchObject({ code: "INVALID" });
  });

  it("ends a running execution with DEAD when the kernel is restarted under it", async () => {
    const running = run("Sys.sleep(30)").then(() => undefined, (error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await provider.restart(kernel.id);
    expect(await running).toMatchObject({ code: "DEAD", message: expect.stringContaining("restarted") });
    expect(await provider.status(kernel.id)).toBe("idle");
  });

  it.each([
    ["quits", 'q("no")'],
    ["crashes (WebAssembly stack overflow)", "options(expressions = 500000); f <- function(n) f(n + 1); f(1)"],
  ])("reports DEAD when R %s, and comes back on restart", async (_, code) => {
    const error = await run(code).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(KernelError);
    expect((error as KernelError).code).toBe("DEAD");
    expect(await provider.status(kernel.id)).toBe("dead");
    await expect(run("1")).rejects.toMatchObject({ code: "DEAD" });
    await provider.restart(kernel.id);
    expect(await run("1+1")).toEqual([{ type: "execute_result", data: { "text/plain": "[1] 2" } }]);
  });
});
