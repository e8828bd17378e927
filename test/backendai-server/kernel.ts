// Why: one long-lived R or Python child per session (the "container"): runs code files, relays
// output, plots, HTML and input prompts as events, completes code, and can be interrupted or killed.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ConsoleItem } from "./console";

export type KernelLang = "r" | "python";
export type KernelEvent =
  | { kind: "output"; item: ConsoleItem }
  | { kind: "input" }
  | { kind: "done"; exitCode: number }
  | { kind: "exit" };

const DRIVERS = fileURLToPath(new URL("./drivers/", import.meta.url));
const MARK = "\x1e";

const hex = (text: string) => Buffer.from(text, "utf8").toString("hex");
const unhex = (text: string) => Buffer.from(text, "hex").toString("utf8");

function command(lang: KernelLang): [string, string[]] {
  return lang === "r"
    ? ["Rscript", ["--no-save", "--no-restore", join(DRIVERS, "r-driver.R")]]
    : ["python3", ["-u", join(DRIVERS, "py-driver.py")]];
}

/** Splits a stream into text and \x1eKB:TYPE:payload\x1e records, holding back partial records. */
class Framer {
  private buf = "";
  constructor(private readonly onText: (t: string) => void, private readonly onRecord: (type: string, payload: string) => void) {}
  feed(chunk: string): void {
    this.buf += chunk;
    for (;;) {
      const start = this.buf.indexOf(MARK);
      if (start < 0) return this.flushText(this.buf.length);
      this.flushText(start);
      const end = this.buf.indexOf(MARK, 1);
      if (end < 0) return;
      const [, type, ...rest] = this.buf.slice(1, end).split(":");
      this.buf = this.buf.slice(end + 1);
      this.onRecord(type ?? "", rest.join(":"));
    }
  }
  private flushText(n: number): void {
    if (n > 0) this.onText(this.buf.slice(0, n));
    this.buf = this.buf.slice(n);
  }
}

export class Kernel {
  private readonly child: ChildProcessWithoutNullStreams;
  private listener: (e: KernelEvent) => void = () => {};
  private runSeq = 0;
  private pendingExit: number | null = null;
  private stderrDone = false;
  private completion: ((matches: string[]) => void) | null = null;
  readonly ready: Promise<void>;
  exited = false;
  /** True from `run` until the run's end marks arrive. */
  busy = false;

  /** `workDir` is the session's /home/work (the child's cwd); code files and plots go to `scratchDir`. */
  constructor(readonly lang: KernelLang, workDir: string, private readonly scratchDir: string) {
    mkdirSync(workDir, { recursive: true });
    mkdirSync(scratchDir, { recursive: true });
    const [cmd, args] = command(lang);
    this.child = spawn(cmd, args, { cwd: workDir, stdio: "pipe", env: { ...process.env, HOME: workDir } });
    let markReady: () => void = () => {};
    this.ready = new Promise((resolve, reject) => {
      markReady = resolve;
      this.child.once("error", reject);
      this.child.once("exit", () => reject(new Error(`${cmd} exited before it was ready`)));
    });
    this.ready.catch(() => {});
    this.child.stdout.setEncoding("utf8");
    this.child.stderr.setEncoding("utf8");
    const out = new Framer((t) => this.emit({ kind: "output", item: ["stdout", t] }), (type, payload) => {
      if (type === "READY") markReady();
      else if (type === "INPUT") this.emit({ kind: "input" });
      else if (type === "PLOT") this.plot(payload);
      else if (type === "HTML") this.emit({ kind: "output", item: ["html", unhex(payload)] });
      else if (type === "COMPLETIONS") this.completed(payload);
      else if (type === "DONE") this.finishRun("stdout", Number(payload));
    });
    const err = new Framer((t) => this.emit({ kind: "output", item: ["stderr", t] }), (type) => {
      if (type === "EOR") this.finishRun("stderr", 0);
    });
    this.child.stdout.on("data", (c: string) => out.feed(c));
    this.child.stderr.on("data", (c: string) => err.feed(c));
    this.child.on("exit", () => {
      this.exited = true;
      this.completed("");
      this.emit({ kind: "exit" });
    });
  }

  /** A run ends when both streams have delivered their end marks. */
  private finishRun(stream: "stdout" | "stderr", code: number): void {
    if (stream === "stderr") this.stderrDone = true;
    else this.pendingExit = code;
    if (this.stderrDone && this.pendingExit !== null) {
      const exitCode = this.pendingExit;
      this.pendingExit = null;
      this.stderrDone = false;
      this.busy = false;
      this.emit({ kind: "done", exitCode });
    }
  }

  private plot(path: string): void {
    const data = readFileSync(path).toString("base64");
    this.emit({ kind: "output", item: ["media", ["image/png", `data:image/png;base64,${data}`]] });
  }

  private emit(e: KernelEvent): void {
    this.listener(e);
  }

  private completed(payload: string): void {
    const done = this.completion;
    this.completion = null;
    done?.(payload ? payload.split("\x1f") : []);
  }

  /** Completions for `line` with the cursor at `col`, computed silently by the idle child. */
  complete(line: string, col: number): Promise<string[]> {
    if (this.busy || this.exited || this.completion) return Promise.reject(new Error("the kernel is busy"));
    return new Promise((resolve) => {
      this.completion = resolve;
      this.child.stdin.write(`COMPLETE\t${hex(line)}\t${col}\n`);
    });
  }

  run(code: string, listener: (e: KernelEvent) => void): void {
    const n = ++this.runSeq;
    const file = join(this.scratchDir, `run-${n}.${this.lang === "r" ? "R" : "py"}`);
    const plots = join(this.scratchDir, `plots-${n}`);
    mkdirSync(plots, { recursive: true });
    writeFileSync(file, code);
    this.listener = listener;
    this.busy = true;
    this.child.stdin.write(`RUN\t${file}\t${plots}\n`);
  }

  sendInput(text: string): void {
    this.child.stdin.write(`${text.replace(/\r?\n/g, " ")}\n`);
  }

  interrupt(): void {
    if (!this.exited) this.child.kill("SIGINT");
  }

  /** SIGKILL; resolves once the process is gone. */
  kill(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once("exit", () => resolve());
      this.child.kill("SIGKILL");
    });
  }
}
