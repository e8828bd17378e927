import { describe, expect, it } from "vitest";
import { KernelError } from "@/server/errors";
import { errorEvent } from "./execution";
import { FakeMlServer, type FakeSession } from "./fake-ml-server";
import { FIXTURES, SESSION_ID } from "./fixtures";
import { collectEvents as collect, streamText as stdout } from "@/test/kernel-events";

const PNG = Uint8Array.from(Buffer.from(FIXTURES["download-plot"], "base64"));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nonceOf = (code: string) => /nonce <- "([0-9a-f]{16})"/.exec(code)?.[1] ?? "";
const start = (code: string) => `##kb-${nonceOf(code)}:start:##\r\n`;
const mark = (code: string, kind: string, text: string) => `##kb-${nonceOf(code)}:${kind}:${encodeURIComponent(text)}##\r\n`;
const ok = (consoleOutput: string, changedFiles: string[] = []) => ({ success: true, errorMessage: "", outputParameters: [], consoleOutput, changedFiles });

async function started(fake = new FakeMlServer()) {
  const provider = fake.provider();
  const { remoteId } = await provider.start();
  return { fake, provider, remoteId };
}


describe("mlserver execute", () => {
  it("streams console text while execute blocks, ignoring the last run's text, and repeats none of it at the end", async () => {
    const { fake, provider, remoteId } = await started();
    fake.onExecute = async (code, s: FakeSession) => {
      s.console = "[1] from the previous cell\r\n";
      await sleep(30);
      s.console = `${start(code)}tick 1\r\n`;
      await sleep(30);
      s.console += "tick 2\r\n";
      await sleep(30);
      return ok(`${s.console}tick 3\r\n`);
    };
    const { events } = await collect(provider.execute(remoteId, { code: 'for (i in 1:3) cat("tick", i, "\\n")' }));
    expect(stdout(events)).toBe("tick 1\ntick 2\ntick 3\n");
    expect(events.filter((e) => e.type === "stream").length).toBeGreaterThanOrEqual(3);
    expect(fake.calls().filter((c) => c.endsWith("/console-output")).length).toBeGreaterThan(3);
  });

  it("sends the cell inside the R runner, as a string literal", async () => {
    const { fake, provider, remoteId } = await started();
    let sent = "";
    fake.onExecute = (code) => {
      sent = code;
      return ok(`${start(code)}[1] 5\r\n`);
    };
    const { events } = await collect(provider.execute(remoteId, { code: 'x <- 2 + 3\nprint("x")' }));
    expect(sent).toMatch(/^base::local\(\{/);
    expect(sent).toContain('code <- "x <- 2 + 3\\nprint(\\"x\\")"');
    expect(events).toEqual([{ type: "stream", name: "stdout", text: "[1] 5\n" }]);
  });

  it("turns the runner's records into warning and message events, in order", async () => {
    const { fake, provider, remoteId } = await started();
    fake.onExecute = (code) => ok(`${start(code)}${mark(code, "message", "note to self\n")}on stdout\r\n${mark(code, "warning", "careful now")}`);
    const { events } = await collect(provider.execute(remoteId, { code: 'message("note to self"); cat("on stdout\\n"); warning("careful now")' }));
    expect(events).toEqual([
      { type: "message", text: "note to self\n" },
      { type: "stream", name: "stdout", text: "on stdout\n" },
      { type: "warning", text: "careful now" },
    ]);
  });

  it("reports success=false as an error event after the output (fixture execute-r-error)", async () => {
    const { fake, provider, remoteId } = await started();
    fake.onExecute = (code) => ({ ...FIXTURES["execute-r-error"], consoleOutput: `${start(code)}before\r\nError in log("a") : non-numeric argument to mathematical function\r\n` });
    const { events } = await collect(provider.execute(remoteId, { code: 'cat("before\\n"); log("a")' }));
    expect(events).toEqual([
      { type: "stream", name: "stdout", text: "before\n" },
      { type: "error", ename: "Error", evalue: "non-numeric argument to mathematical function", traceback: ['Error in log("a") : non-numeric argument to mathematical function'] },
    ]);
  });

  it("fetches the runner's plots and image files from changedFiles, then deletes only the runner's", async () => {
    const { fake, provider, remoteId } = await started();
    const session = fake.sessions.get(SESSION_ID);
    if (!session) throw new Error("no session");
    fake.onExecute = (code, s) => {
      const own = `kb-plot-${nonceOf(code)}-001.png`;
      for (const name of [own, "hist.png", "out.csv"]) s.files.set(name, PNG);
      return ok(`${start(code)}`, ["out.csv", "hist.png", own]);
    };
    const { events } = await collect(provider.execute(remoteId, { code: "plot(cars)" }));
    expect(events).toEqual([
      { type: "display_data", data: { "image/png": FIXTURES["download-plot"] } },
      { type: "display_data", data: { "image/png": FIXTURES["download-plot"] } },
    ]);
    const fileCalls = fake.calls().filter((c) => c.includes("/files/"));
    expect(fileCalls).toEqual([
      expect.stringMatching(/^GET .*\/files\/kb-plot-[0-9a-f]{16}-001\.png$/),
      expect.stringMatching(/^DELETE .*\/files\/kb-plot-[0-9a-f]{16}-001\.png$/),
      `GET /sessions/${SESSION_ID}/files/hist.png`,
    ]);
    expect([...session.files.keys()].sort()).toEqual(["hist.png", "out.csv"]);
  });

  it("ends with DEAD, after the output already yielded, when the server drops the session mid-run", async () => {
    const { fake, provider, remoteId } = await started();
    fake.onExecute = async (code, s) => {
      s.console = `${start(code)}partial\r\n`;
      await sleep(40);
      fake.sessions.delete(s.id);
      return new Promise(() => undefined); // the execute never answers
    };
    const { events, error } = await collect(provider.execute(remoteId, { code: "Sys.sleep(60)" }));
    expect(stdout(events)).toBe("partial\n");
    expect(error).toBeInstanceOf(KernelError);
    expect((error as KernelError).code).toBe("DEAD");
    expect((error as KernelError).message).toMatch(/session ended while the code was running/);
  });

  it("fails with NOT_FOUND for an unknown session, without executing anything", async () => {
    const { fake, provider } = await started();
    const { error } = await collect(provider.execute("no-such-kernel", { code: "1+1" }));
    expect((error as KernelError).code).toBe("NOT_FOUND");
    expect(fake.calls().some((c) => c.endsWith("/execute"))).toBe(false);
  });

  it("refuses a second execute while one runs (BUSY) and reports busy meanwhile", async () => {
    const { fake, provider, remoteId } = await started();
    fake.onExecute = async (code) => {
      await sleep(50);
      return ok(start(code));
    };
    const first = collect(provider.execute(remoteId, { code: "Sys.sleep(1)" }));
    await sleep(10);
    expect(await provider.status(remoteId)).toBe("busy");
    const second = await collect(provider.execute(remoteId, { code: "1" }));
    expect((second.error as KernelError).code).toBe("BUSY");
    await first;
    expect(await provider.status(remoteId)).toBe("idle");
  });

  it("interrupts with POST /cancel; the cell then ends with an Interrupted error", async () => {
    const { fake, provider, remoteId } = await started();
    let cancelled = () => undefined as void;
    fake.route("POST", `/sessions/${SESSION_ID}/cancel`, () => {
      cancelled();
      return { status: 200 };
    });
    fake.onExecute = (code) => new Promise((resolve) => {
      cancelled = () => resolve({ ...ok(start(code)), success: false, errorMessage: "Execution was cancelled." });
    });
    const run = collect(provider.execute(remoteId, { code: "while (TRUE) {}" }));
    await sleep(20);
    await provider.interrupt(remoteId);
    const { events } = await run;
    expect(events).toEqual([{ type: "error", ename: "Interrupted", evalue: "Execution was cancelled.", traceback: ["Execution was cancelled."] }]);
  });

  it("runs Python cells as sent, with their console at the end", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    const { remoteId } = await provider.start({ spec: "python" });
    fake.onExecute = (code) => ok(code === "print(1)" ? "1\r\n" : "");
    const { events } = await collect(provider.execute(remoteId, { code: "print(1)" }));
    expect(events).toEqual([{ type: "stream", name: "stdout", text: "1\n" }]);
    expect(fake.requests.find((r) => r.path.endsWith("/sessions"))?.json).toMatchObject({ runtimeType: "Python" });
  });

  it("rejects code with a NUL character before sending it", async () => {
    const { fake, provider, remoteId } = await started();
    const { events } = await collect(provider.execute(remoteId, { code: "a\u0000b" }));
    expect(events).toEqual([expect.objectContaining({ type: "error", evalue: expect.stringMatching(/NUL/) })]);
    expect(fake.calls().some((c) => c.endsWith("/execute"))).toBe(false);
  });
});

describe("errorEvent", () => {
  it("takes the message after R's prefix and keeps the text as traceback", () => {
    expect(errorEvent("Error: boom\r\n", false)).toEqual({ type: "error", ename: "Error", evalue: "boom", traceback: ["Error: boom"] });
    expect(errorEvent("Error in f() : \n  a long message\n", false)).toMatchObject({ evalue: "a long message" });
    expect(errorEvent("", false)).toMatchObject({ evalue: expect.stringMatching(/no error message/) });
    expect(errorEvent("Traceback (most recent call last):\nValueError: x", false)).toMatchObject({ evalue: "Traceback (most recent call last):\nValueError: x" });
  });
});
