// What a hostile user can do from an R cell of the embedded kernel: every escape that webR's
// JavaScript bridge offers (the server's environment, child processes, files, the database port,
// the app's API, the process that runs the server, worker and memory bombs) must fail harmlessly,
// while a second user's kernel keeps running and the server (this test process) is unaffected.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExecEvent } from "@/server/contracts/outputs";
import { collectEvents } from "@/test/kernel-events";
import type { KernelProvider } from "../../types";
import { createWebRProvider } from "./index";

const MEMORY_LIMIT_MB = 1024;
const CANARY = `canary-${randomBytes(8).toString("hex")}`;
const CANARY_VARIABLE = "KERNELBOOK_HOSTILE_TEST_SECRET";
const BYSTANDER_TICKS = 150;

/** Runs hostile code in R: the JavaScript's value as text, or "BLOCKED: <why>" when it threw. */
const JS_HELPER = String.raw`js <- function(code) tryCatch(
  paste(as.character(webr::eval_js(code)), collapse = ","),
  error = function(e) paste("BLOCKED:", conditionMessage(e)))`;

/**
 * JavaScript that tries a TCP connection (or an HTTP request) from a fresh worker thread (the
 * webR thread itself never yields to its event loop) and waits up to 5 s for the outcome:
 * "connected" / "answered <status>", "failed <code>" or "no answer".
 */
function probeJs(kind: "tcp" | "http", target: string): string {
  const attempt =
    kind === "tcp"
      ? `const [h, p] = ${JSON.stringify(target)}.split(":"); const s = require("net").connect(Number(p), h);
         s.on("connect", () => done("connected")); s.on("error", (e) => done("failed " + e.code));`
      : `fetch(${JSON.stringify(target)}, { headers: { cookie: "next-auth.session-token=stolen" } })
           .then((r) => done("answered " + r.status), (e) => done("failed " + (e.cause?.code ?? e.message)));`;
  const worker = `const { workerData } = require("worker_threads"); const view = new Int32Array(workerData.flag);
    const done = (what) => { new Uint8Array(workerData.text).set(Buffer.from(what.slice(0, 60))); Atomics.store(view, 0, 1); Atomics.notify(view, 0); };
    ${attempt}`;
  return `(() => {
    const flag = new SharedArrayBuffer(4), text = new SharedArrayBuffer(64);
    const { Worker } = process.getBuiltinModule("worker_threads");
    new Worker(${JSON.stringify(worker)}, { eval: true, workerData: { flag, text } });
    Atomics.wait(new Int32Array(flag), 0, 0, 5000);
    const bytes = new Uint8Array(text); const end = bytes.indexOf(0);
    return Atomics.load(new Int32Array(flag), 0) ? new TextDecoder().decode(bytes.slice(0, end < 0 ? 64 : end)) : "no answer";
  })()`;
}

const textOf = (events: ExecEvent[]) =>
  events.map((e) => (e.type === "stream" ? e.text : e.type === "error" ? `${e.ename}: ${e.evalue}` : e.type === "execute_result" ? e.data["text/plain"] : "")).join("");

describe("hostile code in the embedded R kernel", () => {
  const provider: KernelProvider = createWebRProvider({ memoryLimitMb: MEMORY_LIMIT_MB });
  const dataDir = resolve(".data");
  const dataCanary = join(dataDir, `hostile-test-${CANARY}`);
  const tmpCanary = join(tmpdir(), `kernelbook-hostile-${CANARY}`);
  let hostile = "";
  let bystander = "";
  let bystanderRun: Promise<{ events: ExecEvent[]; error?: unknown }> | undefined;
  let api: Server | undefined;
  let apiUrl = "";
  let apiRequests = 0;
  let rssBefore = 0;

  const run = async (code: string): Promise<string> => {
    const { events, error } = await collectEvents(provider.execute(hostile, { code }));
    if (error) throw error;
    return textOf(events);
  };

  beforeAll(async () => {
    process.env[CANARY_VARIABLE] = CANARY;
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(dataCanary, CANARY, { mode: 0o644 });
    writeFileSync(tmpCanary, CANARY, { mode: 0o644 });
    api = createServer((_, res) => {
      apiRequests++;
      res.end(CANARY);
    });
    await new Promise<void>((done) => api!.listen(0, "127.0.0.1", done));
    const address = api.address();
    apiUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api/trpc/notebook.list`;
    rssBefore = process.memoryUsage().rss;
    [hostile, bystander] = (await Promise.all([provider.start(), provider.start()])).map((k) => k.remoteId);
    await run(JS_HELPER);
    // The second user's kernel: a loop that runs while the hostile cells do.
    bystanderRun = collectEvents(
      provider.execute(bystander, { code: `total <- 0; for (k in 1:${BYSTANDER_TICKS}) { Sys.sleep(0.2); total <- total + k; cat(k, "\\n") }; total` }),
    );
  });

  afterAll(async () => {
    delete process.env[CANARY_VARIABLE];
    rmSync(dataCanary, { force: true });
    rmSync(tmpCanary, { force: true });
    await new Promise((done) => api?.close(done));
    await Promise.all([hostile, bystander].map((id) => provider.shutdown(id).catch(() => undefined)));
  });

  it("sees none of the server's environment variables", async () => {
    const out = await run(`cat(js("JSON.stringify(Object.keys(process.env))"))`);
    expect(out).not.toContain(CANARY_VARIABLE);
    const names: unknown = JSON.parse(out);
    expect(names).toEqual(expect.any(Array));
    for (const name of Object.keys(process.env)) expect(names).not.toContain(name);
  });

  it("cannot start a child process, through getBuiltinModule, require or fork", async () => {
    const attempts = [
      `process.getBuiltinModule('child_process').execSync('id').toString()`,
      `(typeof require === 'function' ? require : process.getBuiltinModule('module').createRequire('/'))('child_process').execFileSync('/bin/sh', ['-c', 'echo pwned-$((6*7))']).toString()`,
      `String(process.getBuiltinModule('child_process').fork('/dev/null').pid)`,
      `String(process.getBuiltinModule('child_process').spawn('/bin/true').pid)`,
    ];
    for (const attempt of attempts) {
      const out = await run(`cat(js(${JSON.stringify(attempt)}))`);
      expect(out, attempt).toMatch(/^BLOCKED:/);
      expect(out).not.toMatch(/uid=|pwned-42/);
    }
  });

  it("cannot load a native addon", async () => {
    const out = await run(`cat(js("process.dlopen({ exports: {} }, '/usr/lib/x86_64-linux-gnu/libc.so.6'); 'loaded'"))`);
    expect(out).toMatch(/^BLOCKED:.*(restricted|denied|disabled)/is);
  });

  it("cannot read the app's .data folder, /etc/passwd or other files outside its own folder", async () => {
    const reads = [
      `process.getBuiltinModule('fs').readdirSync(${JSON.stringify(dataDir)}).join(' ')`,
      `process.getBuiltinModule('fs').readFileSync(${JSON.stringify(dataCanary)}, 'utf8')`,
      `process.getBuiltinModule('fs').readFileSync(${JSON.stringify(tmpCanary)}, 'utf8')`,
      `process.getBuiltinModule('fs').readFileSync('/etc/passwd', 'utf8')`,
      `process.getBuiltinModule('fs').readFileSync(${JSON.stringify(resolve("package.json"))}, 'utf8')`,
    ];
    for (const read of reads) {
      const out = await run(`cat(js(${JSON.stringify(read)}))`);
      expect(out, read).toMatch(/^BLOCKED:/);
      expect(out).not.toMatch(new RegExp(`${CANARY}|root:|kernelbook`));
    }
  });

  it("cannot reach the database port or the app's API", async () => {
    const db = new URL(process.env.DATABASE_URL ?? "postgresql://127.0.0.1:5432/x");
    const dbTarget = `${db.hostname}:${db.port || "5432"}`;
    const toDb = await run(`cat(js(${JSON.stringify(probeJs("tcp", dbTarget))}))`);
    expect(toDb).not.toMatch(/connected/);
    expect(toDb).toMatch(/^(failed|BLOCKED|no answer)/);
    const toApi = await run(`cat(js(${JSON.stringify(probeJs("http", apiUrl))}))`);
    expect(toApi).not.toMatch(/answered/);
    expect(apiRequests).toBe(0);
  });

  it.each([
    ["in webR's thread", "FALSE"],
    ["in the main thread of its process (await = TRUE)", "TRUE"],
  ])("gains nothing from calling webR's JavaScript bridge with .Call, %s", async (_, wait) => {
    const code = "Object.keys(process.env).join(' ') + ' ' + process.getBuiltinModule('child_process').execSync('id')";
    const out = await run(`cat(tryCatch(paste(.Call(webr:::ffi_eval_js, ${JSON.stringify(code)}, ${wait}), collapse = ""),
      error = function(e) paste("BLOCKED:", conditionMessage(e))))`);
    expect(out).toMatch(/^BLOCKED:/);
    expect(out).not.toMatch(new RegExp(`uid=|${CANARY_VARIABLE}`));
  });

  it("cannot mount the server's folders into R's file system (the attempt ends its own kernel at worst)", async () => {
    const code = `cat(tryCatch({ dir.create("/host"); webr::mount("/host", ${JSON.stringify(dataDir)}, type = "NODEFS"); paste(list.files("/host"), collapse = " ") },
      error = function(e) paste("BLOCKED:", conditionMessage(e))))`;
    // The permission model's refusal reaches Emscripten's NODEFS as an error it cannot map to an
    // errno; it unwinds through R, which is then lost (DEAD). Nothing is read.
    const { events, error } = await collectEvents(provider.execute(hostile, { code }));
    expect(textOf(events)).not.toContain(CANARY);
    if (error) expect(error).toMatchObject({ code: "DEAD" });
    else expect(textOf(events)).toMatch(/^BLOCKED:/);
    await provider.restart(hostile);
    await run(JS_HELPER);
    expect(await run("1+1")).toBe("[1] 2");
  });

  it.runIf(process.getuid?.() === 0)("cannot signal the server's process (it runs as another user)", async () => {
    const out = await run(`cat(js("String(process.kill(process.ppid, 0))"))`);
    expect(out).toMatch(/^BLOCKED:.*EPERM/s);
  });

  it("is stopped by its memory limit when worker threads pile up, and starts again", async () => {
    const bomb = `const { Worker } = process.getBuiltinModule('worker_threads'); const all = [];
      for (let i = 0; i < 150; i++) all.push(new Worker('const b = []; for (let i = 0; i < 40; i++) b.push(new Uint8Array(1 << 20).fill(1)); setInterval(() => b.length, 1000)', { eval: true }));
      const wait = new Int32Array(new SharedArrayBuffer(4)); Atomics.wait(wait, 0, 0, 20000); 'survived'`;
    const { events, error } = await collectEvents(provider.execute(hostile, { code: `cat(js(${JSON.stringify(bomb)}))` }));
    expect(textOf(events)).not.toContain("survived");
    expect(error).toMatchObject({ code: "DEAD", message: expect.stringMatching(new RegExp(`used more than ${MEMORY_LIMIT_MB} MB of memory and was stopped`)) });
    await provider.restart(hostile);
    expect(await run("1+1")).toBe("[1] 2");
  });

  it("is stopped by its memory limit when R allocates too much, with a clear message", async () => {
    const { error } = await collectEvents(provider.execute(hostile, { code: "x <- list(); for (i in 1:40) x[[i]] <- numeric(2.5e7)" }));
    expect(error).toMatchObject({ code: "DEAD", message: expect.stringMatching(new RegExp(`used more than ${MEMORY_LIMIT_MB} MB of memory and was stopped`)) });
    expect(await provider.status(hostile)).toBe("dead");
  });

  it("left the second user's kernel running its loop, and this process unharmed", async () => {
    const { events, error } = await bystanderRun!;
    expect(error).toBeUndefined();
    expect(textOf(events)).toContain(`${BYSTANDER_TICKS} \n`);
    expect(events.at(-1)).toEqual({ type: "execute_result", data: { "text/plain": `[1] ${(BYSTANDER_TICKS * (BYSTANDER_TICKS + 1)) / 2}` } });
    const { events: after } = await collectEvents(provider.execute(bystander, { code: "1+1" }));
    expect(textOf(after)).toBe("[1] 2");
    expect(process.env[CANARY_VARIABLE]).toBe(CANARY);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
  });
});
